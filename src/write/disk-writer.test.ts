// The disk writer: writes only on commit, skips files whose content has not changed since the
// last build, removes files it wrote before and no longer produces, and never touches any other
// file in the output folder. Each "build" below uses a fresh writer, as each `plinth build` does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { DiskWriter, filesWrittenByPlinth, untouchedOutputs } from "./disk-writer.js";

interface Project {
  cwd: string;
  out: string;
  writer: () => DiskWriter;
  read: (relative: string) => string;
  /** Sets a file's modification time far in the past, so a rewrite is visible. */
  age: (relative: string) => number;
  mtime: (relative: string) => number;
  done: () => void;
}

function project(): Project {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-disk-writer-"));
  // With a node_modules folder the manifest lives in the project, so each test has its own.
  mkdirSync(path.join(cwd, "node_modules"));
  const out = path.join(cwd, "_site");
  const old = new Date("2001-01-01T00:00:00Z");
  return {
    cwd,
    out,
    writer: () => new DiskWriter(out, cwd),
    read: (relative) => readFileSync(path.join(out, relative), "utf8"),
    age: (relative) => {
      utimesSync(path.join(out, relative), old, old);
      return statSync(path.join(out, relative)).mtimeMs;
    },
    mtime: (relative) => statSync(path.join(out, relative)).mtimeMs,
    done: () => rmSync(cwd, { recursive: true, force: true }),
  };
}

test("nothing is written before commit", () => {
  const p = project();
  try {
    const w = p.writer();
    w.writeFile("index.html", "home");
    assert.equal(existsSync(p.out), false);
  } finally {
    p.done();
  }
});

test("commit writes pages into their folders and counts them", async () => {
  const p = project();
  try {
    const w = p.writer();
    w.writeFile("index.html", "home");
    w.writeFile("news/post/index.html", "post");
    assert.deepEqual(await w.commit(), { written: 2, copied: 0, unchanged: 0, removed: 0 });
    assert.equal(p.read("index.html"), "home");
    assert.equal(p.read("news/post/index.html"), "post");
  } finally {
    p.done();
  }
});

test("a page whose content has not changed is not written again", async () => {
  const p = project();
  try {
    const first = p.writer();
    first.writeFile("index.html", "home");
    first.writeFile("about/index.html", "about");
    await first.commit();
    const homeTime = p.age("index.html");
    const aboutTime = p.age("about/index.html");

    const second = p.writer();
    second.writeFile("index.html", "home");
    second.writeFile("about/index.html", "about, edited");
    const summary = await second.commit();
    assert.equal(summary.unchanged, 1);
    assert.equal(summary.written, 1);
    assert.equal(p.mtime("index.html"), homeTime, "the unchanged page was rewritten");
    assert.notEqual(p.mtime("about/index.html"), aboutTime);
    assert.equal(p.read("about/index.html"), "about, edited");
  } finally {
    p.done();
  }
});

test("a page deleted from the output folder is written again even if its content is unchanged", async () => {
  const p = project();
  try {
    const first = p.writer();
    first.writeFile("index.html", "home");
    await first.commit();
    rmSync(p.out, { recursive: true });
    const second = p.writer();
    second.writeFile("index.html", "home");
    assert.equal((await second.commit()).written, 1);
    assert.equal(p.read("index.html"), "home");
  } finally {
    p.done();
  }
});

test("pages it wrote before and no longer produces are removed", async () => {
  const p = project();
  try {
    const first = p.writer();
    first.writeFile("index.html", "home");
    first.writeFile("old/index.html", "old");
    await first.commit();
    const second = p.writer();
    second.writeFile("index.html", "home");
    assert.equal((await second.commit()).removed, 1);
    assert.equal(existsSync(path.join(p.out, "old/index.html")), false);
    assert.equal(p.read("index.html"), "home");
  } finally {
    p.done();
  }
});

test("a commit of changes writes what it is given, removes what it is told to, and keeps the rest", async () => {
  const p = project();
  try {
    const first = p.writer();
    first.writeFile("index.html", "home");
    first.writeFile("a/index.html", "a");
    first.writeFile("b/index.html", "b");
    await first.commit();
    writeFileSync(path.join(p.out, "mine.txt"), "not Plinth's");
    const second = p.writer();
    second.writeFile("a/index.html", "a, edited");
    second.removeFile("b/index.html");
    second.removeFile("mine.txt");
    assert.deepEqual(await second.commit("changes"), { written: 1, copied: 0, unchanged: 0, removed: 1 });
    assert.equal(p.read("index.html"), "home");
    assert.equal(p.read("a/index.html"), "a, edited");
    assert.equal(existsSync(path.join(p.out, "b/index.html")), false);
    assert.equal(p.read("mine.txt"), "not Plinth's", "only files in the record are removed");
    // The record still lists the page the update did not mention: a full build that drops it removes it.
    const third = p.writer();
    third.writeFile("a/index.html", "a, edited");
    assert.deepEqual(await third.commit(), { written: 0, copied: 0, unchanged: 1, removed: 1 });
    assert.equal(existsSync(path.join(p.out, "index.html")), false);
  } finally {
    p.done();
  }
});

