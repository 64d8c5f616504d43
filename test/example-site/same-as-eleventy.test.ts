// The README and COMPAT.md promise that the bundled example site builds byte for byte the same
// under Eleventy 3.1.8 as under Plinth: both build it, and the two trees are compared exactly.

import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { compareTrees, formatComparison } from "../compat/compare-trees.js";
import { buildExampleSite } from "./build-example-site.js";

test("the example site builds the same bytes with Plinth as with Eleventy 3.1.8", { timeout: 180_000 }, async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), "plinth-example-same-"));
  try {
    const eleventyOut = path.join(work, "eleventy");
    const plinthOut = path.join(work, "plinth");
    const [eleventy, plinth] = await Promise.all([buildExampleSite("eleventy", eleventyOut), buildExampleSite("plinth", plinthOut)]);
    assert.equal(eleventy.code, 0, `eleventy failed:\n${eleventy.stderr}`);
    assert.equal(plinth.code, 0, `plinth failed:\n${plinth.stderr}`);
    const comparison = await compareTrees(eleventyOut, plinthOut);
    assert.ok(comparison.compared > 20, `only ${comparison.compared} files were compared`);
    assert.ok(comparison.equal, formatComparison(comparison));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
