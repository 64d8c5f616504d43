import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { tempProject } from "../../test/support/temp-project.js";
import { contentHash } from "../util/content-hash.js";
import { compareFingerprints, statFiles, statFilesInParallel, type Fingerprint } from "./file-fingerprint.js";

const LONG_AGO = Date.now() - 60_000;

/** A fingerprint of `files` as if recorded a minute after they were written, hashes included. */
function recordedLongAgo(now: Fingerprint, withHashes: boolean, texts: Record<string, string>): Fingerprint {
  const recorded: Fingerprint = new Map();
  for (const [file, stamp] of now) {
    const text = Object.entries(texts).find(([relative]) => file.endsWith(relative))?.[1];
    recorded.set(file, { ...stamp, mtimeMs: LONG_AGO, ctimeMs: LONG_AGO, hash: withHashes && text !== undefined ? contentHash(text) : undefined });
  }
  return recorded;
}

test("statFiles lists files under the roots, skipping node_modules, .git and the skipped folders", () => {
  const project = tempProject("fingerprint", { "src/a.md": "a", "src/sub/b.md": "b", "src/node_modules/x.js": "", "src/.git/HEAD": "", "src/_site/index.html": "", "config.js": "" });
  try {
    const stamps = statFiles([project.abs("src"), project.abs("config.js"), project.abs("missing.js")], [project.abs("src/_site")]);
    assert.deepEqual([...stamps.keys()], [project.abs("src/a.md"), project.abs("src/sub/b.md"), project.abs("config.js")]);
    assert.equal(stamps.get(project.abs("src/a.md"))?.size, 1);
  } finally {
    project.done();
  }
});

test("statFilesInParallel finds the same stamps in the same order as statFiles, links to folders included", async () => {
  const files: Record<string, string> = { "src/z.md": "z", "src/a.md": "a", "src/sub/b.md": "bb", "src/sub/deeper/c.md": "ccc", "src/node_modules/x.js": "", "src/.git/HEAD": "", "src/_site/index.html": "", "shared/s.md": "s", "config.js": "" };
  for (let n = 0; n < 300; n++) files[`src/many/p${n}.md`] = "p".repeat(n);
  const project = tempProject("fingerprint", files);
  try {
    symlinkSync(project.abs("shared"), project.abs("src/linked"));
    symlinkSync(project.abs("src/a.md"), project.abs("src/sub/a-link.md"));
    const roots = [project.abs("src"), project.abs("config.js"), project.abs("missing.js")];
    const skip = [project.abs("src/_site")];
    const parallel = await statFilesInParallel(roots, skip);
    assert.deepEqual([...parallel], [...statFiles(roots, skip)]);
    assert.equal(parallel.size, 2 + 2 + 300 + 1 + 1 + 1, "a, z, sub/b, sub/deeper/c, 300 in many, linked/s, sub/a-link, config.js");
    assert.ok(parallel.has(project.abs("src/linked/s.md")), "a file in a linked folder");
    assert.ok(!parallel.has(project.abs("src/_site/index.html")) && !parallel.has(project.abs("src/node_modules/x.js")));
    assert.equal(parallel.get(project.abs("src/many/p299.md"))?.size, 299);
  } finally {
    project.done();
  }
});

test("compareFingerprints trusts an old, unchanged stat and reports added, removed and resized files", () => {
  const texts = { "a.md": "alpha", "b.md": "beta" };
  const project = tempProject("fingerprint", texts);
  try {
    const now = () => statFiles([project.cwd], []);
    // Recorded long ago with the same stats as now: trusted without reading a byte.
    const same = new Map([...now()].map(([file, stamp]) => [file, { ...stamp }]));
    assert.equal(compareFingerprints(same, now(), Date.now() + 60_000).changed, undefined);

    writeFileSync(project.abs("c.md"), "new");
    assert.equal(compareFingerprints(same, now(), Date.now() + 60_000).changed, project.abs("c.md"));
    writeFileSync(project.abs("c.md"), "");
    mkdirSync(project.abs("empty-folder"));

    const withC = new Map([...now()].map(([file, stamp]) => [file, { ...stamp }]));
    writeFileSync(project.abs("b.md"), "beta, longer");
    assert.equal(compareFingerprints(withC, now(), Date.now() + 60_000).changed, project.abs("b.md"));
    rmSync(project.abs("c.md"));
    assert.equal(compareFingerprints(withC, now(), Date.now() + 60_000).changed, project.abs("c.md"));
  } finally {
    project.done();
  }
});

test("compareFingerprints falls back to the content hash when only the stat moved", () => {
  const texts = { "a.md": "alpha", "b.md": "beta" };
  const project = tempProject("fingerprint", texts);
  try {
    const now = () => statFiles([project.cwd], []);
    const recorded = recordedLongAgo(now(), true, texts);
    // Same bytes written again (a git checkout, an editor's save-without-change): no difference.
    writeFileSync(project.abs("a.md"), "alpha");
    assert.deepEqual(compareFingerprints(recorded, now(), LONG_AGO + 60_000), { hashed: 2 }, "both files were read: their stats moved");
    // Same size, other bytes.
    writeFileSync(project.abs("a.md"), "omega");
    assert.equal(compareFingerprints(recorded, now(), LONG_AGO + 60_000).changed, project.abs("a.md"));
  } finally {
    project.done();
  }
});

test("compareFingerprints never trusts a stat without a hash once it moved, nor a racy one", () => {
  const texts = { "a.md": "alpha" };
  const project = tempProject("fingerprint", texts);
  try {
    const file = project.abs("a.md");
    const now = () => statFiles([project.cwd], []);
    assert.equal(compareFingerprints(recordedLongAgo(now(), false, texts), now(), LONG_AGO + 60_000).changed, file);

    // Recorded in the same instant the file was written: a later write in that clock tick
    // could leave size and mtime unchanged, so identical stats are not proof.
    const racy = new Map([...now()].map(([f, stamp]) => [f, { ...stamp }]));
    const recordedAt = racy.get(file)!.mtimeMs;
    assert.equal(compareFingerprints(racy, now(), recordedAt).changed, file, "a racy stat without a hash is a difference");
    racy.get(file)!.hash = contentHash("alpha");
    assert.equal(compareFingerprints(racy, now(), recordedAt).changed, undefined, "a racy stat whose hash matches is not");
    writeFileSync(file, "omega");
    const sameStat = now();
    const old = racy.get(file)!;
    utimesSync(file, new Date(old.mtimeMs), new Date(old.mtimeMs));
    sameStat.set(file, { ...now().get(file)!, ctimeMs: old.ctimeMs });
    assert.equal(compareFingerprints(racy, sameStat, recordedAt).changed, file, "same size and mtime, other bytes, caught by the hash");
  } finally {
    project.done();
  }
});

test("a chmod moves the change time: an unreadable file is a difference", () => {
  const texts = { "a.md": "alpha" };
  const project = tempProject("fingerprint", texts);
  try {
    const recorded = statFiles([project.cwd], []);
    const stamp = recorded.get(project.abs("a.md"))!;
    const now = statFiles([project.cwd], []);
    now.set(project.abs("a.md"), { ...stamp, ctimeMs: stamp.ctimeMs + 5 });
    assert.equal(compareFingerprints(recorded, now, Date.now() + 60_000).changed, project.abs("a.md"));
  } finally {
    project.done();
  }
});
