// Markdown is preprocessed with Liquid by default, but most posts hold no Liquid at all: those
// builds must not pay for loading liquidjs. Each test file runs in its own process, so the
// module cache tells whether liquidjs was loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { build } from "../engine/build.js";
import { MemoryWriter } from "../write/memory-writer.js";
import { tempProject } from "../../test/support/temp-project.js";

const require = createRequire(import.meta.url);
const liquidLoaded = (): boolean => Object.keys(require.cache).some((file) => file.includes("/liquidjs/"));

async function buildPages(files: Record<string, string>): Promise<MemoryWriter> {
  const project = tempProject("language-set", files);
  try {
    const writer = new MemoryWriter();
    await build({ cwd: project.cwd, writer });
    return writer;
  } finally {
    project.done();
  }
}

test("Markdown and permalinks without Liquid syntax build without loading liquidjs", async () => {
  const writer = await buildPages({
    "post.md": "---\ntitle: Plain\npermalink: /plain/\n---\n# A *plain* post\n",
    "page.njk": "---\ntitle: N\n---\n{{ title }}",
  });
  assert.equal(writer.files.get("plain/index.html"), "<h1>A <em>plain</em> post</h1>\n");
  assert.equal(writer.files.get("page/index.html"), "N");
  assert.equal(liquidLoaded(), false, "liquidjs was loaded for a site without Liquid");
});

test("Markdown with Liquid syntax still goes through Liquid first", async () => {
  const writer = await buildPages({
    "post.md": "---\ntitle: Hello\npermalink: /{{ title | downcase }}/\n---\n# {{ title | upcase }}\n",
  });
  assert.equal(writer.files.get("hello/index.html"), "<h1>HELLO</h1>\n");
  assert.equal(liquidLoaded(), true);
});
