import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { statAll } from "./stat-all.js";

test("statAll answers in the order asked, with undefined for a path that cannot be stat'ed", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-stat-all-"));
  try {
    const sizes = [5, 0, 123, 7];
    const files = sizes.map((_, n) => path.join(dir, `f${n}.txt`));
    files.forEach((file, n) => writeFileSync(file, "x".repeat(sizes[n]!)));
    const found = await statAll([files[2]!, path.join(dir, "missing"), files[0]!, dir, files[3]!, files[1]!]);
    assert.deepEqual(found.map((st) => (st?.isFile() ? st.size : st ? "folder" : undefined)), [123, undefined, 5, "folder", 7, 0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
