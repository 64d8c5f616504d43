import { test } from "node:test";
import assert from "node:assert/strict";
import { urlFilter } from "./url-filter.js";

test("site-relative URLs get the path prefix, keeping a trailing slash", () => {
  assert.equal(urlFilter("/about/", "/docs/"), "/docs/about/");
  assert.equal(urlFilter("/a/../b/", "docs"), "/docs/b/");
  assert.equal(urlFilter("/a//b", "/"), "/a/b");
});

test("the root and the prefix itself resolve to the prefix with one slash", () => {
  assert.equal(urlFilter("/", "docs"), "/docs/");
  assert.equal(urlFilter("/docs", "/docs/"), "/docs/");
  assert.equal(urlFilter("//", "/p/"), "/p/");
});

test("full and protocol-relative URLs pass through untouched", () => {
  assert.equal(urlFilter("https://example.org/x/../y", "/docs/"), "https://example.org/x/../y");
  assert.equal(urlFilter("mailto:someone@example.org", "/docs/"), "mailto:someone@example.org");
  assert.equal(urlFilter("//cdn.example.org/a.js", "/docs/"), "//cdn.example.org/a.js");
});

test("relative paths are normalised but not prefixed, as in Eleventy", () => {
  assert.equal(urlFilter("foo/./bar", "/docs/"), "foo/bar");
  assert.equal(urlFilter("a//b", "/"), "a/b");
  assert.equal(urlFilter("../x", "/"), "../x");
  assert.equal(urlFilter("#top", "/docs/"), "#top");
  assert.equal(urlFilter("", "/docs/"), ".");
  assert.equal(urlFilter(undefined, "/docs/"), ".");
});
