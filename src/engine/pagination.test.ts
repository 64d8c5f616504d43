// Pagination as documented at https://www.11ty.dev/docs/pagination/ and /docs/pagination/nav/:
// chunks of `size`, object keys (or values with `resolve: values`), `reverse`, `filter`,
// `before`, aliases, and the `pagination` object's items, pages, hrefs and href links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlinthError } from "../errors/plinth-error.js";
import {
  addPaginationLinks,
  paginatesCollections,
  paginationItems,
  paginationObject,
  paginationSpec,
  setAlias,
  type PaginationSpec,
} from "./pagination.js";

const FILE = "./list.njk";

function spec(value: Partial<PaginationSpec>): PaginationSpec {
  return { data: "items", size: 1, ...value };
}

function isPaginationError(error: unknown): boolean {
  return error instanceof PlinthError && error.code === "PaginationInvalid" && error.location?.file === FILE;
}

test("paginationSpec: no `pagination` key means no pagination", () => {
  assert.equal(paginationSpec({ title: "x" }, FILE), undefined);
});

test("paginationSpec: returns the spec when `data` and `size` are given", () => {
  assert.deepEqual(paginationSpec({ pagination: { data: "items", size: 2 } }, FILE), { data: "items", size: 2 });
});

test("paginationSpec: a pagination that is not an object with a `data` string is invalid", () => {
  for (const pagination of ["items", 3, [], { size: 2 }, { data: 5, size: 2 }]) {
    assert.throws(() => paginationSpec({ pagination }, FILE), isPaginationError, JSON.stringify(pagination));
  }
});

test("paginationSpec: a missing `size` is invalid, as in Eleventy", () => {
  assert.throws(() => paginationSpec({ pagination: { data: "items" } }, FILE), isPaginationError);
});

test("paginatesCollections: only data under `collections` waits for collections", () => {
  assert.equal(paginatesCollections(spec({ data: "collections.post" })), true);
  assert.equal(paginatesCollections(spec({ data: "collections" })), true);
  assert.equal(paginatesCollections(spec({ data: "collectionsList" })), false);
  assert.equal(paginatesCollections(spec({ data: "members" })), false);
});

test("paginationItems: an array is split into chunks of `size`, the last one shorter", () => {
  const chunks = paginationItems(spec({ size: 2 }), { items: ["a", "b", "c", "d", "e"] }, FILE, {});
  assert.deepEqual(chunks, [["a", "b"], ["c", "d"], ["e"]]);
});

test("paginationItems: the data may be a dotted path into nested data", () => {
  const chunks = paginationItems(spec({ data: "site.people", size: 3 }), { site: { people: [1, 2, 3, 4] } }, FILE, {});
  assert.deepEqual(chunks, [[1, 2, 3], [4]]);
});

test("paginationItems: an object paginates its keys; `resolve: values` paginates its values", () => {
  const data = { items: { alice: { age: 30 }, bob: { age: 40 } } };
  assert.deepEqual(paginationItems(spec({}), data, FILE, {}), [["alice"], ["bob"]]);
  assert.deepEqual(paginationItems(spec({ resolve: "values" }), data, FILE, {}), [[{ age: 30 }], [{ age: 40 }]]);
});

test("paginationItems: `reverse: true` reverses the items before chunking", () => {
  assert.deepEqual(paginationItems(spec({ size: 2, reverse: true }), { items: [1, 2, 3] }, FILE, {}), [[3, 2], [1]]);
});

test("paginationItems: `filter` removes one value or a list of values", () => {
  const data = { items: ["a", "b", "c", "d"] };
  assert.deepEqual(paginationItems(spec({ size: 10, filter: "b" }), data, FILE, {}), [["a", "c", "d"]]);
  assert.deepEqual(paginationItems(spec({ size: 10, filter: ["a", "d"] }), data, FILE, {}), [["b", "c"]]);
});

test("paginationItems: `before` runs first, with the items, the data and the JavaScript functions as `this`", () => {
  const functions = { marker: "fns" };
  const data = { items: [1, 2, 3, 4], limit: 3 };
  let seenThis: unknown;
  const before = function (this: unknown, items: unknown, d: unknown) {
    seenThis = this;
    return (items as number[]).filter((n) => n <= (d as { limit: number }).limit);
  };
  const chunks = paginationItems(spec({ size: 2, before }), data, FILE, functions);
  assert.deepEqual(chunks, [[1, 2], [3]]);
  assert.equal(seenThis, functions);
});

