/**
 * Templates inside passthrough copies, in the dev server's updates: such a file is both copied
 * and rendered (as Eleventy does, see the passthrough-templates-rendered fixture), and an edit
 * to it, or a new template in the copied folder, updates the copy and the page alike, with the
 * same output as a full build. A page and a copy at the same output path: the page wins.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { Site } from "../../src/engine/site.js";
import { fullBuild, snapshot } from "./outputs.js";

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function write(dir: string, relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function makeSite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-passthrough-templates-"));
  dirs.push(dir);
  write(dir, "eleventy.config.js", 'export default function (c) { c.addPassthroughCopy("img"); c.addPassthroughCopy("index.html"); }\n');
  write(dir, "img/avatars/README.md", "---\ntitle: Avatars\n---\nFirst text.\n");
  write(dir, "img/avatars/ada.svg", "<svg></svg>\n");
  write(dir, "index.html", "<p>{{ 1 | plus: 1 }}</p>\n");
  write(dir, "sitemap.njk", "---\npermalink: /sitemap.txt\n---\n{% for p in collections.all %}{{ p.url }} {% endfor %}\n");
  return dir;
}

test("a template in a passthrough folder is copied and rendered, in the first build and after edits", async () => {
  const dir = makeSite();
  const site = new Site({ cwd: dir, runMode: "serve" });
  await site.build();
  assert.match(site.memory.read("img/avatars/README/index.html") ?? "", /First text/);
  assert.match(site.memory.read("img/avatars/README.md") ?? "", /^---\ntitle: Avatars/);
  assert.match(site.memory.read("sitemap.txt") ?? "", /\/img\/avatars\/README\//);
  assert.equal(site.memory.read("index.html"), "<p>2</p>\n", "the page wins over the copy at the same path");

  const readme = write(dir, "img/avatars/README.md", "---\ntitle: Avatars\n---\nSecond text.\n");
  const edit = await site.update([readme]);
  assert.equal(edit.full, false);
  assert.match(site.memory.read("img/avatars/README/index.html") ?? "", /Second text/);
  assert.match(site.memory.read("img/avatars/README.md") ?? "", /Second text/);
  assert.deepEqual(snapshot(site), await fullBuild(dir));

  const added = write(dir, "img/avatars/grace.md", "---\ntitle: Grace\n---\nNew page.\n");
  await site.update([added]);
  assert.match(site.memory.read("img/avatars/grace/index.html") ?? "", /New page/);
  assert.match(site.memory.read("sitemap.txt") ?? "", /\/img\/avatars\/grace\//);
  assert.deepEqual(snapshot(site), await fullBuild(dir));

  const index = write(dir, "index.html", "<p>{{ 2 | plus: 2 }}</p>\n");
  await site.update([index]);
  assert.equal(site.memory.read("index.html"), "<p>4</p>\n");
  assert.deepEqual(snapshot(site), await fullBuild(dir));
});
