// Eleventy 3.1.8's ReservedData rule: content, collections and page's own fields may not be set by data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkReservedData, reservedKeys } from "./reserved-data.js";
import { sourceFromText } from "./template-source.js";

test("reserved names are content, collections, a non-object page and page's own fields", () => {
  assert.deepEqual(reservedKeys({ title: "t", page: { lang: "en" } }), []);
  assert.deepEqual(reservedKeys({ content: "", collections: {} }), ["content", "collections"]);
  assert.deepEqual(reservedKeys({ page: { url: "/x/", excerpt: "e" } }), ["page.url"]);
  assert.deepEqual(reservedKeys({ page: "text" }), ["page"]);
});

test("a page whose front matter or computed data sets one fails with its line", () => {
  const text = "---\ntitle: t\ncontent: mine\n---\nbody\n";
  const source = sourceFromText("/site/a.md", "/site", "./a.md", "md", text);
  assert.throws(
    () => checkReservedData(source.frontMatter.data, source),
    (error: Error & { code?: string; location?: { line?: number } }) => error.code === "ReservedData" && error.location?.line === 3,
  );
  assert.throws(() => checkReservedData({ eleventyComputed: { page: { url: "/x/" } } }, source), /page\.url/);
  assert.doesNotThrow(() => checkReservedData({ title: "t" }, source));
});
