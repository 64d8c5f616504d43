import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { build } from "../engine/build.js";
import type { BuildProgress } from "../engine/build-state.js";
import { MemoryWriter } from "../write/memory-writer.js";
import { ProgressLine, progressEnabled, progressText } from "./progress-line.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function terminal(): { isTTY: boolean; written: string[]; write(text: string): void } {
  const written: string[] = [];
  return { isTTY: true, written, write: (text: string) => void written.push(text) };
}

describe("progress line", () => {
  it("is off when quiet, in CI, on a dumb terminal and when the output is not a terminal", () => {
    assert.equal(progressEnabled({ isTTY: true, write() {} }, { env: {} }), true);
    assert.equal(progressEnabled({ isTTY: true, write() {} }, { env: {}, quiet: true }), false);
    assert.equal(progressEnabled({ isTTY: true, write() {} }, { env: { CI: "true" } }), false);
    assert.equal(progressEnabled({ isTTY: true, write() {} }, { env: { TERM: "dumb" } }), false);
    assert.equal(progressEnabled({ isTTY: false, write() {} }, { env: {} }), false);
    assert.equal(progressEnabled({ write() {} }, { env: {} }), false);
  });

  it("says the phase, and pages rendered of the total", () => {
    assert.equal(progressText({ phase: "data" }), "[build] merging data…");
    assert.equal(progressText({ phase: "render", done: 1234, total: 10065 }), "[build] rendering 1,234 of 10,065 pages");
  });

  it("shows nothing before its delay, then redraws one line, and clears it when finished", async () => {
    const quick = terminal();
    const early = new ProgressLine(quick, { env: {}, delayMs: 10_000 });
    early.update({ phase: "render", done: 1, total: 2 });
    early.finish();
    assert.deepEqual(quick.written, [], "a build shorter than the delay prints nothing");

    const slow = terminal();
    // A long interval keeps the line's own timer out of this test's few milliseconds.
    const line = new ProgressLine(slow, { env: {}, delayMs: 5, intervalMs: 60_000 });
    line.update({ phase: "render", done: 10, total: 100 });
    assert.deepEqual(slow.written, [], "not before the delay");
    await sleep(20);
    line.update({ phase: "render", done: 50, total: 100 });
    line.update({ phase: "render", done: 51, total: 100 });
    line.finish();
    assert.deepEqual(slow.written, ["\r\x1b[2K[build] rendering 50 of 100 pages", "\r\x1b[2K"], "drawn when due, at most once an interval, then cleared");
  });

  it("gets every phase and each rendered page from a build", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-progress-"));
    try {
      for (const name of ["a", "b", "c"]) writeFileSync(path.join(dir, `${name}.md`), `# ${name}\n`);
      const events: BuildProgress[] = [];
      await build({ cwd: dir, writer: new MemoryWriter(), onProgress: (event) => events.push({ ...event }) });
      assert.deepEqual(
        events.map((e) => e.phase).filter((phase, i, all) => phase !== all[i - 1]),
        ["read", "data", "pages", "render", "write"],
      );
      const rendering = events.filter((e) => e.phase === "render");
      assert.deepEqual(rendering.map((e) => e.done), [0, 1, 2, 3]);
      assert.ok(rendering.every((e) => e.total === 3));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
