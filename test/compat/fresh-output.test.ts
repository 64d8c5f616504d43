/**
 * A build into an output folder that does not exist yet (a fresh checkout, CI) of a site whose
 * plugin writes files into the output folder itself, compared with Eleventy's. Plinth stages
 * such a build beside the output folder and renames it into place at the end; eleventy-img
 * creates the output folder meanwhile, when a page after the first has an image. The fixture
 * harness always builds into an existing empty folder, so it cannot see this.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildWithEleventy, buildWithPlinth, repoRoot } from "./build-site.js";
import { compareTrees, formatComparison } from "./compare-trees.js";

test("eleventy-img into a fresh output folder: same files as Eleventy, and no staging folder left", async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "plinth-fresh-output-"));
  try {
    const site = path.join(root, "site");
    cpSync(path.join(repoRoot(), "test", "fixtures", "plugin-eleventy-img"), site, { recursive: true });
    mkdirSync(path.join(site, "node_modules", "@11ty"), { recursive: true });
    symlinkSync(path.join(repoRoot(), "node_modules", "@11ty", "eleventy-img"), path.join(site, "node_modules", "@11ty", "eleventy-img"), "dir");
    // Pages without images, written (and so staged) before the pages whose images create the folder.
    for (let i = 1; i <= 12; i++) writeFileSync(path.join(site, `a-${String(i).padStart(2, "0")}.md`), `Plain page ${i}.\n`);
    const eleventyOut = path.join(root, "eleventy", "_site");
    const plinthOut = path.join(root, "plinth", "_site");
    const [eleventy, plinth] = await Promise.all([buildWithEleventy(site, eleventyOut), buildWithPlinth(site, plinthOut)]);
    assert.equal(eleventy.code, 0, eleventy.stderr);
    assert.equal(plinth.code, 0, plinth.stderr);
    const comparison = await compareTrees(eleventyOut, plinthOut);
    assert.ok(comparison.equal, formatComparison(comparison));
    assert.ok(existsSync(path.join(plinthOut, "img", "4GwSgkjRH6-48.webp")));
    assert.ok(existsSync(path.join(plinthOut, "a-12", "index.html")));
    assert.deepEqual(readdirSync(path.join(root, "plinth")), ["_site"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
