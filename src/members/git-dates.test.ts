import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { firstCommitDate, GitDates, isGitWorkTree } from "./git-dates.js";
import { loadMembership } from "./load.js";
import { makeTempSite, memberMd, SVG_LOGO } from "./temp-site.js";

/** Runs git in `dir` with fixed author and committer dates, and no user or system config. */
function git(dir: string, date: string, ...args: string[]): void {
  execFileSync("git", args, {
    cwd: dir,
    stdio: "ignore",
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

function commit(dir: string, date: string, message: string): void {
  git(dir, date, "add", "-A");
  git(dir, date, "commit", "-q", "-m", message);
}

test("a member without `joined` joined when its file was first committed, following renames", async () => {
  const site = makeTempSite({
    "members/acme.md": memberMd("name: Acme", "level: gold", "logo: /img/members/acme.svg"),
    "members/dated.md": memberMd("name: Dated", "level: gold", "logo: /img/members/acme.svg", "joined: 2019-01-01"),
    "img/members/acme.svg": SVG_LOGO,
  });
  git(site, "2020-01-01T00:00:00Z", "init", "-q");
  commit(site, "2021-03-04T10:00:00+02:00", "Add Acme");
  // Later edits and a rename do not move the join date.
  renameSync(path.join(site, "members/acme.md"), path.join(site, "members/acme-corp.md"));
  commit(site, "2022-07-08T12:00:00Z", "Rename Acme");

  assert.equal(await isGitWorkTree(site), true);
  assert.equal(await firstCommitDate(path.join(site, "members/acme-corp.md")), "2021-03-04");

  const model = await loadMembership({ inputDir: site, gitDates: new GitDates() });
  const acme = model.members.find((m) => m.slug === "acme-corp")!;
  assert.equal(acme.joined, "2021-03-04");
  assert.equal(acme.joinedFrom, "git");
  const dated = model.members.find((m) => m.slug === "dated")!;
  assert.equal(dated.joined, "2019-01-01", "a `joined` in the file wins over git");
  assert.equal(dated.joinedFrom, "front-matter");
});

test("uncommitted member files and sites outside git have no git join date", async () => {
  const outside = makeTempSite({ "members/acme.md": memberMd("name: Acme", "level: gold") });
  assert.equal(await isGitWorkTree(outside), false);
  const model = await loadMembership({ inputDir: outside, gitDates: new GitDates() });
  assert.equal(model.members[0]!.joined, null);
  assert.equal(model.members[0]!.joinedFrom, null);

  const repo = makeTempSite({ "README.md": "site\n" });
  git(repo, "2020-01-01T00:00:00Z", "init", "-q");
  commit(repo, "2020-01-01T00:00:00Z", "Start");
  const file = path.join(repo, "members/new.md");
  mkdirSync(path.dirname(file));
  writeFileSync(file, memberMd("name: New", "level: gold"));
  assert.deepEqual(await new GitDates().lookup([file], repo), new Map());
});
