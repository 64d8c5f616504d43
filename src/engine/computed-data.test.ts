// `eleventyComputed` as documented at https://www.11ty.dev/docs/data-computed/: functions get the
// data, strings are rendered as templates, nested keys are set in place, and a key that uses
// another computed key is computed after it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlinthError } from "../errors/plinth-error.js";
import { applyComputedData, computedReadsCollections, computedReadsPageLocation, type StringRenderer } from "./computed-data.js";
import type { DataObject } from "./data-merge.js";

const FILE = "./page.njk";

/** A stand-in template language: `{{ a.b }}` is replaced with that data path's value. */
const render: StringRenderer = async (text, data) =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => {
    let node: unknown = data;
    for (const part of key.split(".")) node = (node as DataObject | undefined)?.[part];
    return node === undefined ? "" : String(node);
  });

test("a function receives the page's data and its result replaces the key", async () => {
  const data: DataObject = { title: "Hello", eleventyComputed: { heading: (d: unknown) => `# ${(d as DataObject).title}` } };
  await applyComputedData(data, render, FILE);
  assert.equal(data.heading, "# Hello");
});

test("an async function is awaited", async () => {
  const data: DataObject = { n: 2, eleventyComputed: { double: async (d: unknown) => ((d as DataObject).n as number) * 2 } };
  await applyComputedData(data, render, FILE);
  assert.equal(data.double, 4);
});

test("a string is rendered as a template with the page's data", async () => {
  const data: DataObject = { page: { fileSlug: "about" }, eleventyComputed: { permalink: "/pages/{{ page.fileSlug }}/" } };
  await applyComputedData(data, render, FILE);
  assert.equal(data.permalink, "/pages/about/");
});

test("a computed value replaces the same key from front matter", async () => {
  const data: DataObject = { title: "front matter", eleventyComputed: { title: () => "computed" } };
  await applyComputedData(data, render, FILE);
  assert.equal(data.title, "computed");
});

test("other literal values are used as they are", async () => {
  const data: DataObject = { eleventyComputed: { count: 3, flag: false } };
  await applyComputedData(data, render, FILE);
  assert.equal(data.count, 3);
  assert.equal(data.flag, false);
});

test("nested keys are set inside the existing object, keeping its other keys", async () => {
  const data: DataObject = {
    title: "Docs",
    eleventyNavigation: { parent: "Home" },
    eleventyComputed: { eleventyNavigation: { key: (d: unknown) => (d as DataObject).title } },
  };
  await applyComputedData(data, render, FILE);
  assert.deepEqual(data.eleventyNavigation, { parent: "Home", key: "Docs" });
});

test("nested keys copy the object they write into, so data shared with other pages is untouched", async () => {
  const shared = { parent: "Home" };
  const data: DataObject = { nav: shared, eleventyComputed: { nav: { key: () => "mine" } } };
  await applyComputedData(data, render, FILE);
  assert.deepEqual(data.nav, { parent: "Home", key: "mine" });
  assert.deepEqual(shared, { parent: "Home" });
});

test("a key that uses another computed key is computed after it, whatever the order written", async () => {
  const data: DataObject = {
    first: "Ada",
    eleventyComputed: {
      greeting: "Hello {{ fullName }}!",
      fullName: (d: unknown) => `${(d as DataObject).first} Lovelace`,
    },
  };
  await applyComputedData(data, render, FILE);
  assert.equal(data.fullName, "Ada Lovelace");
  assert.equal(data.greeting, "Hello Ada Lovelace!");
});

test("a chain of three dependent keys resolves in dependency order", async () => {
  const data: DataObject = {
    eleventyComputed: {
      c: (d: unknown) => `${(d as DataObject).b}c`,
      b: (d: unknown) => `${(d as DataObject).a}b`,
      a: () => "a",
    },
  };
  await applyComputedData(data, render, FILE);
  assert.equal(data.c, "abc");
});

test("no eleventyComputed, or one that is not an object: nothing changes", async () => {
  const data: DataObject = { title: "x", eleventyComputed: "not an object" };
  await applyComputedData(data, render, FILE);
  assert.deepEqual(data, { title: "x", eleventyComputed: "not an object" });
});

test("a function that throws is a ComputedDataInvalid error naming the key and the file", async () => {
  const data: DataObject = {
    eleventyComputed: {
      nav: {
        key: () => {
          throw new Error("no title");
        },
      },
    },
  };
  await assert.rejects(
    applyComputedData(data, render, FILE),
    (e: unknown) => e instanceof PlinthError && e.code === "ComputedDataInvalid" && e.message.includes("eleventyComputed.nav.key") && e.message.includes("no title") && e.location?.file === FILE,
  );
});

test("a catalogued error from the renderer passes through unchanged", async () => {
  const original = new PlinthError("TemplateSyntax", "bad tag", { location: { file: FILE, line: 1 } });
  const failing: StringRenderer = async () => {
    throw original;
  };
  await assert.rejects(applyComputedData({ eleventyComputed: { x: "{% bad %}" } }, failing, FILE), (e: unknown) => e === original);
});

test("computedReadsCollections: true when a computed string or function mentions collections", () => {
  assert.equal(computedReadsCollections({ eleventyComputed: { n: "{{ collections.post | length }}" } }), true);
  assert.equal(computedReadsCollections({ eleventyComputed: { n: (d: DataObject) => (d.collections as DataObject).all } }), true);
  assert.equal(computedReadsCollections({ eleventyComputed: { n: "{{ title }}" } }), false);
  assert.equal(computedReadsCollections({ title: "collections" }), false);
});

test("a computed page.* key is written into the page's own object; readers of page.url run again on request", async () => {
  const page = { url: false as string | false };
  const data: DataObject = { page, eleventyComputed: { page: { lang: (d: DataObject) => ((d.page as { url?: unknown }).url ? "es" : "none") }, title: () => "t" } };
  await applyComputedData(data, render, FILE);
  assert.equal(data.page, page);
  assert.equal((page as Record<string, unknown>).lang, "none");
  assert.ok(computedReadsPageLocation(data));
  page.url = "/es/";
  data.title = "kept";
  await applyComputedData(data, render, FILE, true);
  assert.equal((page as Record<string, unknown>).lang, "es");
  assert.equal(data.title, "kept", "only values that read page.url run again");
});
