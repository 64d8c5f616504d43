import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { watchablePath, watchRoots } from "./input-roots.js";

test("before the first good build, the working folder and --input stand in for the site's folders", () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "plinth-roots-"));
  const cwd = path.join(parent, "site");
  mkdirSync(path.join(cwd, "src"), { recursive: true });
  mkdirSync(path.join(parent, "elsewhere"));
  try {
    assert.deepEqual(watchRoots({ cwd, inputFlag: "src" }), [cwd]);
    assert.deepEqual(watchRoots({ cwd, inputFlag: "../elsewhere" }), [path.join(parent, "elsewhere"), cwd]);
    assert.deepEqual(watchRoots({ cwd, inputFlag: "../missing" }), [cwd], "paths that do not exist are not watched");
  } finally {
    rmSync(parent, { recursive: true });
  }
});

test("after a build: input, includes and data outside it, the config file, watch targets and passthrough sources", () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-roots-"));
  writeFileSync(path.join(cwd, "eleventy.config.js"), "export default () => {};");
  for (const file of [".eleventyignore", ".gitignore", "package.json"]) writeFileSync(path.join(cwd, file), "");
  for (const folder of ["src/_data", "src/img", "shared/_includes", "notes", "styles/x", "public"]) mkdirSync(path.join(cwd, folder), { recursive: true });
  try {
    const roots = watchRoots({
      cwd,
      paths: {
        cwd,
        input: path.join(cwd, "src"),
        output: path.join(cwd, "_site"),
        includes: path.join(cwd, "shared/_includes"),
        layouts: path.join(cwd, "shared/_includes"),
        data: path.join(cwd, "src/_data"),
      },
      config: { watchTargets: ["./notes/", "styles/**/*.css", "gone/"], passthroughCopies: [{ from: "public" }, { from: "src/img/*.png" }] },
    });
    const expected = [
      "src",
      "shared/_includes",
      ".eleventyignore",
      ".gitignore",
      "package.json",
      "eleventy.config.js",
      "notes",
      "styles",
      "public",
    ].map((p) => path.join(cwd, p));
    assert.deepEqual(roots, expected.sort());
  } finally {
    rmSync(cwd, { recursive: true });
  }
});

test("watchablePath keeps a glob's fixed folder", () => {
  assert.equal(watchablePath("/site", "assets/**/*.css"), "/site/assets");
  assert.equal(watchablePath("/site", "*.css"), "/site");
  assert.equal(watchablePath("/site", "./a/b.txt"), "/site/a/b.txt");
});
