// Eleventy's template order (TemplateMap, TemplateDepGraph in Eleventy 3.1.8): templates that
// consume no collection first, each tag once its pages exist, the addCollection collections,
// `collections` itself (which makes `all`), then the templates paginating collections, in
// dependency order; `all` again at the end. A cycle through pagination is an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlinthError } from "../errors/plinth-error.js";
import type { DataObject } from "./data-merge.js";
import type { Template } from "./page-model.js";
import { paginatedCollection, templateOrder, type TemplateOrder } from "./template-order.js";

function template(inputPath: string, data: DataObject): Template {
  return { source: { file: `/site/${inputPath}`, inputPath: `./${inputPath}`, text: "---\npagination: {}\n---\n" }, data } as unknown as Template;
}

function names(order: TemplateOrder, templates: readonly Template[]): string[] {
  return order.steps.map((step) => (typeof step === "number" ? templates[step]!.source.inputPath.slice(2) : `[${step}]`));
}

const posts = [template("posts/a.md", { tags: ["x", "y"] }), template("posts/b.md", { tags: "y" })];
const tagPages = template("tags.njk", { pagination: { data: "collections", size: 1, addAllPagesToCollections: true } });
const list = template("list.njk", { pagination: { data: "collections.all", size: 20 } });

test("paginatedCollection reads `collections`, `collections.name` and `collections['name']`", () => {
  assert.equal(paginatedCollection("collections"), "[keys]");
  assert.equal(paginatedCollection("collections.post"), "post");
  assert.equal(paginatedCollection("collections['my tag']"), "my tag");
  assert.equal(paginatedCollection("site.items"), undefined);
});

test("a template paginating collections.all comes after one paginating `collections`", () => {
  const templates = [list, ...posts, tagPages];
  assert.deepEqual(names(templateOrder(templates, []), templates), ["posts/a.md", "[x]", "posts/b.md", "[y]", "[all]", "tags.njk", "[all]", "list.njk", "[all]"]);
});

test("addCollection collections are made after the basic templates, before `collections`", () => {
  const templates = [...posts, tagPages];
  assert.deepEqual(names(templateOrder(templates, ["everything"]), templates), ["posts/a.md", "[x]", "posts/b.md", "[y]", "[everything]", "[all]", "tags.njk", "[all]"]);
});

test("a chain through tags: a template paginating a tag waits for the templates tagged with it", () => {
  const pages = template("pages.njk", { tags: "postpage", pagination: { data: "collections.y", size: 1 } });
  const index = template("index.njk", { pagination: { data: "collections.postpage", size: 10 } });
  const templates = [index, pages, ...posts];
  const steps = names(templateOrder(templates, []), templates);
  assert.ok(steps.indexOf("[y]") < steps.indexOf("pages.njk"));
  assert.ok(steps.indexOf("pages.njk") < steps.indexOf("[postpage]"));
  assert.ok(steps.indexOf("[postpage]") < steps.indexOf("index.njk"));
});

test("a template paginating `collections` that is itself tagged is a PaginationCycle error", () => {
  const tagged = template("tags.njk", { tags: "listing", pagination: { data: "collections", size: 1 } });
  assert.throws(
    () => templateOrder([...posts, tagged], []),
    (e: unknown) => e instanceof PlinthError && e.code === "PaginationCycle" && e.location?.file === "./tags.njk" && e.message.includes("`collections.listing` holds the pages of ./tags.njk"),
  );
});

test("templates paginating each other's collections are a PaginationCycle error", () => {
  const a = template("a.njk", { tags: "fromA", pagination: { data: "collections.fromB", size: 1 } });
  const b = template("b.njk", { tags: "fromB", pagination: { data: "collections.fromA", size: 1 } });
  assert.throws(() => templateOrder([a, b], []), (e: unknown) => e instanceof PlinthError && e.code === "PaginationCycle");
});

test("excluded from collections, the same template is no cycle", () => {
  const excluded = template("tags.njk", { tags: "listing", eleventyExcludeFromCollections: true, pagination: { data: "collections", size: 1 } });
  assert.doesNotThrow(() => templateOrder([...posts, excluded], []));
});

test("a cycle through eleventyImport alone is no error: it changes no pagination", () => {
  const importing = posts.map((p) => template(p.source.inputPath.slice(2), { ...p.data, eleventyImport: { collections: ["y"] } }));
  const steps = names(templateOrder(importing, []), importing);
  assert.deepEqual([...steps].sort(), ["[all]", "[all]", "[x]", "[y]", "posts/a.md", "posts/b.md"]);
});

test("the last order is reused while every template plays the same role", () => {
  const first = templateOrder([...posts, tagPages], []);
  const edited = template("posts/a.md", { tags: ["x", "y"], title: "Edited" });
  assert.equal(templateOrder([edited, posts[1]!, tagPages], [], first), first);
  const retagged = [template("posts/a.md", { tags: ["z"] }), posts[1]!, tagPages];
  assert.ok(names(templateOrder(retagged, [], first), retagged).includes("[z]"));
});
