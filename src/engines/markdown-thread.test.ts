import assert from "node:assert/strict";
import { test } from "node:test";
import { createDefaultMarkdown } from "./default-markdown.js";
import { MarkdownThread } from "./markdown-thread.js";

const documents = [
  "# Title\n\nA paragraph with *emphasis*, `code` and a [link](https://example.org).\n",
  "- one\n- two\n\n> a quote\n\n<div class=\"raw\">raw HTML &nbsp; kept</div>\n",
  "    indented, not code\n\n```js\nconst fenced = true;\n```\n",
  "See [the charter][charter] and [members].\n\n[charter]: https://example.org/charter \"Charter\"\n[members]: /members/\n",
  "",
];

test("the Markdown thread renders exactly what the main thread renders, link references included", async () => {
  const main = createDefaultMarkdown();
  const thread = new MarkdownThread(createDefaultMarkdown(), 0);
  for (const text of documents) {
    const expectedEnv: Record<string, unknown> = {};
    const expected = main.render(text, expectedEnv);
    const env: Record<string, unknown> = {};
    const rendered = thread.render(text, env);
    assert.ok(rendered instanceof Promise, "past the warm-up, renders go to the thread");
    assert.equal(await rendered, expected);
    assert.deepEqual(env, expectedEnv, "the environment ends as markdown-it leaves it");
  }
});

test("the first renders and pages whose data already holds references stay on the main thread", async () => {
  const thread = new MarkdownThread(createDefaultMarkdown(), 2);
  assert.equal(typeof thread.render("*a*", {}), "string");
  assert.equal(typeof thread.render("*b*", {}), "string");
  assert.ok(thread.render("*c*", {}) instanceof Promise);
  const env: Record<string, unknown> = { references: { OLD: { href: "/old/", title: "" } } };
  assert.equal(thread.render("[old][]", env), '<p><a href="/old/">old</a></p>\n', "references given by the data resolve, as on the main thread");
});

test("many renders in flight come back to the right pages", async () => {
  const main = createDefaultMarkdown();
  const thread = new MarkdownThread(createDefaultMarkdown(), 0);
  const texts = Array.from({ length: 300 }, (_, i) => `## Post ${i}\n\n${"word ".repeat(i % 50)}[ref ${i}][r]\n\n[r]: /posts/${i}/\n`);
  const rendered = await Promise.all(texts.map((text) => thread.render(text, {})));
  assert.deepEqual(rendered, texts.map((text) => main.render(text, {})));
});

test("a build that expects many renders sends them all to the thread from the first; one that expects few does not start it", async () => {
  const few = new MarkdownThread(createDefaultMarkdown(), 2);
  few.prepare(2);
  assert.equal(typeof few.render("*a*", {}), "string", "two expected renders stay on the main thread");
  const many = new MarkdownThread(createDefaultMarkdown(), 2);
  many.prepare(3);
  const first = many.render("*a*", {});
  assert.ok(first instanceof Promise, "the first render goes to the thread");
  assert.equal(await first, "<p><em>a</em></p>\n");
});

test("documents sent ahead render as they would have when their pages ask, link references included", async () => {
  const main = createDefaultMarkdown();
  const thread = new MarkdownThread(createDefaultMarkdown(), 0);
  thread.prepare(1_000);
  const texts = Array.from({ length: 600 }, (_, i) => `# Post ${i}\n\nSee [the charter][c].\n\n[c]: /charter/${i}/\n`);
  texts.forEach((text, i) => thread.prerender(`/site/news/${i}.md`, text));
  for (const [i, text] of texts.entries()) {
    const expectedEnv: Record<string, unknown> = {};
    const expected = main.render(text, expectedEnv);
    const env: Record<string, unknown> = {};
    assert.equal(await thread.render(text, env, `/site/news/${i}.md`), expected);
    assert.deepEqual(env, expectedEnv);
  }
  assert.equal(await thread.render("*never sent ahead*", {}, "/site/other.md"), "<p><em>never sent ahead</em></p>\n");
  thread.prerender("/site/changed.md", "*as read*");
  assert.equal(await thread.render("*as a preprocessor left it*", {}, "/site/changed.md"), "<p><em>as a preprocessor left it</em></p>\n", "a file whose text changed since is rendered anew");
  thread.prerender("/site/left.md", "left over, never asked for");
  thread.forgetPrerendered();
});

test("a page whose data already holds references never takes a document sent ahead", async () => {
  const thread = new MarkdownThread(createDefaultMarkdown(), 0);
  thread.prepare(1_000);
  thread.prerender("/site/old.md", "[old][]");
  const env: Record<string, unknown> = { references: { OLD: { href: "/old/", title: "" } } };
  assert.equal(await thread.render("[old][]", env, "/site/old.md"), '<p><a href="/old/">old</a></p>\n');
  thread.forgetPrerendered();
});
