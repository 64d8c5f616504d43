/**
 * An update keeps the pages of a template paginating a collection when nothing its expansion
 * read has changed (src/engine/expansion-reuse.ts), and re-made pages take over their
 * predecessors' collection items. Each test edits what a kept expansion would show wrongly:
 * a permalink made from an item's title, a `before` callback keeping items' data objects,
 * a pagination over the collection names, a list of items showing a re-made page's title.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { Site } from "../../src/engine/site.js";
import { fullBuild, snapshot } from "./outputs.js";

const dirs: string[] = [];

function makeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-expansion-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function post(n: number, tags = "[posts]"): string {
  return `---\ntitle: Post ${n}\ndate: 2024-01-0${n}\ntags: ${tags}\n---\nBody ${n}.\n`;
}

const POSTS = { "posts/p1.md": post(1), "posts/p2.md": post(2), "posts/p3.md": post(3) };

async function edit(site: Site, dir: string, file: string, change: (text: string) => string): Promise<void> {
  const absolute = path.join(dir, file);
  writeFileSync(absolute, change(readFileSync(absolute, "utf8")));
  const update = await site.update([absolute]);
  assert.equal(update.full, false, "the update is incremental");
}

function assertSameAsFullBuild(actual: Map<string, string>, expected: Map<string, string>): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
  for (const [file, content] of expected) assert.equal(actual.get(file), content, `${file} differs from a full build`);
}

describe("kept expansions of templates paginating collections", () => {
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("a permalink made from an item's title follows a title edit", async () => {
    const dir = makeSite({
      ...POSTS,
      "by-title.njk": "---\npagination:\n  data: collections.posts\n  size: 1\n  alias: post\npermalink: /by-title/{{ post.data.title | slugify }}/\n---\n{{ post.data.title }}\n",
    });
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    assert.ok(site.memory.read("by-title/post-2/index.html"));
    await edit(site, dir, "posts/p2.md", (text) => text.replace("title: Post 2", "title: Second Post"));
    assert.equal(site.memory.read("by-title/second-post/index.html"), "Second Post\n");
    assert.equal(site.memory.read("by-title/post-2/index.html"), undefined);
    assertSameAsFullBuild(snapshot(site), await fullBuild(dir));
  });

  test("a page listing items shows a re-made page's new title and body edits leave the list as it was", async () => {
    const dir = makeSite({
      ...POSTS,
      "index.njk": "---\npagination:\n  data: collections.posts\n  size: 2\n---\n{% for p in pagination.items %}{{ p.data.title }};{% endfor %}\n",
    });
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    await edit(site, dir, "posts/p1.md", (text) => `${text}More body.\n`);
    await edit(site, dir, "posts/p1.md", (text) => text.replace("title: Post 1", "title: Renamed"));
    assert.equal(site.memory.read("index.html"), "Renamed;Post 2;\n");
    await edit(site, dir, "posts/p2.md", (text) => text.replace("title: Post 2", "title: Renamed too"));
    assert.equal(site.memory.read("index.html"), "Renamed;Renamed too;\n");
    assertSameAsFullBuild(snapshot(site), await fullBuild(dir));
  });

  test("a pagination `before` that keeps items' data objects shows the re-made page's data", async () => {
    const dir = makeSite({
      ...POSTS,
      "titles.11ty.js": [
        "export const data = {",
        "  pagination: { data: 'collections.posts', size: 10, before: (items) => items.map((item) => item.data) },",
        "  permalink: '/titles.txt',",
        "};",
        "export function render(data) { return data.pagination.items.map((d) => d.title).join(','); }",
      ].join("\n"),
    });
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    assert.equal(site.memory.read("titles.txt"), "Post 1,Post 2,Post 3");
    await edit(site, dir, "posts/p3.md", (text) => text.replace("title: Post 3", "title: Third"));
    assert.equal(site.memory.read("titles.txt"), "Post 1,Post 2,Third");
    assertSameAsFullBuild(snapshot(site), await fullBuild(dir));
  });

  test("a pagination over the collection names makes a page for a new tag", async () => {
    const dir = makeSite({
      ...POSTS,
      "tags.njk": "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\n  filter: [all]\npermalink: /tags/{{ tag }}/\n---\n{{ collections[tag] | length }}\n",
    });
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    assert.equal(site.memory.read("tags/fresh/index.html"), undefined);
    await edit(site, dir, "posts/p1.md", (text) => text.replace("tags: [posts]", "tags: [posts, fresh]"));
    assert.equal(site.memory.read("tags/fresh/index.html"), "1\n");
    assertSameAsFullBuild(snapshot(site), await fullBuild(dir));
  });
});
