// The `url` filter as documented at https://www.11ty.dev/docs/filters/url/: root-relative URLs get
// the path prefix; full URLs and protocol-relative URLs are left alone. The normalising quirks
// at the end are Eleventy 3.1.8's own (src/Filters/Url.js), the reference for what is correct.
import { test } from "node:test";
import assert from "node:assert/strict";
import { urlFilter } from "./url-filter.js";

test("with the default prefix `/`, root-relative URLs are unchanged", () => {
  assert.equal(urlFilter("/", "/"), "/");
  assert.equal(urlFilter("/about/", "/"), "/about/");
  assert.equal(urlFilter("/feed.xml", "/"), "/feed.xml");
});

test("the path prefix goes in front of root-relative URLs", () => {
  assert.equal(urlFilter("/myDir/", "/rootDir/"), "/rootDir/myDir/");
  assert.equal(urlFilter("/about/", "/docs/"), "/docs/about/");
  assert.equal(urlFilter("/css/style.css", "/docs/"), "/docs/css/style.css");
});

test("`/` with a prefix is the prefix's root, with a trailing slash", () => {
  assert.equal(urlFilter("/", "/docs/"), "/docs/");
  assert.equal(urlFilter("/", "docs"), "/docs/");
});

test("a prefix without slashes is treated as a root folder", () => {
  assert.equal(urlFilter("/about/", "docs"), "/docs/about/");
});

test("full URLs are left alone, whatever the prefix", () => {
  for (const url of ["https://example.org/a/", "http://x.test", "mailto:board@example.org", "tel:+123"]) {
    assert.equal(urlFilter(url, "/docs/"), url);
  }
});

test("protocol-relative URLs are left alone", () => {
  assert.equal(urlFilter("//cdn.example.org/lib.js", "/docs/"), "//cdn.example.org/lib.js");
});

test("relative URLs and fragments are not prefixed", () => {
  assert.equal(urlFilter("about/", "/docs/"), "about/");
  assert.equal(urlFilter("#main", "/docs/"), "#main");
});

test("Eleventy's normalising quirks: `..` segments resolve, an empty URL becomes `.`, a lone `//` is the root", () => {
  assert.equal(urlFilter("/a/../b/", "/docs/"), "/docs/b/");
  assert.equal(urlFilter("foo/../bar", "/docs/"), "bar");
  assert.equal(urlFilter("", "/docs/"), ".");
  assert.equal(urlFilter(undefined, "/"), ".");
  assert.equal(urlFilter("//", "/docs/"), "/docs/");
});

test("a URL that already is the prefix's root is not prefixed twice", () => {
  assert.equal(urlFilter("/docs/", "/docs/"), "/docs/");
});

test("a URL asked for again under another prefix gets that prefix (answers are kept per prefix)", () => {
  assert.equal(urlFilter("/news/", "/"), "/news/");
  assert.equal(urlFilter("/news/", "/docs/"), "/docs/news/");
  assert.equal(urlFilter("/news/", "/"), "/news/");
});

test("root-relative paths under the default prefix come back as they are, unless they need normalising", () => {
  assert.equal(urlFilter("/news/a-post/"), "/news/a-post/");
  assert.equal(urlFilter("/feed.xml"), "/feed.xml");
  assert.equal(urlFilter("/"), "/");
  assert.equal(urlFilter("/.well-known/security.txt"), "/.well-known/security.txt");
  assert.equal(urlFilter("/a//b/"), "/a/b/");
  assert.equal(urlFilter("/a/./b"), "/a/b");
  assert.equal(urlFilter("/a/../b/"), "/b/");
  assert.equal(urlFilter("/a/b//"), "/a/b/");
});
