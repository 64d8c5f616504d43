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

function order(g: OrderGraph): string[] {
  return g.order().map((id) => g.name(id));
}

test("dependencies come first, walked in the order they were added", () => {
  assert.deepEqual(order(graph([["a", "b"], ["a", "c"], ["c", "d"]])), ["b", "d", "c", "a"]);
});

test("a dependency shared by two nodes is placed once, where it is first reached", () => {
  assert.deepEqual(order(graph([["a", "x"], ["b", "x"], ["b", "a"]])), ["x", "a", "b"]);
});

test("walks start from the nodes nothing uses, in the order nodes were added", () => {
  const g = new OrderGraph();
  g.node("lonely");
  g.uses("late", "early");
  g.uses("top", "late");
  assert.deepEqual(order(g), ["lonely", "early", "late", "top"]);
});

test("a cycle is cut where the walk meets a node already on its path", () => {
  // root -> a -> b -> a: b is placed before a, though a is one of its dependencies.
  assert.deepEqual(order(graph([["root", "a"], ["a", "b"], ["b", "a"]])), ["b", "a", "root"]);
});

test("a cycle nothing outside uses is walked last, from its first node", () => {
  assert.deepEqual(order(graph([["p", "q"], ["q", "p"], ["r", "s"]])), ["s", "r", "q", "p"]);
});

test("an edge added twice counts once, with few dependencies or many", () => {
  const many: [string, string][] = Array.from({ length: 40 }, (_, i) => ["hub", `n${i % 20}`]);
  assert.equal(graph(many).dependenciesOf(0).length, 20);
  const g = graph([["a", "b"], ["a", "b"]]);
  assert.deepEqual(g.dependenciesOf(g.node("a")), [g.node("b")]);
});
