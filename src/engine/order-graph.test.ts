// The walk of the `dependency-graph` package (1.0, cycles allowed) that Eleventy's template
// order comes from: its outcomes on small graphs, worked out by hand from its algorithm.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OrderGraph } from "./order-graph.js";

function graph(edges: [string, string][]): OrderGraph {
  const g = new OrderGraph();
  for (const [from, to] of edges) g.uses(from, to);
  return g;
}

test("dependencies come first, walked in the order they were added", () => {
  assert.deepEqual(graph([["a", "b"], ["a", "c"], ["c", "d"]]).order(), ["b", "d", "c", "a"]);
});

test("a dependency shared by two nodes is placed once, where it is first reached", () => {
  assert.deepEqual(graph([["a", "x"], ["b", "x"], ["b", "a"]]).order(), ["x", "a", "b"]);
});

test("walks start from the nodes nothing uses, in the order nodes were added", () => {
  const g = new OrderGraph();
  g.addNode("lonely");
  g.uses("late", "early");
  g.uses("top", "late");
  assert.deepEqual(g.order(), ["lonely", "early", "late", "top"]);
});

test("a cycle is cut where the walk meets a node already on its path", () => {
  // root -> a -> b -> a: b is placed before a, though a is one of its dependencies.
  assert.deepEqual(graph([["root", "a"], ["a", "b"], ["b", "a"]]).order(), ["b", "a", "root"]);
});

test("a cycle nothing outside uses is walked last, from its first node", () => {
  assert.deepEqual(graph([["p", "q"], ["q", "p"], ["r", "s"]]).order(), ["s", "r", "q", "p"]);
});

test("an edge added twice counts once", () => {
  const g = graph([["a", "b"], ["a", "b"]]);
  assert.deepEqual(g.dependenciesOf("a"), ["b"]);
});
