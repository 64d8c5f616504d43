// `slugify` (https://www.11ty.dev/docs/filters/slugify/, @sindresorhus/slugify with
// `decamelize: false`) and the older `slug` (https://www.11ty.dev/docs/filters/slug/, the
// `slugify` package with `lower: true`). The two differ on punctuation and transliteration.
import { test } from "node:test";
import assert from "node:assert/strict";
import { slugFilter, slugifyFilter } from "./slug-filters.js";

test("slugify: lower case words joined by hyphens", () => {
  assert.equal(slugifyFilter("My Title"), "my-title");
  assert.equal(slugifyFilter("  Hello   World  "), "hello-world");
});

test("slugify: punctuation goes, accents are transliterated, & becomes `and`", () => {
  assert.equal(slugifyFilter("Hello World!"), "hello-world");
  assert.equal(slugifyFilter("Café Déjà Vu"), "cafe-deja-vu");
  assert.equal(slugifyFilter("C++ & C#"), "c-and-c");
  assert.equal(slugifyFilter("über"), "ueber");
});

test("slugify: camel case is not split (Eleventy passes decamelize: false)", () => {
  assert.equal(slugifyFilter("fooBar"), "foobar");
});

test("slugify: an ASCII apostrophe inside a word is dropped", () => {
  assert.equal(slugifyFilter("It's a test"), "its-a-test");
});

test("slugify: numbers become strings; missing values become empty", () => {
  assert.equal(slugifyFilter(2024), "2024");
  assert.equal(slugifyFilter(undefined), "");
  assert.equal(slugifyFilter(null), "");
});

test("slugify: options are passed to the library", () => {
  assert.equal(slugifyFilter("Hello World", { separator: "_" }), "hello_world");
  assert.equal(slugifyFilter("fooBar", { decamelize: true }), "foo-bar");
});

test("slugify: the cache does not leak results between calls with and without options", () => {
  assert.equal(slugifyFilter("Cache Me"), "cache-me");
  assert.equal(slugifyFilter("Cache Me", { separator: "_" }), "cache_me");
  assert.equal(slugifyFilter("Cache Me"), "cache-me");
});

test(
  "slugify: a typographic apostrophe (’) is a separator, as in Eleventy 3.1.8 (`Foundation’s` -> `foundation-s`)",
  () => {
    assert.equal(slugifyFilter("The Rust Foundation’s news"), "the-rust-foundation-s-news");
  },
);

test("slug: lower case with hyphens, but keeps characters slugify would drop", () => {
  assert.equal(slugFilter("Hello World"), "hello-world");
  assert.equal(slugFilter("Hello World!"), "hello-world!");
  assert.equal(slugFilter("It's a test"), "it's-a-test");
  assert.equal(slugFilter("a_b"), "a_b");
});

test("slug vs slugify: different transliteration of German umlauts", () => {
  assert.equal(slugFilter("über-cool"), "uber-cool");
  assert.equal(slugifyFilter("über-cool"), "ueber-cool");
});

test("slug: numbers become strings, as Eleventy's `\"\" + str` does", () => {
  assert.equal(slugFilter(123 as unknown as string), "123");
});

test("slug: options are passed to the library", () => {
  assert.equal(slugFilter("Hello World", { replacement: "_" }), "hello_world");
});