test("paginationItems: never reorders the original data", () => {
  const items = [1, 2, 3];
  paginationItems(spec({ reverse: true }), { items }, FILE, {});
  assert.deepEqual(items, [1, 2, 3]);
});

test("paginationItems: empty data gives no pages, unless `generatePageOnEmptyData`", () => {
  assert.deepEqual(paginationItems(spec({}), { items: [] }, FILE, {}), []);
  assert.deepEqual(paginationItems(spec({ generatePageOnEmptyData: true }), { items: [] }, FILE, {}), [[]]);
});

test("paginationItems: data that does not exist is a PaginationInvalid error naming it", () => {
  assert.throws(
    () => paginationItems(spec({ data: "missing.path" }), { items: [] }, FILE, {}),
    (e: unknown) => isPaginationError(e) && (e as Error).message.includes("missing.path"),
  );
});

test("paginationItems: data that is neither an array nor an object is a PaginationInvalid error", () => {
  for (const items of ["text", 42, true]) {
    assert.throws(() => paginationItems(spec({}), { items }, FILE, {}), isPaginationError, String(items));
  }
});

test("paginationObject: items, pageNumber and pages for size 1 (pages are the items themselves)", () => {
  const chunks = [["a"], ["b"], ["c"]];
  const p = paginationObject(spec({ alias: "letter" }), chunks, 1);
  assert.deepEqual(p.items, ["b"]);
  assert.equal(p.pageNumber, 1);
  assert.deepEqual(p.pages, ["a", "b", "c"]);
  assert.equal(p.alias, "letter");
  assert.deepEqual(p.page, { previous: "a", next: "c", first: "a", last: "c" });
});

test("paginationObject: for size > 1, pages and page.previous/next hold whole chunks", () => {
  const chunks = [[1, 2], [3, 4], [5]];
  const p = paginationObject(spec({ size: 2 }), chunks, 0);
  assert.deepEqual(p.pages, chunks);
  assert.deepEqual(p.page, { previous: null, next: [3, 4], first: [1, 2], last: [5] });
  const last = paginationObject(spec({ size: 2 }), chunks, 2);
  assert.deepEqual(last.page, { previous: [3, 4], next: null, first: [1, 2], last: [5] });
});

test("addPaginationLinks: hrefs, href.previous/next/first/last and the older *PageHref names", () => {
  const hrefs = ["/blog/", "/blog/1/", "/blog/2/"];
  const links = ["/blog/index.html", "/blog/1/index.html", "/blog/2/index.html"];
  const first: Record<string, unknown> = {};
  addPaginationLinks(first, 0, hrefs, links);
  assert.deepEqual(first.hrefs, hrefs);
  assert.deepEqual(first.href, { previous: null, next: "/blog/1/", first: "/blog/", last: "/blog/2/" });
  assert.equal(first.previousPageHref, null);
  assert.equal(first.nextPageHref, "/blog/1/");

  const middle: Record<string, unknown> = {};
  addPaginationLinks(middle, 1, hrefs, links);
  assert.deepEqual(middle.href, { previous: "/blog/", next: "/blog/2/", first: "/blog/", last: "/blog/2/" });
  assert.equal(middle.previousPageLink, "/blog/index.html");
  assert.equal(middle.nextPageLink, "/blog/2/index.html");
  assert.equal(middle.previous, "/blog/index.html");
  assert.equal(middle.next, "/blog/2/index.html");
  assert.deepEqual(middle.links, links);
  assert.deepEqual(middle.pageLinks, links);

  const last: Record<string, unknown> = {};
  addPaginationLinks(last, 2, hrefs, links);
  assert.deepEqual(last.href, { previous: "/blog/1/", next: null, first: "/blog/", last: "/blog/2/" });
  assert.equal(last.nextPageLink, null);
});

test("setAlias: a plain alias sets a top-level key", () => {
  const data: Record<string, unknown> = { other: 1 };
  setAlias(data, "member", { name: "A" });
  assert.deepEqual(data, { other: 1, member: { name: "A" } });
});

test("setAlias: a dotted alias sets a nested key without changing the shared parent object", () => {
  const shared = { keep: true };
  const data: Record<string, unknown> = { site: shared };
  setAlias(data, "site.current", "x");
  assert.deepEqual(data.site, { keep: true, current: "x" });
  assert.deepEqual(shared, { keep: true });
});
