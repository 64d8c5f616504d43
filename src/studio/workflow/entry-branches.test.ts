// Entry branches written with plumbing: the working copy, the index and the publishing branch
// stay as they were; the text, author and state are on the branch; a stale expected head and
// a stale ref are refused; the board lists open branches with their states.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { GitRepo } from "../git/git-repo.js";
import { EntryBranches } from "./entry-branches.js";

const ANA = { name: "Ana Writer", email: "ana@example.org" };
const ED = { name: "Ed Editor", email: "ed@example.org" };

describe("entry branches", () => {
  let root: string;
  let site: string;
  let branches: EntryBranches;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "plinth-branches-"));
    site = path.join(root, "site");
    mkdirSync(path.join(site, "news"), { recursive: true });
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Owner");
    git("config", "user.email", "owner@example.org");
    git("config", "commit.gpgsign", "false");
    writeFileSync(path.join(site, "news", "a.md"), "---\ntitle: A\n---\nA\n");
    git("add", "-A");
    git("commit", "-q", "-m", "Initial");
    branches = EntryBranches.create((await GitRepo.open(site))!);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("writes to studio/<path> without touching the working copy, the index or main", async () => {
    const main = git("rev-parse", "main");
    writeFileSync(path.join(site, "news", "a.md"), "---\ntitle: A\n---\nA, edited on disk\n");
    git("add", "site/news/a.md");
    const status = git("status", "--porcelain");
    const commit = await branches.write("news/a.md", "---\ntitle: A\n---\nA, on the branch\n", "Update news/a.md: A", ANA);
    assert.match(commit ?? "", /^[0-9a-f]{40}$/);
    assert.equal(git("rev-parse", "studio/news/a"), `${commit}\n`);
    assert.equal(git("rev-parse", "main"), main, "main did not move");
    assert.equal(git("symbolic-ref", "--short", "HEAD"), "main\n");
    assert.equal(git("status", "--porcelain"), status, "index and working copy as they were");
    assert.equal(readFileSync(path.join(site, "news", "a.md"), "utf8"), "---\ntitle: A\n---\nA, edited on disk\n");
    assert.equal(git("show", "studio/news/a:site/news/a.md"), "---\ntitle: A\n---\nA, on the branch\n");
    assert.equal(git("log", "-1", "--format=%an <%ae>|%s|%(trailers:only,unfold)", "studio/news/a").trim(), "Ana Writer <ana@example.org>|Update news/a.md: A|Studio-Path: news/a.md\nStudio-State: draft");
    assert.equal(git("show", "--name-only", "--format=", "studio/news/a").trim(), "site/news/a.md", "the commit changes that file only");
    git("checkout", "-q", "--", ".");
    git("reset", "-q");
  });

  it("reads the branch's text and state; a new entry starts a branch from main", async () => {
    const read = await branches.read("news/a.md");
    assert.equal(read?.raw, "---\ntitle: A\n---\nA, on the branch\n");
    assert.equal(read?.state, "draft");
    assert.equal(await branches.read("news/none.md"), null);
    await branches.write("news/b c.md", "---\ntitle: B\n---\nNew\n", "Create news/b c.md: B", ANA);
    assert.equal(git("rev-parse", "studio/news/b%20c^"), git("rev-parse", "main"), "branched from main");
    assert.equal(await branches.publishedText("news/b c.md"), null, "not on main");
  });

  it("keeps states in trailers: submit, approve, a save after approval goes back to review", async () => {
    const head = (await branches.read("news/a.md"))!.head;
    await branches.setState("news/a.md", "review", "Submit news/a.md: A", ANA, { expectedHead: head });
    assert.equal((await branches.read("news/a.md"))?.state, "review");
    await branches.setState("news/a.md", "ready", "Approve news/a.md: A", ED, { trailers: { "Studio-Review": "approve" }, body: "Looks good." });
    assert.equal((await branches.read("news/a.md"))?.state, "ready");
    assert.match(git("log", "-1", "--format=%B", "studio/news/a"), /Looks good\.\n\nStudio-Path: news\/a\.md\nStudio-State: ready\nStudio-Review: approve/);
    await branches.write("news/a.md", "---\ntitle: A\n---\nA, changed after approval\n", "Update news/a.md: A", ANA);
    assert.equal((await branches.read("news/a.md"))?.state, "review");
    assert.equal(await branches.write("news/a.md", "---\ntitle: A\n---\nA, changed after approval\n", "Update news/a.md: A", ANA), null, "nothing changed: no commit");
  });

  it("refuses a write from a stale head and leaves the branch where it was", async () => {
    const before = git("rev-parse", "studio/news/a").trim();
    await assert.rejects(branches.write("news/a.md", "x\n", "Update", ANA, { expectedHead: "0".repeat(40) }), /changed on its branch meanwhile/);
    assert.equal(git("rev-parse", "studio/news/a").trim(), before);
  });

  it("lists the board with state, who and when; deleting a branch takes it off", async () => {
    const board = await branches.board();
    const byPath = Object.fromEntries(board.map((e) => [e.path, e]));
    assert.deepEqual(Object.keys(byPath).sort(), ["news/a.md", "news/b c.md"]);
    assert.equal(byPath["news/a.md"]?.state, "review");
    assert.equal(byPath["news/a.md"]?.title, "A");
    assert.equal(byPath["news/a.md"]?.by, "Ana Writer");
    assert.equal(byPath["news/a.md"]?.published, true);
    assert.equal(byPath["news/b c.md"]?.published, false);
    assert.ok(!Number.isNaN(Date.parse(byPath["news/a.md"]!.at)));
    assert.equal(await branches.remove("news/b c.md"), true);
    assert.deepEqual((await branches.board()).map((e) => e.path), ["news/a.md"]);
  });
});
