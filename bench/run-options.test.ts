import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseRunOptions } from "./run-options.js";

describe("parseRunOptions", () => {
  it("defaults to three sizes, both shapes, five runs and both tools", () => {
    assert.deepEqual(parseRunOptions([]), {
      sizes: [1000, 4000, 10000],
      shapes: ["plain", "real"],
      runs: 5,
      tools: ["eleventy", "plinth"],
      seed: "foundation",
      skipRebuilds: false,
    });
  });

  it("reads sizes, runs, one tool and the rebuild switch", () => {
    const options = parseRunOptions(["--sizes", "50_000, 100000", "--runs", "3", "--only", "plinth", "--skip-rebuilds"]);
    assert.deepEqual(options.sizes, [50000, 100000]);
    assert.equal(options.runs, 3);
    assert.deepEqual(options.tools, ["plinth"]);
    assert.equal(options.skipRebuilds, true);
  });

  it("rejects sizes and run counts that are not positive integers", () => {
    assert.throws(() => parseRunOptions(["--sizes", "1000,abc"]), /--sizes expects positive integers, got "abc"/);
    assert.throws(() => parseRunOptions(["--runs", "0"]), /--runs/);
  });

  it("reads shapes and rejects an unknown one", () => {
    assert.deepEqual(parseRunOptions(["--shapes", "real"]).shapes, ["real"]);
    assert.throws(() => parseRunOptions(["--shapes", "plain,huge"]), /--shapes expects plain and\/or real, got "huge"/);
  });

  it("rejects an unknown tool and an unknown flag", () => {
    assert.throws(() => parseRunOptions(["--only", "hugo"]), /--only expects plinth or eleventy/);
    assert.throws(() => parseRunOptions(["--fast"]));
  });
});
