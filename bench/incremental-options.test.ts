import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseIncrementalOptions } from "./incremental-options.js";

describe("parseIncrementalOptions", () => {
  it("defaults to three sizes, 15 edits of each kind and both tools", () => {
    assert.deepEqual(parseIncrementalOptions([]), {
      sizes: [1000, 4000, 10000],
      edits: 15,
      kinds: ["body", "title", "layout"],
      tools: ["eleventy", "plinth"],
      seed: "foundation",
    });
  });

  it("reads sizes, edit count, kinds in the given order and one tool", () => {
    const options = parseIncrementalOptions(["--sizes", "1_000, 4000", "--edits", "5", "--kinds", "layout,body,layout", "--only", "plinth"]);
    assert.deepEqual(options.sizes, [1000, 4000]);
    assert.equal(options.edits, 5);
    assert.deepEqual(options.kinds, ["layout", "body"]);
    assert.deepEqual(options.tools, ["plinth"]);
  });

  it("rejects bad numbers, kinds, tools and flags", () => {
    assert.throws(() => parseIncrementalOptions(["--sizes", "1000,x"]), /--sizes expects positive integers, got "x"/);
    assert.throws(() => parseIncrementalOptions(["--edits", "0"]), /--edits/);
    assert.throws(() => parseIncrementalOptions(["--kinds", "body,date"]), /--kinds expects body, title, layout, got "date"/);
    assert.throws(() => parseIncrementalOptions(["--only", "hugo"]), /--only expects plinth or eleventy/);
    assert.throws(() => parseIncrementalOptions(["--runs", "3"]));
  });
});
