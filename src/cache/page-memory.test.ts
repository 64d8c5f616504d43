// The page memory reads back as it was written, and only for the build record it belongs to.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { RenderRecord } from "../engine/render-tracking.js";
import { readPageMemory, writePageMemory, type PageMemory } from "./page-memory.js";

function record(files: string[], collections: [string, string][], items: [string, [string, string | number | boolean | null | undefined][]][]): RenderRecord {
  return { files: new Set(files), collections: new Map(collections), items: new Map(items.map(([key, reads]) => [key, new Map(reads)])) };
}

test("pages, their records, collections and contents come back as written", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-page-memory-"));
  try {
    const file = path.join(dir, "pages.json");
    const memory: PageMemory = {
      pages: new Map([
        ["./a.md#0", { stamp: "s1", output: "a/index.html", record: record(["/site/_includes/base.njk"], [], [["./b.md#0", [["data.title", "B"], ["url", "/b/"]]]]) }],
        ["./b.md#0", { stamp: undefined, output: undefined, record: record([], [["posts", "2:abc"]], [["./gone.md#0", [["data.flag", undefined], ["data.n", 0], ["data.none", null]]], ["./a.md#0", [["templateContent", "h1"]]]]) }],
        ["./feed.njk#0", { stamp: "s3", output: "feed.xml", record: record(["/site/_includes/base.njk"], [["posts", "2:abc"]], [["./b.md#0", [["data.title", "B"]]]]) }],
      ]),
      collections: new Map([["posts", "2:abc"]]),
      contents: new Map([["./a.md#0", "<p>A</p>"]]),
    };
    writePageMemory(file, "build-1", memory);
    assert.deepEqual(readPageMemory(file, "build-1"), memory);
    assert.equal(readPageMemory(file, "build-2"), undefined, "the memory of another build");
    writeFileSync(file, "{ not json");
    assert.equal(readPageMemory(file, "build-1"), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
