/**
 * An update that only edits templates patches the last build's sources and templates in place
 * (read-phase.ts, data-phase.ts). These edits must leave that path when the list of templates
 * changes: a preprocessor dropping the edited template, or taking it back.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { Site } from "../../src/engine/site.js";
import { fullBuild, snapshot } from "./outputs.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-in-place-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a template a preprocessor drops after an edit, and takes back, is as in a full build", async () => {
  mkdirSync(path.join(dir, "posts"));
  writeFileSync(path.join(dir, "eleventy.config.mjs"), 'export default (c) => { c.addPreprocessor("drafts", "md", (data) => (data.draft ? false : undefined)); };\n');
  for (const n of [1, 2, 3]) writeFileSync(path.join(dir, `posts/p${n}.md`), `---\ntitle: Post ${n}\ntags: [posts]\ndraft: false\n---\nBody ${n}.\n`);
  writeFileSync(path.join(dir, "index.njk"), "{% for p in collections.posts %}{{ p.data.title }};{% endfor %}\n");
  const site = new Site({ cwd: dir, runMode: "serve" });
  await site.build();
  const file = path.join(dir, "posts/p2.md");
  const original = readFileSync(file, "utf8");
  const steps: [string, string][] = [
    ["draft", original.replace("draft: false", "draft: true")],
    ["title of a draft", original.replace("draft: false", "draft: true").replace("Post 2", "Draft 2")],
    ["published again", original.replace("Post 2", "Back 2")],
    ["title", original.replace("Post 2", "Again 2")],
  ];
  for (const [step, text] of steps) {
    writeFileSync(file, text);
    await site.update([file]);
    const expected = await fullBuild(dir);
    assert.deepEqual(snapshot(site), expected, step);
  }
  assert.equal(site.memory.read("index.html"), "Post 1;Again 2;Post 3;\n");
});

test("a replayed update runs addCollection functions again and notices a list a template reordered", async () => {
  const site2 = mkdtempSync(path.join(os.tmpdir(), "plinth-replay-"));
  try {
    mkdirSync(path.join(site2, "posts"));
    writeFileSync(
      path.join(site2, "eleventy.config.mjs"),
      'export default (c) => { c.addCollection("featured", (api) => api.getFilteredByTag("posts").filter((item) => item.data.featured)); };\n',
    );
    for (const n of [1, 2, 3]) writeFileSync(path.join(site2, `posts/p${n}.md`), `---\ntitle: Post ${n}\ndate: 2024-01-0${n}\ntags: [posts]\nfeatured: ${n !== 2}\n---\nBody ${n}.\n`);
    writeFileSync(path.join(site2, "featured.njk"), "---\npermalink: /featured.txt\n---\n{% for p in collections.featured %}{{ p.data.title }};{% endfor %}\n");
    // Reverses collections.posts in place while it renders, as some templates do by mistake.
    writeFileSync(path.join(site2, "newest.njk"), "---\npermalink: /newest.txt\n---\n{% for p in collections.posts.reverse() %}{{ p.data.title }};{% endfor %}\n");
    const site = new Site({ cwd: site2, runMode: "serve" });
    await site.build();
    const file = path.join(site2, "posts/p2.md");
    const original = readFileSync(file, "utf8");
    for (const [step, text] of [
      ["featured", original.replace("featured: false", "featured: true")],
      ["retitled", original.replace("featured: false", "featured: true").replace("Post 2", "Second")],
      ["body", `${original.replace("Post 2", "Second")}More.\n`],
    ] as const) {
      writeFileSync(file, text);
      const update = await site.update([file]);
      assert.equal(update.full, false);
      assert.deepEqual(snapshot(site), await fullBuild(site2), step);
    }
    assert.equal(site.memory.read("featured.txt"), "Post 1;Post 3;\n");
  } finally {
    rmSync(site2, { recursive: true, force: true });
  }
});
