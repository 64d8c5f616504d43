// plinth build with the newsroom plugin, as a user runs it: scheduled pages are counted and
// the next one named; --drafts and --future build them, marked.
import assert from "node:assert/strict";
import { existsSync, readFileSync, symlinkSync, mkdirSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "../errors/broken-site.js";
import { tempProject } from "../support/temp-project.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

test("plinth build holds drafts and scheduled posts back, says what waits, and --drafts --future build them", async () => {
  const site = tempProject("newsroom-cli", {
    "eleventy.config.js": `import newsroom from "plinth/newsroom";\nexport default (c) => { c.addPlugin(newsroom, { site: { url: "https://x.example", name: "X" } }); };`,
    "news/now.md": "---\ntitle: Now\ndate: 2020-01-01\n---\nNow.",
    "news/draft.md": "---\ntitle: Draft\ndraft: true\n---\nDraft.",
    "news/soon.md": "---\ntitle: Soon\ndate: 2999-01-01\n---\nSoon.",
    "news/sooner.md": "---\ntitle: Sooner\ndate: 2998-05-06T07:08:00Z\n---\nSooner.",
  });
  mkdirSync(site.abs("node_modules"));
  symlinkSync(repoRoot, site.abs("node_modules/plinth"), "dir");
  try {
    const held = await runCli(["build"], site.cwd);
    assert.equal(held.code, 0, held.stderr);
    assert.match(held.stdout, /^\[newsroom\] 2 scheduled pages are waiting; the next, "Sooner", is due 2998-05-06 07:08 UTC \(--future builds them now\)\n\[build\] Wrote 3 pages /);
    assert.equal(existsSync(site.abs("_site/news/now/index.html")), true);
    for (const page of ["draft", "soon", "sooner"]) assert.equal(existsSync(site.abs(`_site/news/${page}/index.html`)), false, page);
    assert.doesNotMatch(readFileSync(site.abs("_site/sitemap.xml"), "utf8"), /draft|soon/);

    const shown = await runCli(["build", "--drafts", "--future"], site.cwd);
    assert.equal(shown.code, 0, shown.stderr);
    assert.doesNotMatch(shown.stdout, /waiting/);
    assert.match(readFileSync(site.abs("_site/news/draft/index.html"), "utf8"), /class="plinth-draft-mark"[^>]*>Draft<\/p>/);
    assert.match(readFileSync(site.abs("_site/news/soon/index.html"), "utf8"), />Scheduled for 2999-01-01 00:00 UTC<\/p>/);
    assert.doesNotMatch(readFileSync(site.abs("_site/news/now/index.html"), "utf8"), /plinth-draft-mark/);
  } finally {
    site.done();
  }
});