test("files it did not write are never touched, even where pages come and go", async () => {
  const p = project();
  try {
    mkdirSync(path.join(p.out, "old"), { recursive: true });
    writeFileSync(path.join(p.out, "CNAME"), "example.org\n");
    writeFileSync(path.join(p.out, "old", "notes.txt"), "mine");
    const before = p.age("CNAME");

    const first = p.writer();
    first.writeFile("index.html", "home");
    first.writeFile("old/index.html", "old");
    await first.commit();
    const second = p.writer();
    second.writeFile("index.html", "home v2");
    await second.commit();
    const third = p.writer();
    await third.commit();

    assert.equal(p.read("CNAME"), "example.org\n");
    assert.equal(p.mtime("CNAME"), before);
    assert.equal(p.read("old/notes.txt"), "mine");
  } finally {
    p.done();
  }
});

test("a passthrough copy is copied once, and again only when its source changes", async () => {
  const p = project();
  try {
    const source = path.join(p.cwd, "logo.png");
    writeFileSync(source, "v1");
    const first = p.writer();
    first.copyFile(source, "img/logo.png");
    assert.equal((await first.commit()).copied, 1);
    assert.equal(p.read("img/logo.png"), "v1");
    const copiedAt = p.age("img/logo.png");

    const second = p.writer();
    second.copyFile(source, "img/logo.png");
    const unchanged = await second.commit();
    assert.equal(unchanged.copied, 0);
    assert.equal(unchanged.unchanged, 1);
    assert.equal(p.mtime("img/logo.png"), copiedAt);

    writeFileSync(source, "version 2");
    const third = p.writer();
    third.copyFile(source, "img/logo.png");
    assert.equal((await third.commit()).copied, 1);
    assert.equal(p.read("img/logo.png"), "version 2");
  } finally {
    p.done();
  }
});

test("a passthrough file no longer listed is removed like a page", async () => {
  const p = project();
  try {
    const source = path.join(p.cwd, "a.css");
    writeFileSync(source, "body{}");
    const first = p.writer();
    first.copyFile(source, "css/a.css");
    await first.commit();
    const second = p.writer();
    assert.equal((await second.commit()).removed, 1);
    assert.equal(existsSync(path.join(p.out, "css/a.css")), false);
    assert.equal(existsSync(source), true, "the source must never be removed");
  } finally {
    p.done();
  }
});

test("two output folders of one project keep separate records", async () => {
  const p = project();
  try {
    const other = path.join(p.cwd, "public");
    const a = p.writer();
    a.writeFile("index.html", "site");
    await a.commit();
    const b = new DiskWriter(other, p.cwd);
    b.writeFile("index.html", "site");
    assert.equal((await b.commit()).written, 1, "the other folder's record made it skip a file it never wrote");
    assert.equal(readFileSync(path.join(other, "index.html"), "utf8"), "site");
  } finally {
    p.done();
  }
});

test("a file in the way of a folder is an OutputWrite error", async () => {
  const p = project();
  try {
    mkdirSync(p.out, { recursive: true });
    writeFileSync(path.join(p.out, "blog"), "a file, not a folder");
    const w = p.writer();
    w.writeFile("blog/index.html", "x");
    await assert.rejects(w.commit(), (e: unknown) => e instanceof PlinthError && e.code === "OutputWrite");
  } finally {
    p.done();
  }
});

test(
  "an output file changed by something else since the last build is written again",
  async () => {
    const p = project();
    try {
      const first = p.writer();
      first.writeFile("index.html", "home");
      await first.commit();
      writeFileSync(path.join(p.out, "index.html"), "edited by hand");
      const second = p.writer();
      second.writeFile("index.html", "home");
      await second.commit();
      assert.equal(p.read("index.html"), "home");
    } finally {
      p.done();
    }
  },
);

