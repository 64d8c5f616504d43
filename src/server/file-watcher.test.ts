import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { coveringRoots } from "../engine/project-paths.js";
import { FileWatcher, isIgnoredPath } from "./file-watcher.js";

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "plinth-watch-"));
}

/** Waits for the next burst, or fails after `ms` so a missing event cannot hang the suite. */
function nextBurst(bursts: string[][], waiters: ((paths: string[]) => void)[], ms = 10_000): Promise<string[]> {
  const ready = bursts.shift();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no change reported")), ms);
    waiters.push((paths) => {
      clearTimeout(timer);
      resolve(paths);
    });
  });
}

function watch(roots: string[], cwd: string, ignoreInside: string[], debounceMs: number) {
  const bursts: string[][] = [];
  const waiters: ((paths: string[]) => void)[] = [];
  const watcher = new FileWatcher(roots, {
    cwd,
    ignoreInside: () => ignoreInside,
    debounceMs,
    onChange: (paths) => {
      const waiter = waiters.shift();
      if (waiter) waiter(paths);
      else bursts.push(paths);
    },
    onError: (error) => assert.fail(error),
  });
  return { watcher, bursts, next: () => nextBurst(bursts, waiters) };
}

test("a burst of saves is reported once, with every path", async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "a.md"), "a");
  // A long quiet time makes the grouping certain on a slow machine; the logic is the same at 10 ms.
  const { watcher, next } = watch([dir], dir, [], 400);
  try {
    await watcher.whenReady();
    writeFileSync(path.join(dir, "a.md"), "a2");
    writeFileSync(path.join(dir, "b.md"), "b");
    mkdirSync(path.join(dir, "posts"));
    writeFileSync(path.join(dir, "posts", "c.md"), "c");
    const paths = await next();
    for (const name of ["a.md", "b.md", "posts/c.md"]) assert.ok(paths.includes(path.join(dir, name)), `${name} in ${paths.join(", ")}`);
  } finally {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("deletions and renames are reported", async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "old.md"), "x");
  writeFileSync(path.join(dir, "gone.md"), "x");
  const { watcher, next } = watch([dir], dir, [], 150);
  try {
    await watcher.whenReady();
    rmSync(path.join(dir, "gone.md"));
    const { renameSync } = await import("node:fs");
    renameSync(path.join(dir, "old.md"), path.join(dir, "new.md"));
    const seen = new Set<string>();
    while (!["gone.md", "old.md", "new.md"].every((n) => seen.has(path.join(dir, n)))) for (const p of await next()) seen.add(p);
  } finally {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("node_modules, .git, the output folder and editor swap files are not reported", async () => {
  const dir = tempDir();
  for (const sub of ["node_modules/pkg", ".git", "_site"]) mkdirSync(path.join(dir, sub), { recursive: true });
  const output = path.join(dir, "_site");
  const { watcher, next } = watch([dir], dir, [output], 100);
  try {
    await watcher.whenReady();
    writeFileSync(path.join(dir, "node_modules", "pkg", "index.js"), "x");
    writeFileSync(path.join(dir, ".git", "index"), "x");
    writeFileSync(path.join(output, "index.html"), "x");
    writeFileSync(path.join(dir, ".index.njk.swp"), "x");
    // A real change after the ignored ones: it must come alone.
    writeFileSync(path.join(dir, "index.njk"), "x");
    assert.deepEqual(await next(), [path.join(dir, "index.njk")]);
  } finally {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("roots can shrink and grow: a folder no longer watched is silent, a new one reports", async () => {
  const dir = tempDir();
  for (const sub of ["src", "extra", "other"]) mkdirSync(path.join(dir, sub));
  const { watcher, next } = watch([dir], dir, [], 100);
  try {
    await watcher.whenReady();
    watcher.setRoots([path.join(dir, "src")]);
    await watcher.whenReady();
    writeFileSync(path.join(dir, "other", "x.md"), "x");
    writeFileSync(path.join(dir, "src", "a.md"), "a");
    assert.deepEqual(await next(), [path.join(dir, "src", "a.md")]);
    watcher.setRoots([path.join(dir, "src"), path.join(dir, "extra")]);
    await watcher.whenReady();
    writeFileSync(path.join(dir, "extra", "motd.txt"), "m");
    assert.deepEqual(await next(), [path.join(dir, "extra", "motd.txt")]);
    assert.deepEqual(watcher.watched, [path.join(dir, "src"), path.join(dir, "extra")]);
  } finally {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a folder made after the start is watched, and a file root replaced by a rename still reports", async () => {
  const dir = tempDir();
  const config = path.join(dir, "eleventy.config.js");
  writeFileSync(config, "export default () => {};");
  mkdirSync(path.join(dir, "src"));
  const { watcher, next } = watch([path.join(dir, "src"), config], dir, [], 100);
  try {
    await watcher.whenReady();
    mkdirSync(path.join(dir, "src", "news", "2026"), { recursive: true });
    writeFileSync(path.join(dir, "src", "news", "2026", "a.md"), "a");
    const seen = new Set<string>();
    while (!seen.has(path.join(dir, "src", "news", "2026", "a.md"))) for (const p of await next()) seen.add(p);
    // Saved again later, inside the folder that did not exist when watching began.
    writeFileSync(path.join(dir, "src", "news", "2026", "a.md"), "a, edited");
    assert.ok((await next()).includes(path.join(dir, "src", "news", "2026", "a.md")));
    // An editor that saves by writing a new file and renaming it over the old one.
    writeFileSync(`${config}.tmp`, "export default () => { /* 2 */ };");
    renameSync(`${config}.tmp`, config);
    assert.ok((await next()).includes(config));
    writeFileSync(config, "export default () => { /* 3 */ };");
    assert.ok((await next()).includes(config), "the new file is watched too");
  } finally {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("isIgnoredPath", () => {
  const options = { cwd: "/site", ignoreInside: () => ["/site/_site"] };
  assert.equal(isIgnoredPath("/site/_site/index.html", options), true);
  assert.equal(isIgnoredPath("/site/_site", options), true);
  assert.equal(isIgnoredPath("/site/node_modules", options), true);
  assert.equal(isIgnoredPath("/site/src/node_modules/x/y.js", options), true);
  assert.equal(isIgnoredPath("/site/.git/HEAD", options), true);
  assert.equal(isIgnoredPath("/site/post.md~", options), true);
  assert.equal(isIgnoredPath("/site/_site2/index.njk", options), false);
  assert.equal(isIgnoredPath("/site/src/posts/a.md", options), false);
  assert.equal(isIgnoredPath("/site/.eleventyignore", options), false);
});

test("coveringRoots drops paths inside other roots", () => {
  assert.deepEqual(coveringRoots(["/site/src", "/site/src/_includes", "/shared/x.css", "/site/src/../src/_data"]), ["/shared/x.css", "/site/src"]);
  assert.deepEqual(coveringRoots(["/a/b", "/a/bc"]), ["/a/b", "/a/bc"]);
});
