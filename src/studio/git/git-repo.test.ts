// One commit per save, of that path only: new, changed and deleted files, names git would read
// as patterns, other staged work left alone, nothing to commit, and a hook that refuses.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { PlinthError } from "../../errors/plinth-error.js";
import { GitRepo, parseAuthor } from "./git-repo.js";

const root = mkdtempSync(path.join(os.tmpdir(), "plinth-git-"));
after(() => rmSync(root, { recursive: true, force: true }));
const site = path.join(root, "site");
mkdirSync(path.join(site, "news"), { recursive: true });
const git = (...args: string[]) => execFileSync("git", args, { cwd: site, encoding: "utf8" });
git("init", "-q");
git("config", "user.name", "Owner");
git("config", "user.email", "owner@example.org");
git("config", "commit.gpgsign", "false");
writeFileSync(path.join(site, "news", "a.md"), "A\n");
writeFileSync(path.join(site, "other.md"), "O\n");
git("add", "-A");
git("commit", "-q", "-m", "Initial");

test("commits only the named path, whatever else is staged or changed", async () => {
  const repo = (await GitRepo.open(path.join(site, "news"), parseAuthor("Editor <editor@example.org>")!))!;
  assert.equal(repo.root, execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: site, encoding: "utf8" }).trim());
  writeFileSync(path.join(site, "other.md"), "staged\n");
  git("add", "other.md");
  writeFileSync(path.join(site, "news", "a.md"), "A2\n");
  const hash = await repo.commitFile("a.md", "Update news/a.md: A");
  assert.match(hash ?? "", /^[0-9a-f]{40}$/);
  assert.equal(git("show", "--name-only", "--format=%an|%s", "HEAD").trim(), "Editor|Update news/a.md: A\n\nnews/a.md");
  assert.equal(git("status", "--porcelain").trim(), "M  other.md", "the staged change is still staged, uncommitted");
  assert.equal(await repo.commitFile("a.md", "again"), null, "nothing to commit");
});

test("new files, names with pattern characters, and deletions", async () => {
  const repo = (await GitRepo.open(site))!;
  assert.equal(repo.author.name, "Owner");
  writeFileSync(path.join(site, "news", "[draft] *.md"), "D\n");
  writeFileSync(path.join(site, "news", "b.md"), "not this one\n");
  await repo.commitFile("news/[draft] *.md", "Create");
  assert.equal(git("show", "--name-only", "--format=", "HEAD").trim(), "news/[draft] *.md");
  assert.match(git("status", "--porcelain", "--untracked-files=all"), /\?\? news\/b\.md/);
  unlinkSync(path.join(site, "news", "[draft] *.md"));
  await repo.commitFile("news/[draft] *.md", "Delete");
  assert.equal(git("show", "--name-status", "--format=", "HEAD").trim(), "D\tnews/[draft] *.md");
  rmSync(path.join(site, "news", "b.md"));
});

test("a refused commit is a catalogued error; the file stays as written", async () => {
  const repo = (await GitRepo.open(site))!;
  const hook = path.join(site, ".git", "hooks", "pre-commit");
  writeFileSync(hook, "#!/bin/sh\necho 'no commits today' >&2\nexit 1\n");
  chmodSync(hook, 0o755);
  writeFileSync(path.join(site, "news", "a.md"), "A3\n");
  await assert.rejects(repo.commitFile("news/a.md", "Update"), (error: unknown) => error instanceof PlinthError && error.code === "StudioGitFailed" && /no commits today/.test(error.message));
  rmSync(hook);
  assert.equal(await GitRepo.open(os.tmpdir()), null, "outside a repository");
});
