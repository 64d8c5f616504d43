// Eleventy 3.1.8's set*Directory methods: below a returned `dir` and the command line, refused in plugins.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "./load-config.js";

async function load(source: string, cli: { input?: string; output?: string } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-setdir-"));
  try {
    writeFileSync(path.join(dir, "eleventy.config.mjs"), source);
    return await loadConfig({ cwd: dir, ...cli });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("set*Directory sets every folder, and plugins see them in eleventyConfig.directories", async () => {
  const { options, userConfig } = await load(`export default function (c) {
    c.setInputDirectory("src"); c.setOutputDirectory("dist"); c.setIncludesDirectory("inc");
    c.setLayoutsDirectory("lay"); c.setDataDirectory("dat");
  }`);
  assert.deepEqual(options.dir, { input: "src", output: "dist", includes: "inc", layouts: "lay", data: "dat" });
  assert.equal(userConfig.directories.includes, "./src/inc/");
});

test("a returned dir and the command line beat set*Directory", async () => {
  const { options } = await load(`export default function (c) {
    c.setInputDirectory("src"); c.setOutputDirectory("dist"); c.setDataDirectory("dat");
    return { dir: { data: "facts" } };
  }`, { input: "site", output: "out" });
  assert.equal(options.dir.input, "site");
  assert.equal(options.dir.output, "out");
  assert.equal(options.dir.data, "facts");
});

test("a plugin may not call set*Directory", async () => {
  await assert.rejects(
    load(`export default function (c) { c.addPlugin((p) => p.setOutputDirectory("x")); }`),
    (error: Error & { code?: string }) => error.code === "ConfigMisuse" && /setOutputDirectory/.test(error.message),
  );
});
