import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { readSite } from "./read-site.js";

test("a large site read with helper threads gives what one thread gives", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-read-site-"));
  try {
    writeFileSync(path.join(dir, "index.html"), "<title>Home</title>");
    for (let i = 0; i < 300; i++) {
      mkdirSync(path.join(dir, "news", `p${i}`), { recursive: true });
      writeFileSync(path.join(dir, "news", `p${i}`, "index.html"), `<title>Post ${i}</title>\n<a href="/news/p${i + 1}/#x">next</a><h2 id="x">x</h2>`);
    }
    writeFileSync(path.join(dir, "news", "p7", "photo.jpg"), "");
    const one = await readSite(dir, 1);
    const two = await readSite(dir, 2);
    assert.equal(one.files.size, 302);
    assert.deepEqual([...two.files].sort(), [...one.files].sort());
    assert.equal(two.pages.size, 301);
    assert.deepEqual(two.pages.get("news/p9/index.html"), one.pages.get("news/p9/index.html"));
    assert.deepEqual([...two.pages.get("news/p299/index.html")!.anchors], ["x"]);
    assert.equal(two.pages.get("news/p299/index.html")!.refs[0]!.line, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
