// While serving, the newsroom plugin shows drafts and scheduled pages, each with a visible mark.
import assert from "node:assert/strict";
import { mkdirSync, symlinkSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { DevSession } from "../../src/server/dev-session.js";
import { tempProject } from "../support/temp-project.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

test("plinth serve builds drafts and scheduled pages with a Draft or Scheduled mark", async () => {
  const site = tempProject("newsroom-serve", {
    "eleventy.config.js": `import newsroom from "plinth/newsroom";\nexport default (c) => { c.addPlugin(newsroom, { site: { url: "https://x.example", name: "X" } }); };`,
    "news/draft.md": "---\ntitle: Draft\ndraft: true\n---\nNot ready.",
    "news/soon.md": "---\ntitle: Soon\ndate: 2999-01-01\n---\nLater.",
    "news/out.md": "---\ntitle: Out\ndate: 2020-01-01\n---\nOut.",
  });
  mkdirSync(site.abs("node_modules"));
  symlinkSync(repoRoot, site.abs("node_modules/plinth"), "dir");
  const session = new DevSession({ cwd: site.cwd, log: () => {}, logError: () => {} });
  try {
    await session.start();
    assert.match(session.site.memory.read("news/draft/index.html") ?? "", /^<p class="plinth-draft-mark"[^>]*>Draft<\/p>\n<p>Not ready\.<\/p>/);
    assert.match(session.site.memory.read("news/soon/index.html") ?? "", />Scheduled for 2999-01-01 00:00 UTC<\/p>/);
    assert.equal(session.site.memory.read("news/out/index.html"), "<p>Out.</p>\n");
  } finally {
    site.done();
  }
});
