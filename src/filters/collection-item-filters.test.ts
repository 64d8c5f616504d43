// getCollectionItem, getPreviousCollectionItem, getNextCollectionItem and getCollectionItemIndex,
// as documented at https://www.11ty.dev/docs/filters/collection-items/: the current page is found
// by input path and output path (or URL); before the first and after the last there is nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { collectionItemAt, collectionItemIndex } from "./collection-item-filters.js";

interface Item {
  inputPath: string;
  url: string | false;
  outputPath: string | false;
}

const item = (name: string, url: string | false = `/${name}/`): Item => ({
  inputPath: `./posts/${name}.md`,
  url,
  outputPath: url === false ? false : `./_site${url}index.html`,
});

const posts = (): Item[] => [item("a"), item("b"), item("c")];
const pageOf = (i: Item) => ({ inputPath: i.inputPath, url: i.url, outputPath: i.outputPath });

test("getCollectionItem: the current page's own item", () => {
  const list = posts();
  assert.equal(collectionItemAt(list, pageOf(list[1]!), 0), list[1]);
});

test("getPreviousCollectionItem / getNextCollectionItem: the neighbours", () => {
  const list = posts();
  assert.equal(collectionItemAt(list, pageOf(list[1]!), -1), list[0]);
  assert.equal(collectionItemAt(list, pageOf(list[1]!), 1), list[2]);
});

test("no previous item for the first page, no next item for the last", () => {
  const list = posts();
  assert.equal(collectionItemAt(list, pageOf(list[0]!), -1), undefined);
  assert.equal(collectionItemAt(list, pageOf(list[2]!), 1), undefined);
});

test("a page that is not in the collection has no item and no neighbours", () => {
  const list = posts();
  const stranger = pageOf(item("z"));
  assert.equal(collectionItemAt(list, stranger, 0), undefined);
  assert.equal(collectionItemAt(list, stranger, 1), undefined);
  assert.equal(collectionItemIndex(list, stranger), undefined);
});

test("getCollectionItemIndex: the zero-based position of the page", () => {
  const list = posts();
  assert.equal(collectionItemIndex(list, pageOf(list[0]!)), 0);
  assert.equal(collectionItemIndex(list, pageOf(list[2]!)), 2);
});

test("pages of one paginated template are told apart by output path or URL", () => {
  const first = { inputPath: "./list.njk", url: "/list/", outputPath: "./_site/list/index.html" };
  const second = { inputPath: "./list.njk", url: "/list/1/", outputPath: "./_site/list/1/index.html" };
  const list = [first, second];
  assert.equal(collectionItemIndex(list, second), 1);
  assert.equal(collectionItemAt(list, second, -1), first);
});

test("a match on URL alone is enough when the output path differs (e.g. permalink: false pages)", () => {
  const entry = { inputPath: "./x.md", url: "/x/", outputPath: "./elsewhere.html" };
  assert.equal(collectionItemIndex([entry], { inputPath: "./x.md", url: "/x/", outputPath: "./_site/x/index.html" }), 0);
});

test("the same input path with neither output path nor URL matching is not the page", () => {
  const entry = { inputPath: "./x.md", url: "/x/", outputPath: "./_site/x/index.html" };
  assert.equal(collectionItemIndex([entry], { inputPath: "./x.md", url: "/y/", outputPath: "./_site/y/index.html" }), undefined);
});

test("a collection sorted in place after an earlier lookup still gives the right neighbours", () => {
  const list = posts();
  assert.equal(collectionItemAt(list, pageOf(list[0]!), 1), list[1]);
  const [a, b, c] = list;
  list.reverse();
  assert.equal(collectionItemIndex(list, pageOf(a!)), 2);
  assert.equal(collectionItemAt(list, pageOf(a!), -1), b);
  assert.equal(collectionItemAt(list, pageOf(c!), 1), b);
});

test("something that is not an array, or no page, gives undefined rather than an error", () => {
  assert.equal(collectionItemIndex(undefined, pageOf(item("a"))), undefined);
  assert.equal(collectionItemIndex("not a list", pageOf(item("a"))), undefined);
  assert.equal(collectionItemAt(posts(), undefined, 0), undefined);
});
