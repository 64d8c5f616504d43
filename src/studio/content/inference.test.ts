// Inference without a site: collections from paths, field types from values, a new entry's
// name from its collection's files.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { TemplateSource } from "../../engine/template-source.js";
import { directoryDataFiles, inferCollections } from "./collections.js";
import type { IndexedEntry } from "./content-index.js";
import { namingOf, newEntry } from "./new-entry.js";
import { inferSchema } from "./schema.js";

test("a folder with a directory data file is a collection of everything below it", () => {
  const data = directoryDataFiles(["news/news.json", "news/2024/a.md", "events/events.11tydata.js", "people/x.md", "_data/site.json"]);
  assert.deepEqual([...data], [
    ["news", "news/news.json"],
    ["events", "events/events.11tydata.js"],
  ]);
  const { collections, collectionOf } = inferCollections(["news/2024/a.md", "news/b.md", "events/e.md", "people/x.md", "people/y.md", "misc/one.md", "about.md"], data);
  assert.equal(collectionOf.get("news/2024/a.md"), "news");
  assert.equal(collectionOf.get("events/e.md"), "events", "one file is a collection when the folder has data");
  assert.equal(collectionOf.get("people/y.md"), "people", "two files in a top folder");
  assert.equal(collectionOf.get("misc/one.md"), "pages", "a lone file in a folder is a page");
  assert.equal(collectionOf.get("about.md"), "pages");
  assert.deepEqual(
    collections.map((c) => [c.name, c.count, c.label]),
    [
      ["events", 1, "Events"],
      ["news", 2, "News"],
      ["people", 2, "People"],
      ["pages", 2, "Pages"],
    ],
  );
});

test("field types come from the values across the collection", () => {
  const known = { layouts: ["layouts/post.njk"], tiers: ["gold", "silver"], tags: ["a", "b"] };
  const fields = inferSchema(
    [
      { title: "One", date: new Date("2024-01-01T10:30:00Z"), day: new Date("2024-01-01"), draft: false, n: 1, tags: ["a"], hero: "/img/x.png", site: "https://x.org", description: "x".repeat(100), level: "gold", extra: { a: 1 }, layout: "layouts/post.njk" },
      { title: "Two", date: new Date("2024-02-01T08:00:00Z"), day: new Date("2024-02-01"), draft: true, n: 2.5, tags: ["b"], hero: "/img/y.jpg", site: "https://y.org", description: "y".repeat(90), level: "silver", extra: [1, { b: 2 }] },
    ],
    known,
  );
  const type = Object.fromEntries(fields.map((f) => [f.name, f.type]));
  assert.deepEqual(type, {
    title: "text",
    date: "datetime",
    day: "date",
    draft: "boolean",
    n: "number",
    tags: "tags",
    hero: "image",
    site: "url",
    description: "longtext",
    level: "select",
    extra: "yaml",
    layout: "select",
  });
  assert.equal(fields.find((f) => f.name === "title")?.required, true);
  assert.equal(fields.find((f) => f.name === "layout")?.required, undefined, "not every entry has one");
  assert.deepEqual(fields.find((f) => f.name === "level")?.options, ["gold", "silver"]);
});

function entry(path: string, data: Record<string, unknown>): IndexedEntry {
  const source = { relativePath: path, frontMatter: { data, body: "", bodyLine: 1, matter: "" } } as unknown as TemplateSource;
  return { path, title: String(data.title ?? ""), date: null, draft: false, tags: [], url: null, collection: "news", layout: null, source, frontMatter: data };
}

test("a new entry is named and filled as its collection's files are", () => {
  const entries = [entry("news/2024-01-02-a.md", { title: "A", date: new Date("2024-01-02"), layout: "post.njk", featured: true }), entry("news/2024-02-03-b.md", { title: "B", date: new Date("2024-02-03"), layout: "post.njk", featured: true })];
  const collection = { name: "news", label: "News", folder: "news", count: 2 };
  assert.deepEqual(namingOf(collection, entries), { datePrefix: true, indexFolder: false, extension: "md" });
  const made = newEntry({
    collection,
    entries,
    schema: inferSchema(
      entries.map((e) => e.frontMatter),
      { layouts: [], tiers: [], tags: [] },
    ),
    title: "Hello, World",
    now: new Date("2024-03-04T23:30:00Z"),
    timeZone: "Europe/Berlin",
    slugify: (t) => t.toLowerCase().replace(/[^a-z]+/g, "-"),
    exists: (p) => p === "news/2024-03-05-hello-world.md",
  });
  assert.equal(made.path, "news/2024-03-05-hello-world-2.md", "the day in the site's time zone, and a free name");
  assert.equal(made.raw, "---\ntitle: Hello, World\ndate: 2024-03-05\nlayout: post.njk\nfeatured: true\n---\n");
  const people = [entry("people/ada/index.md", { title: "Ada" }), entry("people/bob/index.md", { title: "Bob" })];
  assert.deepEqual(namingOf({ name: "people", label: "People", folder: "people", count: 2 }, people), { datePrefix: false, indexFolder: true, extension: "md" });
});
