// The dev server's layered source: memory first, then the output folder on disk, except for
// paths that must not come from disk (pages an earlier build wrote).
import { test } from "node:test";
import assert from "node:assert/strict";
import { layeredSource, memorySource } from "./output-source.js";

test("the first source wins, the second fills in, and hidden paths never come from the second", () => {
  const memory = memorySource(new Map([["index.html", "new home"]]));
  const disk = memorySource(new Map<string, string>([["index.html", "old home"], ["img/a.png", "png"], ["old/index.html", "stale"]]));
  const source = layeredSource(memory, disk, (relative) => relative === "old/index.html" || relative === "index.html");
  assert.equal(source.read("index.html"), "new home");
  assert.equal(source.read("img/a.png"), "png");
  assert.equal(source.read("old/index.html"), undefined);
  assert.equal(source.read("missing.txt"), undefined);
});
