import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { FreshFolder } from "./fresh-folder.js";

test("a renderer that outruns the writing thread is asked to wait, and every page still lands", async () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-fresh-folder-"));
  try {
    const out = path.join(cwd, "_site");
    const folder = FreshFolder.claim(out, 10_000)!;
    const page = "x".repeat(1_000);
    let waits = 0;
    for (let i = 0; i < 400; i++) {
      folder.write(`news/${i}/index.html`, page);
      const ready = folder.ready();
      if (ready) {
        waits++;
        await ready;
        assert.equal(folder.ready(), undefined, "after the wait the thread has caught up");
      }
    }
    assert.ok(waits > 0, "400 KB against a 10 KB backlog must wait");
    const files = await folder.settle();
    await folder.publish();
    assert.equal(files.size, 400);
    assert.equal(readdirSync(path.join(out, "news")).length, 400);
    assert.equal(readFileSync(path.join(out, "news/399/index.html"), "utf8"), page);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("a writer that keeps up never makes the renderer wait", async () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-fresh-folder-"));
  try {
    const folder = FreshFolder.claim(path.join(cwd, "_site"))!;
    for (let i = 0; i < 100; i++) {
      folder.write(`p/${i}.html`, "small");
      assert.equal(folder.ready(), undefined);
    }
    await folder.settle();
    await folder.discard();
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("an output folder that a plugin created while the site rendered gets the pages beside its files", async () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-fresh-folder-"));
  try {
    const out = path.join(cwd, "_site");
    const folder = FreshFolder.claim(out)!;
    folder.write("index.html", "home");
    folder.write("news/first/index.html", "first");
    // What eleventy-img does while a later page renders: it writes its images itself.
    mkdirSync(path.join(out, "img"), { recursive: true });
    writeFileSync(path.join(out, "img", "photo-48.webp"), "webp");
    mkdirSync(path.join(out, "news"), { recursive: true });
    writeFileSync(path.join(out, "news", "photo.png"), "png");
    await folder.settle();
    await folder.publish();
    assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "home");
    assert.equal(readFileSync(path.join(out, "news/first/index.html"), "utf8"), "first");
    assert.equal(readFileSync(path.join(out, "img/photo-48.webp"), "utf8"), "webp");
    assert.equal(readFileSync(path.join(out, "news/photo.png"), "utf8"), "png");
    assert.deepEqual(readdirSync(cwd), ["_site"], "the staging folder is gone");
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
