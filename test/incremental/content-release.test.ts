/**
 * A one-shot build to disk lets each page's content go once its output is written
 * (src/engine/content-release.ts). Pages that show other pages' content after those have
 * rendered must still see it exactly: a full-content feed of every post, a post layout that
 * shows the previous post's body, and a page whose transform rewrote its output (so its
 * content cannot be taken back out of it). The output folder must equal a build that keeps
 * everything in memory, and the contents no page showed must really be gone.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, test } from "node:test";
import { buildUsingCache } from "../../src/cache/cached-build.js";
import { build } from "../../src/engine/build.js";
import { ContentRelease, releasedContent, settleContents } from "../../src/engine/content-release.js";
import type { Page } from "../../src/engine/page-model.js";
import type { OutputWriter } from "../../src/write/output-writer.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";
import { tempProject } from "../support/temp-project.js";
import { assertSameOutput, folderSnapshot } from "./edits.js";

const POSTS = 60;

function post(n: number): string {
  const body = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} of post ${n}: the working group met and agreed on the plan for release ${n}.${i}, with notes.`).join("\n\n");
  return `---\ntitle: Post ${n}\ndate: 2024-01-${String((n % 28) + 1).padStart(2, "0")}\ntags: posts\nlayout: post.njk\n---\n# Post ${n}\n\n${body}\n`;
}

const files: Record<string, string> = {
  "eleventy.config.js": `export default function (config) {
  // Rewrites one post's output after layout: its content is no longer in it verbatim.
  config.addTransform("shout", function (content) {
    return this.page.inputPath.endsWith("post-7.md") ? content.replaceAll("working group", "WORKING GROUP") : content;
  });
}
`,
  "_includes/post.njk": `<article>{{ content | safe }}</article>
{% set previous = collections.posts | getPreviousCollectionItem(page) %}{% if previous %}<aside>{{ previous.templateContent | safe }}</aside>{% endif %}
`,
  // Renders after every post (its body reads collections): shows each post's full content.
  "feed.njk": `---\npermalink: feed.xml\n---\n{% for p in collections.posts %}<entry>{{ p.templateContent | safe }}</entry>\n{% endfor %}`,
  ...Object.fromEntries(Array.from({ length: POSTS }, (_, n) => [`posts/post-${n}.md`, post(n)])),
};

const project = tempProject("content-release", files);
after(() => project.done());

test("a one-shot build that lets contents go writes what a build that keeps them writes", async () => {
  const kept = new MemoryWriter();
  await build({ cwd: project.cwd, writer: kept });
  const outcome = await buildUsingCache({ cwd: project.cwd });
  assert.equal(outcome.cached, false);
  if (outcome.cached) return;
  assertSameOutput(folderSnapshot(path.join(project.cwd, "_site")), new Map([...kept.files].map(([k, v]) => [k, v.toString()])), "one-shot build");
  // Every post is shown by the feed, so the page memory keeps every post's content; the feed's own is shown by none.
  const byInput = new Map(outcome.result.pages.map((page) => [page.page.inputPath, page]));
  assert.equal(byInput.get("./feed.njk")?.content, undefined);
  for (let n = 0; n < POSTS; n++) assert.ok(byInput.get(`./posts/post-${n}.md`)?.content?.includes(`Paragraph 5 of post ${n}`), `post ${n} keeps its content for the page memory`);
});

/** A writer that has "written" a file once told so, and gives back exactly what it was given. */
class SlowWriter implements Pick<OutputWriter, "canReadBack" | "readBack"> {
  readonly files = new Map<string, string>();
  readonly onDisk = new Set<string>();
  canReadBack(relative: string): boolean {
    return this.onDisk.has(relative);
  }
  readBack(relative: string): string | undefined {
    return this.onDisk.has(relative) ? this.files.get(relative) : undefined;
  }
}

function fakePage(relative: string, content: string): Page {
  return { outputRelative: relative, content, page: { inputPath: `./${relative}.md` } } as unknown as Page;
}

test("a content goes only once the writer can give its output back, and comes back exactly", () => {
  const writer = new SlowWriter();
  const release = new ContentRelease(writer as unknown as OutputWriter);
  const content = `<p>${"é ".repeat(200)}</p>`;
  const first = fakePage("a/index.html", content);
  const second = fakePage("b/index.html", content.replace("<p>", "<p class=x>"));
  const rewritten = fakePage("c/index.html", content);
  writer.files.set("a/index.html", `<main>${first.content}</main>`);
  release.handedOver(first, writer.files.get("a/index.html")!);
  assert.equal(first.content, content, "kept while the file is not written");
  writer.onDisk.add("a/index.html");
  writer.files.set("b/index.html", `<body>${second.content}</body>`);
  release.handedOver(second, writer.files.get("b/index.html")!);
  assert.equal(first.content, undefined, "let go once written");
  assert.equal(releasedContent(first), content);
  assert.equal(second.content?.startsWith("<p class=x>"), true, "the next page waits for its own file");
  writer.onDisk.add("b/index.html").add("c/index.html");
  writer.files.set("c/index.html", "<main>transformed</main>");
  release.handedOver(rewritten, "<main>transformed</main>");
  assert.equal(rewritten.content, content, "an output without the content keeps it");
  assert.equal(releasedContent(rewritten), undefined);
  settleContents([first, second, rewritten], (page) => page === first);
  assert.equal(first.content, content, "a content another page showed comes back for the page memory");
  assert.equal(second.content, undefined);
  assert.equal(rewritten.content, undefined);
});
