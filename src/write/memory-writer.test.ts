// The in-memory writer: the same contract as the disk writer (nothing visible before commit,
// unchanged files counted, files no longer produced removed), kept in a Map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MemoryWriter } from "./memory-writer.js";

test("nothing is visible before commit", () => {
  const writer = new MemoryWriter();
  writer.writeFile("index.html", "<p>hi</p>");
  assert.equal(writer.read("index.html"), undefined);
  assert.equal(writer.files.size, 0);
});

test("commit makes the pages readable and counts them as written", async () => {
  const writer = new MemoryWriter();
  writer.writeFile("index.html", "home");
  writer.writeFile("about/index.html", "about");
  const summary = await writer.commit();
  assert.deepEqual(summary, { written: 2, copied: 0, unchanged: 0, removed: 0 });
  assert.equal(writer.read("index.html"), "home");
  assert.equal(writer.read("about/index.html"), "about");
});

test("a second commit counts unchanged pages, rewrites changed ones and removes pages no longer produced", async () => {
  const writer = new MemoryWriter();
  writer.writeFile("a.html", "A");
  writer.writeFile("b.html", "B");
  writer.writeFile("c.html", "C");
  await writer.commit();
  writer.writeFile("a.html", "A");
  writer.writeFile("b.html", "B2");
  const summary = await writer.commit();
  assert.deepEqual(summary, { written: 1, copied: 0, unchanged: 1, removed: 1 });
  assert.equal(writer.read("b.html"), "B2");
  assert.equal(writer.read("c.html"), undefined);
  assert.deepEqual([...writer.files.keys()].sort(), ["a.html", "b.html"]);
});

test("passthrough copies read the source file at commit time, as bytes", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-memory-writer-"));
  try {
    const source = path.join(dir, "logo.png");
    writeFileSync(source, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
    const writer = new MemoryWriter();
    writer.copyFile(source, "img/logo.png");
    writeFileSync(source, Buffer.from([1, 2, 3]));
    const summary = await writer.commit();
    assert.equal(summary.copied, 1);
    const copied = writer.files.get("img/logo.png");
    assert.ok(Buffer.isBuffer(copied));
    assert.deepEqual([...copied], [1, 2, 3]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the same path queued twice keeps the last content", async () => {
  const writer = new MemoryWriter();
  writer.writeFile("x.html", "first");
  writer.writeFile("x.html", "second");
  await writer.commit();
  assert.equal(writer.read("x.html"), "second");
});

test("an empty commit after a build removes everything", async () => {
  const writer = new MemoryWriter();
  writer.writeFile("x.html", "x");
  await writer.commit();
  const summary = await writer.commit();
  assert.equal(summary.removed, 1);
  assert.equal(writer.files.size, 0);
});

test("a commit of changes keeps what it was not given, removes what it was told to, and reports both", async () => {
  const writer = new MemoryWriter();
  writer.writeFile("a.html", "A");
  writer.writeFile("b.html", "B");
  writer.writeFile("c.html", "C");
  await writer.commit();
  assert.deepEqual(writer.lastCommit, { changed: ["a.html", "b.html", "c.html"], removed: [] });
  writer.writeFile("b.html", "B2");
  writer.writeFile("d.html", "D");
  writer.removeFile("c.html");
  writer.removeFile("d.html");
  writer.removeFile("never-written.html");
  const summary = await writer.commit("changes");
  assert.deepEqual(summary, { written: 2, copied: 0, unchanged: 0, removed: 1 });
  assert.deepEqual(writer.lastCommit, { changed: ["b.html", "d.html"], removed: ["c.html"] });
  assert.deepEqual([...writer.files.keys()].sort(), ["a.html", "b.html", "d.html"], "a write queued with a removal of the same path wins");
});
