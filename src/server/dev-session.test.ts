import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PlinthError } from "../errors/plinth-error.js";
import { buildErrors, DevSession, type BuildOutcome } from "./dev-session.js";

function tempSite(): string {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-session-"));
  mkdirSync(path.join(cwd, "posts"));
  writeFileSync(path.join(cwd, "index.njk"), "<p>home</p>\n");
  writeFileSync(path.join(cwd, "posts", "a.md"), "# A\n");
  return cwd;
}

function session(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const outcomes: BuildOutcome[] = [];
  const s = new DevSession({ cwd, log: (l) => out.push(l), logError: (t) => err.push(t) });
  s.onBuild((o) => outcomes.push(o));
  return { s, out, err, outcomes };
}

test("builds, updates, remembers what each build changed, and survives a broken build", async () => {
  const cwd = tempSite();
  const { s, out, err, outcomes } = session(cwd);
  try {
    await s.start();
    assert.equal(s.build, 1);
    assert.match(out[0]!, /^\[serve\] Built 2 pages and copied 0 files in /);
    assert.equal(s.site.memory.read("posts/a/index.html"), "<h1>A</h1>\n");

    writeFileSync(path.join(cwd, "posts", "a.md"), "# A2\n");
    s.requestUpdate([path.join(cwd, "posts", "a.md")]);
    await s.idle();
    assert.equal(s.build, 2);
    assert.deepEqual(outcomes[1], { ok: true, build: 2, changes: { changed: ["posts/a/index.html"], removed: [] }, update: (outcomes[1] as { update: unknown }).update });
    assert.match(out[1]!, /^\[serve\] (Rebuilt|Updated) in \d+ ms: 1 file written \(posts\/a\/index\.html\)$/);

    writeFileSync(path.join(cwd, "index.njk"), "{% if %}\n");
    s.requestUpdate([path.join(cwd, "index.njk")]);
    await s.idle();
    assert.equal(s.build, 2, "a failed build is not a build the pages can show");
    assert.equal(outcomes[2]!.ok, false);
    assert.ok(s.errors?.length);
    assert.match(err.join(""), /\[serve\] Build failed with 1 error; still serving the last good build/);
    assert.equal(s.site.memory.read("index.html"), "<p>home</p>\n", "the last good output is kept");

    writeFileSync(path.join(cwd, "index.njk"), "<p>home</p>\n");
    rmSync(path.join(cwd, "posts", "a.md"));
    s.requestUpdate([path.join(cwd, "index.njk"), path.join(cwd, "posts", "a.md")]);
    await s.idle();
    assert.equal(s.errors, null);
    assert.equal(s.build, 3);
    assert.match(out.at(-1)!, /^\[serve\] Fixed\. (Rebuilt|Updated) in \d+ ms: 1 removed \(posts\/a\/index\.html\)$/);

    assert.deepEqual(s.changesSince(3), { changed: [], removed: [] });
    assert.deepEqual(s.changesSince(2), { changed: [], removed: ["posts/a/index.html"] });
    assert.deepEqual(s.changesSince(1), { changed: [], removed: ["posts/a/index.html"] }, "a removal after a change wins");
    assert.deepEqual(s.changesSince(0)?.removed, ["posts/a/index.html"]);
    assert.deepEqual(s.changesSince(0)?.changed, ["index.html"]);
    assert.equal(s.changesSince(4), null);
    assert.equal(s.changesSince(-1), null);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("changes that arrive during a build wait for the next one", async () => {
  const cwd = tempSite();
  const { s, outcomes } = session(cwd);
  try {
    await s.start();
    s.requestUpdate([path.join(cwd, "index.njk")]);
    s.requestUpdate([path.join(cwd, "posts", "a.md")]);
    s.requestUpdate([path.join(cwd, "index.njk")]);
    await s.idle();
    assert.equal(outcomes.length, 3, "the first build, then one for the first path and one for the two queued behind it");
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("a first build that fails leaves nothing to serve, and the next good one builds everything", async () => {
  const cwd = tempSite();
  writeFileSync(path.join(cwd, "index.njk"), "{{ x | nosuchfilter }}\n");
  const { s, out } = session(cwd);
  try {
    await s.start();
    assert.equal(s.hasOutput, false);
    assert.ok(s.errors?.length);
    writeFileSync(path.join(cwd, "index.njk"), "<p>ok</p>\n");
    s.requestUpdate([path.join(cwd, "index.njk")]);
    await s.idle();
    assert.equal(s.hasOutput, true);
    assert.equal(s.site.memory.read("index.html"), "<p>ok</p>\n");
    assert.match(out.at(-1)!, /^\[serve\] Fixed\. Built 2 pages/);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("buildErrors wraps unexpected exceptions in a catalogued error", () => {
  const plain = buildErrors(new TypeError("x is undefined"));
  assert.equal(plain[0]!.code, "ServeBuildCrashed");
  assert.equal(plain[0]!.message, "x is undefined");
  const known = new PlinthError("LayoutNotFound", "no layout");
  assert.deepEqual(buildErrors(known), [known]);
});

test("updated() resolves when the build that took the files in is over, not after later ones", async () => {
  const cwd = tempSite();
  const { s } = session(cwd);
  try {
    await s.start();
    const a = path.join(cwd, "posts", "a.md");
    writeFileSync(a, "# First\n");
    const first = s.updated([a]);
    // Queued while the first build runs: a second build, which `first` does not wait for.
    writeFileSync(a, "# Second\n");
    const second = s.updated([a]);
    await first;
    assert.equal(s.build, 2, "the second build has not run yet");
    await second;
    assert.equal(s.build, 3);
    assert.equal(s.site.memory.read("posts/a/index.html"), "<h1>Second</h1>\n");
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
