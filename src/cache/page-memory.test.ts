// The page memory reads back as it was written, and only for the build record it belongs to.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

test("a memory written over the one it was read from keeps unchanged rows and reads back as written", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-page-memory-"));
  try {
    const file = path.join(dir, "pages.json");
    const base = "/site/_includes/base.njk";
    const pages = new Map<string, PageMemory["pages"] extends Map<string, infer V> ? V : never>();
    for (let n = 0; n < 20; n++) pages.set(`./p${n}.md#0`, { stamp: `s${n}`, output: `p${n}/index.html`, record: record([base], [["posts", "20:a"]], [[`./p${(n + 1) % 20}.md#0`, [["data.title", `P${n + 1}`]]]]) });
    writePageMemory(file, "build-1", { pages, collections: new Map([["posts", "20:a"]]), contents: new Map() });
    const read = readPageMemory(file, "build-1")!;
    // The next build: p3 rendered again (a new record that reads a new page), p20 is new, p7 is gone, p5's stamp moved.
    const next: PageMemory = { pages: new Map(read.pages), collections: new Map([["posts", "20:b"]]), contents: new Map([["./p1.md#0", "<p>1</p>"]]) };
    next.pages.delete("./p7.md#0");
    next.pages.set("./p3.md#0", { stamp: "s3b", output: "p3/index.html", record: record([base, "/site/_includes/extra.njk"], [["posts", "20:b"]], [["./p20.md#0", [["data.title", "New"], ["url", undefined]]]]) });
    next.pages.set("./p20.md#0", { stamp: "s20", output: undefined, record: record([], [], [["./p7.md#0", [["data.title", "Gone"]]]]) });
    next.pages.set("./p5.md#0", { ...read.pages.get("./p5.md#0")!, stamp: "s5b" });
    writePageMemory(file, "build-2", next, read);
    const again = readPageMemory(file, "build-2")!;
    assert.deepEqual(again, next);
    // Written once more from that memory, and then afresh when most records changed.
    writePageMemory(file, "build-3", again, again);
    assert.deepEqual(readPageMemory(file, "build-3"), next);
    const changedMost: PageMemory = { ...again, pages: new Map([...again.pages].map(([key, page]) => [key, { ...page, record: record([base], [], []) }])) };
    writePageMemory(file, "build-4", changedMost, again);
    assert.deepEqual(readPageMemory(file, "build-4"), changedMost);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("rows written again over a carried-over memory point to the values it already holds, so the file does not grow build after build", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-page-memory-"));
  try {
    const file = path.join(dir, "pages.json");
    const neighbourRecord = (n: number): RenderRecord => record(["/site/_includes/base.njk"], [["posts", "20:a"]], [[`./p${(n + 1) % 20}.md#0`, [["data.title", `P${n + 1}`], ["url", `/p${n + 1}/`]]]]);
    const pages = new Map<string, PageMemory["pages"] extends Map<string, infer V> ? V : never>();
    for (let n = 0; n < 20; n++) pages.set(`./p${n}.md#0`, { stamp: `s${n}`, output: `p${n}/index.html`, record: neighbourRecord(n) });
    writePageMemory(file, "build-0", { pages, collections: new Map([["posts", "20:a"]]), contents: new Map() });
    const sizeOf = (): number => readFileSync(file).length;
    const firstSize = sizeOf();
    let memory = readPageMemory(file, "build-0")!;
    // Each build renders p3 again, which reads what it read before: a new record object with the same reads.
    for (let build = 1; build <= 5; build++) {
      const next: PageMemory = { ...memory, pages: new Map(memory.pages) };
      next.pages.set("./p3.md#0", { stamp: "s3", output: "p3/index.html", record: neighbourRecord(3) });
      writePageMemory(file, `build-${build}`, next, memory);
      memory = readPageMemory(file, `build-${build}`)!;
      assert.deepEqual(memory, next);
    }
    const stored = JSON.parse(readFileSync(file, "utf8")) as { keys: string[]; itemReads: unknown[] };
    assert.equal(new Set(stored.keys).size, stored.keys.length, "no key stored twice");
    assert.equal(stored.itemReads.length, 40, "each page's two reads, once");
    // Only the `appended` count and the build id may differ from the first write.
    assert.ok(Math.abs(sizeOf() - firstSize) <= 2, `${sizeOf()} bytes after five builds, ${firstSize} after the first`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
