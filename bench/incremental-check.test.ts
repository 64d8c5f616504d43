import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { compareOutputs, compareWithFolder, describeDifference } from "./incremental-check.js";

describe("compareOutputs", () => {
  it("finds equal trees equal, whether content is a string or a buffer", () => {
    const expected = new Map<string, string | Buffer>([
      ["index.html", "<p>hi</p>"],
      ["logo.png", Buffer.from([1, 2, 3])],
    ]);
    const actual = new Map<string, string | Buffer>([
      ["logo.png", Buffer.from([1, 2, 3])],
      ["index.html", Buffer.from("<p>hi</p>")],
    ]);
    assert.deepEqual(compareOutputs(expected, actual), { equal: true, missing: [], extra: [], differing: [], compared: 2 });
  });

  it("reports missing, extra and differing paths, sorted", () => {
    const expected = new Map([
      ["b.html", "b"],
      ["a.html", "a"],
      ["same.html", "s"],
      ["gone.html", "g"],
    ]);
    const actual = new Map([
      ["b.html", "B"],
      ["a.html", "a "],
      ["same.html", "s"],
      ["stale.html", "x"],
    ]);
    assert.deepEqual(compareOutputs(expected, actual), {
      equal: false,
      missing: ["gone.html"],
      extra: ["stale.html"],
      differing: ["a.html", "b.html"],
      compared: 3,
    });
  });
});

describe("describeDifference", () => {
  it("names the count of identical files", () => {
    assert.equal(describeDifference(compareOutputs(new Map([["a", "1"]]), new Map([["a", "1"]]))), "identical (1 files)");
  });

  it("names a few paths of each kind and says when there are more", () => {
    const expected = new Map(["a", "b", "c"].map((name) => [name, "1"]));
    const actual = new Map([...["a", "b", "c"].map((name): [string, string] => [name, "2"]), ["z", "1"]]);
    assert.equal(describeDifference(compareOutputs(expected, actual), 2), "1 extra (z); 3 differing (a, b, …)");
  });
});

describe("compareWithFolder", () => {
  it("compares bytes, whitespace between tags included, and finds missing and extra files", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "plinth-incremental-check-"));
    try {
      await mkdir(path.join(folder, "news", "a"), { recursive: true });
      await writeFile(path.join(folder, "news", "a", "index.html"), "<ul>\n  <li>a</li>\n</ul>\n");
      await writeFile(path.join(folder, "data.txt"), "a  b");
      await writeFile(path.join(folder, "news", "b.html"), "<p>same</p>\n");
      await writeFile(path.join(folder, "stale.html"), "<p>old</p>");
      const expected = new Map<string, string | Buffer>([
        ["news/a/index.html", "<ul><li>a</li></ul>"],
        ["news/b.html", "<p>same</p>\n"],
        ["data.txt", "a b"],
        ["feed.xml", "<feed/>"],
      ]);
      assert.deepEqual(await compareWithFolder(expected, folder), {
        equal: false,
        missing: ["feed.xml"],
        extra: ["stale.html"],
        differing: ["data.txt", "news/a/index.html"],
        compared: 3,
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
