// The data cascade's merge rule. Expected values follow Eleventy's documentation
// (https://www.11ty.dev/docs/data-cascade/ and /docs/data-deep-merge/): objects deep-merge,
// arrays concatenate (lower layer first), `override:` replaces, and `tags` are normalised.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanLayer, isPlainObject, mergeLayers, normalizeTags } from "./data-merge.js";

test("mergeLayers: the documented cascade example (layout front matter under template front matter)", () => {
  const layout = { title: "This is a Very Good Blog Post", author: "Zach", tags: ["JavaScript"] };
  const template = { title: "This is a Good Blog Post", tags: ["CSS", "HTML"], layout: "my-layout.njk" };
  const merged = mergeLayers([layout, template]);
  assert.equal(merged.title, "This is a Good Blog Post");
  assert.equal(merged.author, "Zach");
  assert.equal(merged.layout, "my-layout.njk");
  // Arrays concatenate; the lower-precedence layer's items come first.
  assert.deepEqual(merged.tags, ["JavaScript", "CSS", "HTML"]);
});

test("mergeLayers: nested objects deep-merge at every depth", () => {
  const merged = mergeLayers([
    { eleventyNavigation: { parent: "test", deep: { a: 1, b: 1 } } },
    { eleventyNavigation: { key: "my-key", deep: { b: 2, c: 3 } } },
  ]);
  assert.deepEqual(merged, { eleventyNavigation: { parent: "test", key: "my-key", deep: { a: 1, b: 2, c: 3 } } });
});

test("mergeLayers: a higher layer's scalar replaces a lower scalar", () => {
  assert.deepEqual(mergeLayers([{ a: 1, b: "x" }, { a: 2 }, { b: "y" }]), { a: 2, b: "y" });
});

test("mergeLayers: later layers win, in the order given (lowest precedence first)", () => {
  const merged = mergeLayers([{ v: "global" }, { v: "directory" }, { v: "template" }, { v: "front matter" }]);
  assert.equal(merged.v, "front matter");
});

test("mergeLayers: arrays concatenate across three layers without de-duplicating", () => {
  const merged = mergeLayers([{ list: [1, 2] }, { list: [2, 3] }, { list: [4] }]);
  assert.deepEqual(merged.list, [1, 2, 2, 3, 4]);
});

test("mergeLayers: an `override:` key replaces the lower value instead of merging", () => {
  const merged = mergeLayers([{ tags: ["a", "b"], nav: { x: 1, y: 1 } }, { "override:tags": ["c"], "override:nav": { z: 1 } }]);
  assert.deepEqual(merged.tags, ["c"]);
  assert.deepEqual(merged.nav, { z: 1 });
  assert.equal("override:tags" in merged, false);
  assert.equal("override:nav" in merged, false);
});

test("mergeLayers: an `override:` key nested inside merged objects replaces only that branch", () => {
  const merged = mergeLayers([{ a: { keep: 1, n: { p: 1 } } }, { a: { "override:n": { q: 2 } } }]);
  assert.deepEqual(merged, { a: { keep: 1, n: { q: 2 } } });
});

test(
  "mergeLayers: `override:` keys nested in a layer that merges with nothing are still cleaned",
  () => {
    const merged = mergeLayers([{ title: "global" }, { nav: { "override:parent": "P" } }]);
    assert.deepEqual(merged.nav, { parent: "P" });
  },
);

test(
  "mergeLayers: a lower layer's object is not replaced by a higher layer's scalar or array (Eleventy 3.1.8's Merge)",
  () => {
    assert.deepEqual(mergeLayers([{ site: { title: "Global" } }, { site: "plain" }]).site, { title: "Global" });
    assert.deepEqual(mergeLayers([{ site: { title: "Global" } }, { site: [1] }]).site, { title: "Global" });
  },
);

test("mergeLayers: with deep merge off, top-level keys are replaced as a whole (Object.assign)", () => {
  const merged = mergeLayers([{ tags: ["a"], nav: { x: 1 } }, { tags: ["b"], nav: { y: 1 } }], false);
  assert.deepEqual(merged, { tags: ["b"], nav: { y: 1 } });
});

