// A page's stamp moves with anything of its own that its output can depend on, and only then.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createCollectionItem, type Page } from "../engine/page-model.js";
import type { DataObject } from "../engine/data-merge.js";
import { madeFromChangedFile, pageStamp, type StampContext } from "./page-stamp.js";

function page(data: DataObject, options: { body?: string; outputRelative?: string | false; inputPath?: string } = {}): Page {
  const inputPath = options.inputPath ?? "./posts/a.md";
  const body = options.body ?? "Hello";
  const variable = { inputPath, fileSlug: "a", filePathStem: "/posts/a", outputFileExtension: "html", templateSyntax: "md", date: new Date(0), url: "/posts/a/", outputPath: "./_site/posts/a/index.html", rawInput: body };
  const template = { source: { inputPath, file: `/site/${inputPath}`, virtual: false, frontMatter: { body, data: {} } }, chain: ["md"], layouts: [], data, names: {}, date: new Date(0), dataFiles: [] };
  const made = { template, data: { ...data, page: variable }, page: variable, outputRelative: options.outputRelative ?? "posts/a/index.html", pageNumber: 0, order: 0 } as unknown as Page;
  made.item = createCollectionItem(made);
  return made;
}

const globalData: DataObject = { site: { title: "Site" } };
/** A config with a preprocessor: every page is stamped by its data's value. */
const globals: StampContext = { globalData, preprocesses: true, isCustom: () => false };
const plain: StampContext = { ...globals, preprocesses: false };

test("the same data gives the same stamp; any own value that changes moves it", () => {
  const base = pageStamp(page({ title: "A", tags: ["x"], date: new Date(5) }), globals);
  assert.equal(pageStamp(page({ title: "A", tags: ["x"], date: new Date(5) }), globals), base);
  for (const data of [{ title: "B", tags: ["x"], date: new Date(5) }, { title: "A", tags: ["x", "y"], date: new Date(5) }, { title: "A", tags: ["x"], date: new Date(6) }, { title: "A", tags: ["x"] }]) {
    assert.notEqual(pageStamp(page(data), globals), base, JSON.stringify(data));
  }
  assert.notEqual(pageStamp(page({ title: "A", tags: ["x"], date: new Date(5) }, { outputRelative: "elsewhere/index.html" }), globals), base);
});

test("global data shared by reference and the collections are left out", () => {
  assert.equal(pageStamp(page({ ...globalData, title: "A" }), globals), pageStamp(page({ title: "A" }), globals));
  assert.notEqual(pageStamp(page({ site: { title: "Other" }, title: "A" }), globals), pageStamp(page({ title: "A" }), globals), "a site key that is not the global one is the page's own");
  assert.notEqual(pageStamp(page({ title: "A" }, { body: "One" }), globals), pageStamp(page({ title: "A" }, { body: "Two" }), globals), "a preprocessor may have changed the body");
});

test("a page made from files alone is stamped by their names, its URL, output path and date; its file or data files changing renders it", () => {
  const base = pageStamp(page({ title: "A" }), plain);
  assert.equal(pageStamp(page({ title: "B" }, { body: "Other" }), plain), base, "the data and body are the file's");
  assert.notEqual(pageStamp(page({ title: "A" }, { outputRelative: "moved/index.html" }), plain), base);
  const dated = page({ title: "A" });
  dated.page.date = new Date(1000);
  assert.notEqual(pageStamp(dated, plain), base, "a date from git or a date parser is not the file's");
  assert.notEqual(pageStamp(page({ title: "A", pagination: { data: "collections.posts" } }), plain), base, "pagination is stamped by value");
  assert.notEqual(pageStamp(page({ title: "A", eleventyComputed: { x: "y" } }), plain), pageStamp(page({ title: "A", eleventyComputed: { x: "z" } }), plain), "computed data by value");
  assert.equal(madeFromChangedFile(page({}), new Set(["/site/./posts/a.md"])), true);
  assert.equal(madeFromChangedFile(page({}), new Set(["/site/./posts/b.md"])), false);
});

test("a collection item stands for its page by key; maps, sets and functions by their content", () => {
  const other = page({ title: "Other" }, { inputPath: "./posts/b.md" });
  const renamed = page({ title: "Renamed" }, { inputPath: "./posts/b.md" });
  assert.equal(pageStamp(page({ items: [other.item] }), globals), pageStamp(page({ items: [renamed.item] }), globals), "its fields are reads, recorded as the page renders");
  assert.notEqual(pageStamp(page({ items: [other.item] }), globals), pageStamp(page({ items: [page({}, { inputPath: "./posts/c.md" }).item] }), globals));
  assert.notEqual(pageStamp(page({ m: new Map([["a", 1]]) }), globals), pageStamp(page({ m: new Map([["a", 2]]) }), globals));
  assert.notEqual(pageStamp(page({ s: new Set([1]) }), globals), pageStamp(page({ s: new Set([2]) }), globals));
  assert.notEqual(pageStamp(page({ f: (x: number) => x + 1 }), globals), pageStamp(page({ f: (x: number) => x + 2 }), globals));
  const long = Array.from({ length: 40 }, (_, n) => n);
  assert.notEqual(pageStamp(page({ list: long }), globals), pageStamp(page({ list: [...long.slice(0, 39), 99] }), globals), "long lists are stamped once, by content");
});

test("a value that cannot be compared across processes leaves the page without a stamp", () => {
  class Opaque {
    readonly #secret = 1;
    get secret(): number {
      return this.#secret;
    }
  }
  assert.equal(pageStamp(page({ thing: new Opaque() }), globals), undefined);
  const cyclic: DataObject = { name: "loop" };
  cyclic.self = cyclic;
  assert.equal(typeof pageStamp(page({ cyclic }), globals), "string");
});
