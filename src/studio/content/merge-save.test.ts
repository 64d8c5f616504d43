// Two people saving the same entry from the same revision, through the API: changes to
// different lines are merged and both kept (in the file and in git), changes to the same line
// are a 409 with both texts and the merge with markers, and a base the studio cannot find is a
// 409 as before. The base is found in memory, or in the entry's git history.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";
import { revisionOf } from "./revision.js";

const POST = "news/2022-09-14-lintel-foundation-launches.md";

interface Entry {
  raw: string;
  revision: string;
  frontMatter: Record<string, unknown>;
  body: string;
}
interface Saved {
  revision: string;
  commit: string | null;
  changed: boolean;
  merged?: boolean;
  raw?: string;
}
interface Conflict {
  error: { code: string };
  current: { raw: string; revision: string };
  mine?: string;
  merged?: { raw: string; conflicts: number };
}

describe("merging stale saves", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  const onDisk = () => readFileSync(path.join(site.dir, POST), "utf8");
  const open = async () => (await site.api<Entry>("GET", `/api/entry?path=${POST}`)).json;
  const lineOf = (raw: string, n: number) => raw.split("\n")[n]!;
  /** A body line (after the front matter) that is not blank, so edits to it are real. */
  const bodyLines = (raw: string) => raw.split("\n").map((line, i) => ({ line, i })).filter(({ line, i }) => i > raw.split("\n").indexOf("---", 1) && line.trim().length > 20);

  it("keeps both changes when two saves from the same revision touch different lines", async () => {
    const entry = await open();
    const [first, second] = [bodyLines(entry.raw)[0]!, bodyLines(entry.raw).at(-1)!];
    assert.notEqual(first.i, second.i);
    const ann = entry.raw.replace(first.line, `${first.line} (Ann)`);
    const bob = entry.raw.replace(second.line, `${second.line} (Bob)`);
    const one = await site.api<Saved>("PUT", `/api/entry?path=${POST}`, { raw: ann, baseRevision: entry.revision });
    assert.equal(one.status, 200);
    assert.equal(one.json.merged, undefined);
    const two = await site.api<Saved>("PUT", `/api/entry?path=${POST}`, { raw: bob, baseRevision: entry.revision });
    assert.equal(two.status, 200);
    assert.equal(two.json.merged, true);
    const both = entry.raw.replace(first.line, `${first.line} (Ann)`).replace(second.line, `${second.line} (Bob)`);
    assert.equal(two.json.raw, both, "the answer carries the merged text for the editor to reload");
    assert.equal(two.json.revision, revisionOf(both));
    assert.equal(onDisk(), both);
    assert.equal(site.git("show", `${two.json.commit}:${POST}`), both, "the merge is committed");
    assert.equal(site.git("show", `${one.json.commit}:${POST}`), ann, "and so is the first save");
    assert.equal(lineOf(site.git("log", "--format=%H", "-n", "2", "--", POST), 1), one.json.commit);
  });

  it("answers 409 with both texts and the merge when two saves change the same line, writing nothing", async () => {
    const entry = await open();
    const line = bodyLines(entry.raw)[1]!.line;
    const ann = entry.raw.replace(line, "Ann's version of this line.");
    const bob = entry.raw.replace(line, "Bob's version of this line.");
    assert.equal((await site.api<Saved>("PUT", `/api/entry?path=${POST}`, { raw: ann, baseRevision: entry.revision })).status, 200);
    const commits = site.git("rev-list", "--count", "HEAD");
    const res = await site.api<Conflict>("PUT", `/api/entry?path=${POST}`, { raw: bob, baseRevision: entry.revision });
    assert.equal(res.status, 409);
    assert.equal(res.json.error.code, "StudioConflict");
    assert.equal(res.json.current.raw, ann);
    assert.equal(res.json.mine, bob);
    assert.equal(res.json.merged?.conflicts, 1);
    assert.match(res.json.merged!.raw, /<<<<<<< saved meanwhile\nAnn's version of this line\.\n=======\nBob's version of this line\.\n>>>>>>> yours\n/);
    assert.equal(onDisk(), ann, "nothing written");
    assert.equal(site.git("rev-list", "--count", "HEAD"), commits, "nothing committed");
  });

  it("merges a form save (a field) with a body change saved meanwhile", async () => {
    const entry = await open();
    const line = bodyLines(entry.raw)[2]!.line;
    const text = entry.raw.replace(line, `${line} Edited in the text.`);
    assert.equal((await site.api<Saved>("PUT", `/api/entry?path=${POST}`, { raw: text, baseRevision: entry.revision })).status, 200);
    const res = await site.api<Saved>("PUT", `/api/entry?path=${POST}`, { frontMatter: { ...entry.frontMatter, title: "A New Title" }, body: entry.body, baseRevision: entry.revision });
    assert.equal(res.status, 200);
    assert.equal(res.json.merged, true);
    assert.match(onDisk(), /^title: A New Title$/m);
    assert.ok(onDisk().includes(`${line} Edited in the text.`), "the body change is kept");
  });

  it("finds a base the studio never read in the entry's git history", async () => {
    const old = onDisk();
    // Two commits made outside the studio: the studio has seen neither text through its API.
    const middle = old.replace(/^title: .*$/m, "title: Changed By A Developer");
    writeFileSync(path.join(site.dir, POST), middle);
    site.git("commit", "-q", "-am", "Developer edit");
    const newest = middle.replace(/\n$/, "\n\nA paragraph from the developer.\n");
    writeFileSync(path.join(site.dir, POST), newest);
    site.git("commit", "-q", "-am", "Developer edit 2");
    const line = bodyLines(middle)[0]!.line;
    const mine = middle.replace(line, `${line} (from a tab opened before the last commit)`);
    const res = await site.api<Saved>("PUT", `/api/entry?path=${POST}`, { raw: mine, baseRevision: revisionOf(middle) });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.merged, true);
    assert.equal(onDisk(), newest.replace(line, `${line} (from a tab opened before the last commit)`));
  });

  it("answers 409 with the current text when the base is unknown", async () => {
    const current = onDisk();
    const res = await site.api<Conflict>("PUT", `/api/entry?path=${POST}`, { raw: "Replaced.\n", baseRevision: "0".repeat(32) });
    assert.equal(res.status, 409);
    assert.equal(res.json.current.raw, current);
    assert.equal(res.json.mine, "Replaced.\n");
    assert.equal(res.json.merged, undefined);
    assert.equal(onDisk(), current);
  });
});
