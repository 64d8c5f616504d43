// The built-in filters are registered through the ordinary config API, read the path prefix when
// called (it is only known after the site's config ran), and find the current page from `this.page`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig } from "../config/user-config.js";
import { addBuiltinFilters } from "./builtin-filters.js";

function filters(prefix: () => string): Map<string, (...args: unknown[]) => unknown> {
  const config = new UserConfig();
  addBuiltinFilters(config, prefix);
  const out = new Map<string, (...args: unknown[]) => unknown>();
  for (const [name, entry] of config.filters.universal) out.set(name, entry.fn as (...args: unknown[]) => unknown);
  return out;
}

test("every filter Eleventy sites rely on is registered as a universal filter", () => {
  const names = [...filters(() => "/").keys()].sort();
  for (const name of ["url", "slugify", "slug", "log", "getCollectionItem", "getPreviousCollectionItem", "getNextCollectionItem", "getCollectionItemIndex"]) {
    assert.ok(names.includes(name), `missing ${name}`);
  }
});

test("url reads the path prefix at call time", () => {
  let prefix = "/";
  const url = filters(() => prefix).get("url")!;
  assert.equal(url("/about/"), "/about/");
  prefix = "/docs/";
  assert.equal(url("/about/"), "/docs/about/");
});

test("url takes an explicit prefix as its second argument", () => {
  const url = filters(() => "/docs/").get("url")!;
  assert.equal(url("/about/", "/other/"), "/other/about/");
});

test("a site's own filter of the same name replaces the built-in one", () => {
  const config = new UserConfig();
  addBuiltinFilters(config, () => "/");
  config.addFilter("slugify", () => "mine");
  assert.equal((config.filters.universal.get("slugify")!.fn as () => string)(), "mine");
});

test("the collection item filters use `this.page` unless a page is passed", () => {
  const f = filters(() => "/");
  const items = ["a", "b", "c"].map((n) => ({ inputPath: `./${n}.md`, url: `/${n}/`, outputPath: `./_site/${n}/index.html` }));
  const self = { page: { ...items[1]! } };
  assert.equal(f.get("getPreviousCollectionItem")!.call(self, items), items[0]);
  assert.equal(f.get("getNextCollectionItem")!.call(self, items), items[2]);
  assert.equal(f.get("getCollectionItem")!.call(self, items), items[1]);
  assert.equal(f.get("getCollectionItemIndex")!.call(self, items), 1);
  assert.equal(f.get("getNextCollectionItem")!.call(self, items, items[0]), items[1]);
});

test("log returns its input unchanged, so it can sit in a filter chain", (t) => {
  const log = filters(() => "/").get("log")!;
  const logged: unknown[][] = [];
  t.mock.method(console, "log", (...args: unknown[]) => void logged.push(args));
  const value = { a: 1 };
  assert.equal(log(value, "label"), value);
  assert.deepEqual(logged, [[value, "label"]]);
});
