// Collections as documented at https://www.11ty.dev/docs/collections/ and /docs/collections-api/:
// `all` and one per tag, sorted by date then input path, `eleventyExcludeFromCollections`,
// only the first page of a pagination unless `addAllPagesToCollections`, and the API for `addCollection`.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { buildCollections } from "./collection-maker.js";
import { collectionPages, CollectionApi, compareItems } from "./collections.js";
import type { DataObject } from "./data-merge.js";
import { createCollectionItem, type CollectionItem, type Page, type Template } from "./page-model.js";

interface PageSpec {
  inputPath: string;
  date: string;
  data?: DataObject;
  pageNumber?: number;
  templateData?: DataObject;
}

function makePage(spec: PageSpec): Page {
  const date = new Date(spec.date);
  const template = {
    source: { inputPath: spec.inputPath, frontMatter: { body: "" } },
    data: spec.templateData ?? spec.data ?? {},
  } as unknown as Template;
  const page = {
    template,
    data: spec.data ?? {},
    page: {
      inputPath: spec.inputPath,
      fileSlug: "",
      filePathStem: "",
      outputFileExtension: "html",
      templateSyntax: "njk",
      date,
      url: `/${spec.inputPath.replace(/^\.\//, "").replace(/\.\w+$/, "")}/`,
      outputPath: false,
      rawInput: "",
    },
    outputRelative: false,
    pageNumber: spec.pageNumber ?? 0,
    order: 0,
  } as unknown as Page;
  page.item = createCollectionItem(page);
  return page;
}

function paths(items: unknown): string[] {
  assert.ok(Array.isArray(items), "expected a collection array");
  return (items as CollectionItem[]).map((i) => i.inputPath);
}

async function collect(pages: Page[], custom = new Map<string, UserFunction>()): Promise<DataObject> {
  const target: DataObject = {};
  await buildCollections(target, pages, custom);
  return target;
}

test("compareItems: earlier dates first; equal dates ordered by input path", () => {
  const pages = [
    makePage({ inputPath: "./b.md", date: "2024-01-02" }),
    makePage({ inputPath: "./c.md", date: "2024-01-01" }),
    makePage({ inputPath: "./a.md", date: "2024-01-02" }),
  ];
  assert.deepEqual(paths(pages.map((p) => p.item).sort(compareItems)), ["./c.md", "./a.md", "./b.md"]);
});

test("collections.all holds every page, sorted by date then input path", async () => {
  const c = await collect([
    makePage({ inputPath: "./z.md", date: "2020-01-01" }),
    makePage({ inputPath: "./news/b.md", date: "2023-05-01" }),
    makePage({ inputPath: "./news/a.md", date: "2023-05-01" }),
  ]);
  assert.deepEqual(paths(c.all), ["./z.md", "./news/a.md", "./news/b.md"]);
});

test("one collection per tag, each sorted; string tags are split on commas", async () => {
  const c = await collect([
    makePage({ inputPath: "./p2.md", date: "2024-02-01", data: { tags: ["post", "news"] } }),
    makePage({ inputPath: "./p1.md", date: "2024-01-01", data: { tags: "post" } }),
    makePage({ inputPath: "./p3.md", date: "2024-03-01", data: { tags: "news,release" } }),
  ]);
  assert.deepEqual(paths(c.post), ["./p1.md", "./p2.md"]);
  assert.deepEqual(paths(c.news), ["./p2.md", "./p3.md"]);
  assert.deepEqual(paths(c.release), ["./p3.md"]);
});

test("a page with a duplicated tag appears once in that collection", async () => {
  const c = await collect([makePage({ inputPath: "./p.md", date: "2024-01-01", data: { tags: ["a", "a"] } })]);
  assert.deepEqual(paths(c.a), ["./p.md"]);
});

test("collection items are shared references, the same object in every collection", async () => {
  const page = makePage({ inputPath: "./p.md", date: "2024-01-01", data: { tags: ["a", "b"] } });
  const c = await collect([page]);
  assert.equal((c.a as CollectionItem[])[0], page.item);
  assert.equal((c.b as CollectionItem[])[0], page.item);
  assert.equal((c.all as CollectionItem[])[0], page.item);
});

test("`eleventyExcludeFromCollections: true` leaves the page out of every collection", async () => {
  const c = await collect([
    makePage({ inputPath: "./in.md", date: "2024-01-01", data: { tags: "post" } }),
    makePage({ inputPath: "./out.md", date: "2024-01-01", data: { tags: "post", eleventyExcludeFromCollections: true } }),
  ]);
  assert.deepEqual(paths(c.all), ["./in.md"]);
  assert.deepEqual(paths(c.post), ["./in.md"]);
});

test("`eleventyExcludeFromCollections` with tag names leaves the page out of those tags only", async () => {
  const c = await collect([
    makePage({ inputPath: "./p.md", date: "2024-01-01", data: { tags: ["post", "feature"], eleventyExcludeFromCollections: ["post"] } }),
    makePage({ inputPath: "./q.md", date: "2024-01-01", data: { tags: ["post", "feature"], eleventyExcludeFromCollections: "feature" } }),
  ]);
  assert.deepEqual(paths(c.all), ["./p.md", "./q.md"]);
  assert.deepEqual(paths(c.post), ["./q.md"]);
  assert.deepEqual(paths(c.feature), ["./p.md"]);
});