test("into a folder that does not exist, pages are written ahead into a staging folder that becomes the output at commit", async () => {
  const p = project();
  try {
    const source = path.join(p.cwd, "a.css");
    writeFileSync(source, "body{}");
    const w = p.writer();
    w.writeFile("index.html", "home");
    w.writeFile("news/one/index.html", "one");
    w.writeFile("news/one/index.html", "one, again");
    w.copyFile(source, "css/a.css");
    const staging = `${p.out}.plinth-staging-${process.pid}`;
    assert.equal(existsSync(p.out), false, "the output folder only appears at commit");
    assert.equal(existsSync(staging), true);
    assert.deepEqual(await w.commit(), { written: 2, copied: 1, unchanged: 0, removed: 0 });
    assert.equal(existsSync(staging), false);
    assert.equal(p.read("index.html"), "home");
    assert.equal(p.read("news/one/index.html"), "one, again", "the later of two writes to one path wins");
    assert.equal(p.read("css/a.css"), "body{}");
    // The record is complete: the next build into the now existing folder skips unchanged files.
    const again = p.writer();
    again.writeFile("index.html", "home");
    again.writeFile("news/one/index.html", "one, again");
    again.copyFile(source, "css/a.css");
    assert.deepEqual(await again.commit(), { written: 0, copied: 0, unchanged: 3, removed: 0 });
  } finally {
    p.done();
  }
});

test("a build that fails after writing ahead leaves no output folder and no staging folder", async () => {
  const p = project();
  try {
    const w = p.writer();
    w.writeFile("index.html", "home");
    await w.discard();
    assert.equal(existsSync(p.out), false);
    assert.equal(existsSync(`${p.out}.plinth-staging-${process.pid}`), false);
    // A staging folder left by a build that was killed is cleared by the next one.
    const abandoned = `${p.out}.plinth-staging-999999999`;
    mkdirSync(abandoned);
    const next = p.writer();
    next.writeFile("index.html", "home");
    await next.commit();
    assert.equal(existsSync(abandoned), false);
    assert.equal(p.read("index.html"), "home");
  } finally {
    p.done();
  }
});

test("a page with non-ASCII text written ahead is recognised as unchanged by the next build", async () => {
  const p = project();
  try {
    const text = "<p>Café — “members” ✓ 😀</p>";
    const first = p.writer();
    first.writeFile("index.html", text);
    assert.deepEqual(await first.commit(), { written: 1, copied: 0, unchanged: 0, removed: 0 });
    assert.equal(p.read("index.html"), text);
    const again = p.writer();
    again.writeFile("index.html", text);
    assert.deepEqual(await again.commit(), { written: 0, copied: 0, unchanged: 1, removed: 0 });
  } finally {
    p.done();
  }
});

test("filesWrittenByPlinth lists what the last build wrote, and follows the next build", async () => {
  const p = project();
  try {
    assert.deepEqual([...filesWrittenByPlinth(p.out, p.cwd)], []);
    const first = p.writer();
    first.writeFile("index.html", "home");
    first.writeFile("old/index.html", "old");
    await first.commit();
    writeFileSync(path.join(p.out, "made-by-a-plugin.png"), "png");
    assert.deepEqual([...filesWrittenByPlinth(p.out, p.cwd)].sort(), ["index.html", "old/index.html"]);
    const second = p.writer();
    second.writeFile("index.html", "home again");
    await second.commit();
    assert.deepEqual([...filesWrittenByPlinth(p.out, p.cwd)], ["index.html"]);
  } finally {
    p.done();
  }
});

test("a complete commit keeps the files it is told to keep, and tells which outputs are as it left them", async () => {
  const p = project();
  try {
    const first = p.writer();
    for (const name of ["a.html", "b.html", "c.html"]) first.writeFile(name, `<p>${name}</p>`);
    await first.commit();
    assert.deepEqual(["a.html", "b.html", "c.html", "d.html"].filter(await untouchedOutputs(p.out, p.cwd)), ["a.html", "b.html", "c.html"]);
    writeFileSync(path.join(p.out, "c.html"), "<p>edited by hand, longer</p>");
    assert.deepEqual(["a.html", "b.html", "c.html"].filter(await untouchedOutputs(p.out, p.cwd)), ["a.html", "b.html"]);

    const second = p.writer();
    second.keepFile("a.html");
    second.writeFile("c.html", "<p>c again</p>");
    await second.commit();
    assert.equal(p.read("a.html"), "<p>a.html</p>");
    assert.equal(existsSync(path.join(p.out, "b.html")), false, "neither kept nor written: removed as in any complete commit");
    assert.equal(p.read("c.html"), "<p>c again</p>");
    assert.deepEqual([...filesWrittenByPlinth(p.out, p.cwd)].sort(), ["a.html", "c.html"]);
    assert.deepEqual(["a.html", "b.html", "c.html"].filter(await untouchedOutputs(p.out, p.cwd)), ["a.html", "c.html"]);
  } finally {
    p.done();
  }
});
