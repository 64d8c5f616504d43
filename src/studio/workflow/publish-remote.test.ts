// Publishing with a remote and a deploy command: a developer's push is merged before the build
// and everything is pushed; an overlapping change on the remote refuses the publish with both
// versions. Scheduled publishing survives a restart of the studio.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { startStudioSite, TEST_TOKEN, type StudioSite } from "../../../test/support/studio-site.js";
import { StudioServer } from "../server/studio-server.js";
import { schedules } from "./schedule-routes.js";

const SEED = "news/2023-03-22-openinfra-associate-membership.md";
const OTHER = "news/2023-04-12-trademark-policy-draft.md";

interface Published {
  commit: string;
  push: { ok: boolean; message: string } | null;
  deploy: { ok: boolean; code: number; output: string } | null;
}

describe("publishing to a remote, and on a schedule", () => {
  let site: StudioSite;
  let scratch: string;
  let bare: string;
  let dev: string;
  const inDev = (...args: string[]) => execFileSync("git", args, { cwd: dev, encoding: "utf8" });
  const file = (relative: string) => readFileSync(path.join(site.dir, relative), "utf8");
  const saveDraft = async (relative: string, edit: (text: string) => string) => {
    const state = await site.api<{ revision: string }>("GET", `/api/entry/state?path=${relative}`);
    const raw = edit(state.json.revision ? (await site.api<{ raw: string }>("GET", `/api/entry?path=${relative}`)).json.raw : "");
    const saved = await site.api("PUT", `/api/entry?path=${relative}`, { raw, baseRevision: state.json.revision });
    assert.equal(saved.status, 200, saved.text);
  };

  before(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), "plinth-remote-"));
    bare = path.join(scratch, "site.git");
    dev = path.join(scratch, "dev");
    site = await startStudioSite();
    execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare]);
    site.git("remote", "add", "origin", bare);
    site.git("push", "-q", "origin", "main");
    execFileSync("git", ["clone", "-q", bare, dev]);
    inDev("config", "user.name", "Dev");
    inDev("config", "user.email", "dev@example.org");
    writeFileSync(path.join(site.dir, "studio.config.yml"), `workflow:\n  branches: true\n  remote: origin\n  deploy: git rev-parse HEAD > ${path.join(scratch, "deployed.txt")}\n`);
  });
  after(async () => {
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("merges a developer's push before building, then pushes and deploys", async () => {
    writeFileSync(path.join(dev, "about.md"), `${readFileSync(path.join(dev, "about.md"), "utf8")}\nA line the developer pushed.\n`);
    inDev("commit", "-q", "-am", "Developer: about page");
    inDev("push", "-q", "origin", "main");
    await saveDraft(SEED, (text) => text.replace("Associate Member", "Associate Member, pushed"));
    const published = await site.api<Published>("POST", `/api/publish?path=${SEED}`, {});
    assert.equal(published.status, 200, published.text);
    assert.equal(published.json.push?.ok, true, published.json.push?.message);
    assert.equal(published.json.deploy?.ok, true, published.json.deploy?.output);
    assert.equal(readFileSync(path.join(scratch, "deployed.txt"), "utf8").trim(), published.json.commit, "the deploy ran after the working copy moved");
    assert.equal(execFileSync("git", ["rev-parse", "main"], { cwd: bare, encoding: "utf8" }).trim(), published.json.commit, "the remote has the publish");
    assert.match(file("about.md"), /A line the developer pushed\./, "the developer's change is in the working copy");
    assert.match(file(SEED), /Associate Member, pushed/);
    assert.equal(site.git("rev-list", "--count", `${published.json.commit}..main`).trim(), "0");
    assert.equal(site.git("merge-base", "--is-ancestor", inDev("rev-parse", "HEAD").trim(), "main"), "");
  });

  it("refuses with both versions when the remote changed the same lines, and moves nothing", async () => {
    inDev("pull", "-q", "origin", "main");
    writeFileSync(path.join(dev, OTHER), readFileSync(path.join(dev, OTHER), "utf8").replace(/^title: .*$/m, "title: The developer's title"));
    inDev("commit", "-q", "-am", "Developer: a title");
    inDev("push", "-q", "origin", "main");
    await saveDraft(OTHER, (text) => text.replace(/^title: .*$/m, "title: The writer's title"));
    const main = site.git("rev-parse", "main").trim();
    const refused = await site.api<{ error: { code: string }; conflicts: { file: string; ours: string; theirs: string }[] }>("POST", `/api/publish?path=${OTHER}`, {});
    assert.equal(refused.status, 409, refused.text);
    assert.equal(refused.json.error.code, "WorkflowMergeConflict");
    assert.equal(refused.json.conflicts[0]?.file, OTHER);
    assert.match(refused.json.conflicts[0]!.ours, /The developer's title/);
    assert.match(refused.json.conflicts[0]!.theirs, /The writer's title/);
    assert.equal(site.git("rev-parse", "main").trim(), main);
    assert.doesNotMatch(file(OTHER), /The (developer|writer)'s title/, "the working copy did not change");
    assert.equal(site.git("worktree", "list").trim().split("\n").length, 2, "the site and the gate's kept checkout");
    await site.api("POST", `/api/entry/discard?path=${OTHER}`, {});
  });

  it("a push refused because a developer pushed while the gate built is merged, built and pushed again", async () => {
    // The race, made certain: the site's pre-push hook has the developer push first, once.
    const hook = path.join(site.dir, ".git", "hooks", "pre-push");
    const raced = path.join(scratch, "raced");
    writeFileSync(
      hook,
      [
        "#!/bin/sh",
        `[ -e "${raced}" ] && exit 0`,
        `touch "${raced}"`,
        "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE",
        `cd "${dev}" && git pull -q --no-rebase origin main && printf '\\nA line pushed during the publish.\\n' >> about.md && git commit -q -am "Developer: about page, meanwhile" && git push -q origin HEAD:main`,
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    try {
      await saveDraft(SEED, (text) => `${text}\nPublished during a race.\n`);
      const published = await site.api<Published & { push: { attempts: number } }>("POST", `/api/publish?path=${SEED}`, {});
      assert.equal(published.status, 200, published.text);
      assert.ok(existsSync(raced), "the developer pushed during the publish");
      assert.equal(published.json.push?.ok, true, published.json.push?.message);
      assert.equal(published.json.push?.attempts, 2, "refused once, then pushed");
      assert.equal(execFileSync("git", ["rev-parse", "main"], { cwd: bare, encoding: "utf8" }).trim(), published.json.commit, "the remote has the publish");
      assert.equal(site.git("rev-parse", "main").trim(), published.json.commit, "the working copy is at what was pushed");
      assert.equal(site.git("merge-base", "--is-ancestor", inDev("rev-parse", "HEAD").trim(), "main"), "", "the developer's commit is in");
      assert.match(file("about.md"), /A line pushed during the publish\./);
      assert.match(file(SEED), /Published during a race\./);
      assert.equal(readFileSync(path.join(scratch, "deployed.txt"), "utf8").trim(), published.json.commit, "the deploy ran on the pushed commit");
    } finally {
      rmSync(hook, { force: true });
    }
  });

  it("publishes at the scheduled time, also when the studio was stopped meanwhile", async () => {
    writeFileSync(path.join(site.dir, "studio.config.yml"), "workflow:\n  branches: true\n");
    await saveDraft(SEED, (text) => text.replace("Associate Member, pushed", "Associate Member, scheduled"));
    const past = await site.api("POST", `/api/schedule?path=${SEED}`, { at: "2020-01-01T00:00:00Z" });
    assert.equal(past.status, 400);
    const at = new Date(Date.now() + 3000).toISOString();
    const scheduled = await site.api<{ path: string; at: string }>("POST", `/api/schedule?path=${SEED}`, { at });
    assert.equal(scheduled.status, 201, scheduled.text);
    const main = site.git("rev-parse", "main").trim();
    const stateDir = path.join(site.dir, ".plinth-studio");
    await site.studio.close();
    assert.equal(JSON.parse(readFileSync(path.join(stateDir, "schedule.json"), "utf8"))[0].path, SEED, "the schedule is on disk");
    while (Date.now() <= Date.parse(at)) await sleep(200);
    assert.equal(site.git("rev-parse", "main").trim(), main, "nothing published while the studio was stopped");
    const lines: string[] = [];
    const restarted = await StudioServer.start({ cwd: site.dir, port: 0, token: TEST_TOKEN, log: (line) => lines.push(line), logError: (text) => lines.push(text) });
    try {
      await schedules.get(stateDir)!.idle();
      for (let i = 0; i < 600 && site.git("rev-parse", "main").trim() === main; i++) await sleep(100);
      assert.notEqual(site.git("rev-parse", "main").trim(), main, "published after the restart");
      await schedules.get(stateDir)!.idle();
      assert.match(file(SEED), /Associate Member, scheduled/);
      assert.deepEqual(JSON.parse(readFileSync(path.join(stateDir, "schedule.json"), "utf8")), []);
      const log = readFileSync(path.join(stateDir, "schedule-log.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { path: string; ok: boolean; by: string });
      assert.deepEqual(log.map((l) => [l.path, l.ok, l.by]), [[SEED, true, "Site Owner"]]);
      assert.ok(lines.some((line) => /scheduled for/.test(line)), "the terminal says so");
    } finally {
      schedules.get(stateDir)?.close();
      await restarted.close();
    }
  });
});