test("only the first page of a pagination joins collections, unless addAllPagesToCollections", async () => {
  const pagination = { data: "items", size: 1 };
  const c = await collect([
    makePage({ inputPath: "./list.njk", date: "2024-01-01", pageNumber: 0, templateData: { pagination } }),
    makePage({ inputPath: "./list.njk", date: "2024-01-01", pageNumber: 1, templateData: { pagination } }),
    makePage({ inputPath: "./all.njk", date: "2024-01-01", pageNumber: 0, templateData: { pagination: { ...pagination, addAllPagesToCollections: true } } }),
    makePage({ inputPath: "./all.njk", date: "2024-01-01", pageNumber: 1, templateData: { pagination: { ...pagination, addAllPagesToCollections: true } } }),
  ]);
  assert.deepEqual(paths(c.all), ["./all.njk", "./all.njk", "./list.njk"]);
  assert.equal(collectionPages([makePage({ inputPath: "./x.njk", date: "2024-01-01", pageNumber: 2, templateData: { pagination } })]).length, 0);
});

test("buildCollections replaces what the target held before (a rebuild starts clean)", async () => {
  const target: DataObject = { stale: [], all: [] };
  await buildCollections(target, [makePage({ inputPath: "./p.md", date: "2024-01-01", data: { tags: "fresh" } })], new Map());
  assert.deepEqual(Object.keys(target).sort(), ["all", "fresh"]);
});

test("addCollection callbacks receive the API and their result becomes the collection", async () => {
  const custom = new Map<string, UserFunction>([
    ["posts", (api: unknown) => (api as CollectionApi).getFilteredByTag("post").reverse()],
    ["count", async (api: unknown) => (api as CollectionApi).getAll().length],
  ]);
  const c = await collect(
    [
      makePage({ inputPath: "./a.md", date: "2024-01-01", data: { tags: "post" } }),
      makePage({ inputPath: "./b.md", date: "2024-02-01", data: { tags: "post" } }),
      makePage({ inputPath: "./c.md", date: "2024-03-01" }),
    ],
    custom,
  );
  assert.deepEqual(paths(c.posts), ["./b.md", "./a.md"]);
  assert.equal(c.count, 3);
});

test("an addCollection callback that throws is a CollectionInvalid error naming the collection", async () => {
  const custom = new Map<string, UserFunction>([
    [
      "broken",
      () => {
        throw new Error("boom");
      },
    ],
  ]);
  await assert.rejects(collect([], custom), (e: unknown) => e instanceof PlinthError && e.code === "CollectionInvalid" && e.message.includes('"broken"') && e.message.includes("boom"));
});

function api(): CollectionApi {
  const pages = [
    makePage({ inputPath: "./posts/b.md", date: "2024-02-01", data: { tags: ["post", "rust"] } }),
    makePage({ inputPath: "./posts/a.md", date: "2024-01-01", data: { tags: ["post"] } }),
    makePage({ inputPath: "./pages/about.md", date: "2023-01-01", data: { tags: "page" } }),
    makePage({ inputPath: "./posts/c.md", date: "2024-03-01", data: { tags: "rust" } }),
  ];
  return new CollectionApi(pages.map((p) => p.item));
}

test("CollectionApi.getAll: every item in the order given, as a new array", () => {
  const a = api();
  assert.deepEqual(paths(a.getAll()), ["./posts/b.md", "./posts/a.md", "./pages/about.md", "./posts/c.md"]);
  a.getAll().pop();
  assert.equal(a.getAll().length, 4);
});

test("CollectionApi.getAllSorted: by date then input path, and safe to mutate", () => {
  const a = api();
  const sorted = a.getAllSorted();
  assert.deepEqual(paths(sorted), ["./pages/about.md", "./posts/a.md", "./posts/b.md", "./posts/c.md"]);
  sorted.reverse();
  assert.deepEqual(paths(a.getAllSorted()), ["./pages/about.md", "./posts/a.md", "./posts/b.md", "./posts/c.md"]);
});

test("CollectionApi.getFilteredByTag: items with the tag, sorted", () => {
  assert.deepEqual(paths(api().getFilteredByTag("post")), ["./posts/a.md", "./posts/b.md"]);
  assert.deepEqual(paths(api().getFilteredByTag("none")), []);
});

test("CollectionApi.getFilteredByTags: items that have every one of the tags", () => {
  assert.deepEqual(paths(api().getFilteredByTags("post", "rust")), ["./posts/b.md"]);
  assert.deepEqual(paths(api().getFilteredByTags("rust")), ["./posts/b.md", "./posts/c.md"]);
});

test("CollectionApi.getFilteredByGlob: one glob or a list, with or without `./`", () => {
  assert.deepEqual(paths(api().getFilteredByGlob("posts/*.md")), ["./posts/a.md", "./posts/b.md", "./posts/c.md"]);
  assert.deepEqual(paths(api().getFilteredByGlob("./posts/a.md")), ["./posts/a.md"]);
  assert.deepEqual(paths(api().getFilteredByGlob(["./pages/**", "posts/c.md"])), ["./pages/about.md", "./posts/c.md"]);
  assert.deepEqual(paths(api().getFilteredByGlob("**/*.md")), ["./pages/about.md", "./posts/a.md", "./posts/b.md", "./posts/c.md"]);
});

test(
  "CollectionApi.getFilteredByGlob: matching is case-insensitive, as in Eleventy (picomatch nocase)",
  () => {
    assert.deepEqual(paths(api().getFilteredByGlob("./POSTS/A.md")), ["./posts/a.md"]);
  },
);

test(
  "CollectionApi.getFilteredByTag: a page excluded from a tag's collection is not returned for that tag",
  () => {
    const page = makePage({ inputPath: "./x.md", date: "2024-01-01", data: { tags: ["post"], eleventyExcludeFromCollections: ["post"] } });
    assert.deepEqual(paths(new CollectionApi([page.item]).getFilteredByTag("post")), []);
  },
);