test("mergeLayers: skips undefined layers", () => {
  assert.deepEqual(mergeLayers([undefined, { a: 1 }, undefined]), { a: 1 });
});

test("mergeLayers: never mutates its inputs", () => {
  const low = { tags: ["a"], nav: { x: 1, deep: { p: 1 } }, keep: { untouched: true } };
  const high = { tags: ["b"], nav: { y: 2, deep: { q: 2 } }, "override:keep": { replaced: true } };
  const lowCopy = structuredClone(low);
  const highCopy = structuredClone(high);
  const merged = mergeLayers([low, high]);
  assert.deepEqual(low, lowCopy);
  assert.deepEqual(high, highCopy);
  // Mutating the result must not reach back into the layers either.
  (merged.tags as string[]).push("c");
  (merged.nav as { deep: Record<string, number> }).deep.r = 3;
  assert.deepEqual(low, lowCopy);
  assert.deepEqual(high, highCopy);
});

test("mergeLayers: class instances such as Date are values, not objects to merge into", () => {
  const date = new Date("2023-03-22T00:00:00Z");
  const merged = mergeLayers([{ date: "2020-01-01" }, { date }]);
  assert.ok(merged.date instanceof Date);
  assert.equal((merged.date as Date).toISOString(), "2023-03-22T00:00:00.000Z");
  // Eleventy's Merge keeps a lower layer's plain object when a higher layer gives a non-object.
  const kept = mergeLayers([{ date: { not: "a date" } }, { date }]);
  assert.deepEqual(kept.date, { not: "a date" });
});

test("isPlainObject: object literals and null-prototype objects only", () => {
  assert.equal(isPlainObject({}), true);
  assert.equal(isPlainObject(Object.create(null)), true);
  assert.equal(isPlainObject([]), false);
  assert.equal(isPlainObject(new Date()), false);
  assert.equal(isPlainObject(null), false);
  assert.equal(isPlainObject("x"), false);
  assert.equal(isPlainObject(new (class Thing {})()), false);
});

test("normalizeTags: a string is split on commas, as Eleventy does (no trimming)", () => {
  assert.deepEqual(normalizeTags("news"), ["news"]);
  assert.deepEqual(normalizeTags("news,release"), ["news", "release"]);
  assert.deepEqual(normalizeTags("news, release"), ["news", " release"]);
});

test("normalizeTags: duplicates are removed and every tag becomes a string", () => {
  assert.deepEqual(normalizeTags(["a", "b", "a"]), ["a", "b"]);
  assert.deepEqual(normalizeTags([2024, "x", true]), ["2024", "x", "true"]);
});

test("normalizeTags: empty values mean no tags; a missing value stays missing", () => {
  assert.deepEqual(normalizeTags(""), []);
  assert.deepEqual(normalizeTags(null), []);
  assert.equal(normalizeTags(undefined), undefined);
});

test(
  "normalizeTags: a number or an object for `tags` is an error, as in Eleventy (String or Array expected)",
  () => {
    assert.throws(() => normalizeTags(5));
    assert.throws(() => normalizeTags({ a: 1 }));
  },
);

test("cleanLayer: normalises tags without touching the original layer", () => {
  const layer = { title: "t", tags: "a,b,a" };
  const cleaned = cleanLayer(layer);
  assert.deepEqual(cleaned, { title: "t", tags: ["a", "b"] });
  assert.equal(layer.tags, "a,b,a");
  assert.notEqual(cleaned, layer);
});

test("cleanLayer: a layer without tags is returned as is", () => {
  const layer = { title: "t" };
  assert.equal(cleanLayer(layer), layer);
});

test("mergeLayers + cleanLayer: string tags from two layers concatenate as lists", () => {
  const merged = mergeLayers([cleanLayer({ tags: "news" }), cleanLayer({ tags: "stable" })]);
  assert.deepEqual(merged.tags, ["news", "stable"]);
});
