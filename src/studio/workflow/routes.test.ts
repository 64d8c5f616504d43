// The review and publishing API on a git copy of the example site in branch mode
// (`workflow.branches: true`): saves go to the entry's branch and leave the working copy and
// main alone; submit, review, the diff, publish (main moves, the working copy follows, the
// site is rebuilt, the branch goes); a broken template refuses the publish with its error and
// moves nothing; history, diff and restore; unpublish.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";

const SEED = "news/2023-03-22-openinfra-associate-membership.md";
const BRANCH = "studio/news/2023-03-22-openinfra-associate-membership";

interface State {
  state: string | null;
  branch: string | null;
  head: string | null;
  published: boolean;
  revision: string | null;
}

describe("review and publishing API", () => {
  let site: StudioSite;
  let original: string;
  let main: string;
  const file = (relative: string) => readFileSync(path.join(site.dir, relative), "utf8");
  const revisionOf = async (relative: string) => (await site.api<State>("GET", `/api/entry/state?path=${encodeURIComponent(relative)}`)).json.revision!;
  before(async () => {
    site = await startStudioSite();
    writeFileSync(path.join(site.dir, "studio.config.yml"), "workflow:\n  branches: true\n");
    original = file(SEED);
    main = site.git("rev-parse", "main").trim();
  });
  after(() => site.close());
  const gateWorktree = () => path.join(site.dir, ".git", "plinth-publish", "worktree");
  const otherWorktrees = () =>
    site
      .git("worktree", "list", "--porcelain")
      .split("\n")
      .filter((line) => line.startsWith("worktree "))
      .map((line) => line.slice("worktree ".length))
      .filter((dir) => dir !== site.dir);

  it("saves to the entry's branch; the working copy and main stay as they were", async () => {
    const base = await revisionOf(SEED);
    const edited = original.replace("Associate Member", "Associate Member (edited)");
    const saved = await site.api<{ commit: string }>("PUT", `/api/entry?path=${SEED}`, { raw: edited, baseRevision: base });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(site.git("rev-parse", BRANCH).trim(), saved.json.commit);
    assert.equal(site.git("rev-parse", "main").trim(), main);
    assert.equal(file(SEED), original);
    assert.equal(site.git("status", "--porcelain").trim(), "?? studio.config.yml");
    assert.equal(site.git("show", `${BRANCH}:${SEED}`), edited);
    const state = await site.api<State>("GET", `/api/entry/state?path=${SEED}`);
    assert.equal(state.json.state, "draft");
    assert.equal(state.json.published, true);
    const opened = await site.api<{ raw: string; revision: string; workflow: State }>("GET", `/api/entry?path=${SEED}`);
    assert.equal(opened.json.raw, edited, "the editor opens the branch's version");
    assert.equal(opened.json.workflow.state, "draft");
    assert.equal(opened.json.revision, state.json.revision);
  });

  it("creates a new entry on its branch only", async () => {
    const created = await site.api<{ path: string }>("POST", "/api/entry", { collection: "news", title: "A Brand New Post" });
    assert.equal(created.status, 201, created.text);
    const relative = created.json.path;
    assert.throws(() => file(relative), /ENOENT/, "not in the working copy");
    const opened = await site.api<{ raw: string; workflow: State }>("GET", `/api/entry?path=${relative}`);
    assert.match(opened.json.raw, /title: A Brand New Post/);
    assert.equal(opened.json.workflow.published, false);
    const discarded = await site.api("DELETE", `/api/entry?path=${relative}&baseRevision=${opened.json.workflow.revision}`);
    assert.equal(discarded.status, 200, discarded.text);
    assert.equal(site.git("branch", "--list", "studio/news/*brand-new-post").trim(), "", "deleting an unpublished draft drops its branch");
  });

  it("lists the entry on the board, and moves it through review", async () => {
    const board = await site.api<{ entries: { path: string; state: string; by: string }[] }>("GET", "/api/board");
    assert.deepEqual(board.json.entries.map((e) => [e.path, e.state, e.by]), [[SEED, "draft", "Site Owner"]]);
    const approveDraft = await site.api("POST", `/api/entry/review?path=${SEED}`, { decision: "approve" });
    assert.equal(approveDraft.status, 409, "a draft is not in review");
    const submitted = await site.api<State>("POST", `/api/entry/submit?path=${SEED}`, { comment: "Ready when you are" });
    assert.equal(submitted.json.state, "review");
    const changes = await site.api<State>("POST", `/api/entry/review?path=${SEED}`, { decision: "changes", comment: "Fix the date" });
    assert.equal(changes.json.state, "draft");
    await site.api("POST", `/api/entry/submit?path=${SEED}`, {});
    const approved = await site.api<State>("POST", `/api/entry/review?path=${SEED}`, { decision: "approve", comment: "Good" });
    assert.equal(approved.json.state, "ready");
    assert.match(site.git("log", "-1", "--format=%B", BRANCH), /Good\n\nStudio-Path: news\/2023-03-22-openinfra-associate-membership\.md\nStudio-State: ready\nStudio-Review: approve/);
    const bad = await site.api("POST", `/api/entry/review?path=${SEED}`, { decision: "maybe" });
    assert.equal(bad.status, 400);
  });

  it("shows the diff, then publishes: main and the working copy move, the site is rebuilt, the branch goes", async () => {
    const diff = await site.api<{ diff: string; head: string; published: string; proposed: string }>("GET", `/api/publish/diff?path=${SEED}`);
    assert.match(diff.json.diff, /^-title: Rust Foundation Joins Open Infrastructure Foundation as Associate Member$/m);
    assert.match(diff.json.diff, /^\+title: Rust Foundation Joins Open Infrastructure Foundation as Associate Member \(edited\)$/m);
    assert.equal(diff.json.published, original);
    const stale = await site.api("POST", `/api/publish?path=${SEED}`, { head: "0".repeat(40) });
    assert.equal(stale.status, 409, "a publish of another version than the one reviewed is refused");
    const published = await site.api<{ commit: string; branch: string; build: { pages: number; rendered: number } }>("POST", `/api/publish?path=${SEED}`, { head: diff.json.head });
    assert.equal(published.status, 200, published.text);
    assert.ok(published.json.build.pages > 20);
    assert.equal(site.git("rev-parse", "main").trim(), published.json.commit);
    assert.equal(file(SEED), diff.json.proposed);
    assert.equal(site.git("status", "--porcelain").trim(), "?? studio.config.yml", "the working copy is at the published commit");
    assert.match(site.git("log", "-1", "--format=%s%n%b", "main"), /^Publish news\/2023-03-22-openinfra-associate-membership\.md: Rust Foundation Joins .* \(edited\)\n[\s\S]*Studio-State: published/);
    assert.equal(site.git("branch", "--list", BRANCH).trim(), "", "the entry branch is deleted");
    assert.deepEqual(otherWorktrees(), [gateWorktree()], "besides the site, only the gate's kept checkout");
    assert.equal(site.git("-C", gateWorktree(), "rev-parse", "HEAD").trim(), published.json.commit, "the gate's checkout is at the published merge");
    assert.equal(published.json.build.rendered, published.json.build.pages, "the first gate build renders every page");
    const page = await fetch(`${site.origin}/news/2023-03-22-openinfra-associate-membership/`, { headers: { authorization: "Bearer test-token-0123456789" } });
    assert.match(await page.text(), /Associate Member \(edited\)/, "the dev session rebuilt the page");
    const state = await site.api<State>("GET", `/api/entry/state?path=${SEED}`);
    assert.equal(state.json.state, "published");
    main = site.git("rev-parse", "main").trim();
  });

  it("refuses to publish when the site does not build, with the error's file and line, and moves nothing", async () => {
    const post = "news/2023-04-12-trademark-policy-draft.md";
    const text = file(post);
    const broken = `${text}\n{{ title | nosuchfilter }}\n`;
    const saved = await site.api("PUT", `/api/entry?path=${post}`, { raw: broken, baseRevision: await revisionOf(post) });
    assert.equal(saved.status, 200, saved.text);
    const head = site.git("rev-parse", "studio/news/2023-04-12-trademark-policy-draft").trim();
    const refused = await site.api<{ error: { code: string; file?: string }; errors: { code: string; message: string; file?: string; line?: number }[] }>("POST", `/api/publish?path=${post}`, {});
    assert.equal(refused.status, 422, refused.text);
    assert.equal(refused.json.error.code, "WorkflowBuildFailed");
    assert.ok(refused.json.errors.length >= 1);
    assert.match(refused.json.errors[0]!.message, /nosuchfilter/);
    assert.equal(refused.json.errors[0]!.file, post);
    assert.ok((refused.json.errors[0]!.line ?? 0) > 1, "the error has its line");
    assert.ok(!JSON.stringify(refused.json).includes("plinth-publish"), "no paths of the gate's checkout in the answer");
    assert.equal(site.git("rev-parse", "main").trim(), main, "main did not move");
    assert.equal(file(post), text, "the working copy did not change");
    assert.equal(site.git("rev-parse", "studio/news/2023-04-12-trademark-policy-draft").trim(), head, "the draft is kept");
    assert.deepEqual(otherWorktrees(), [gateWorktree()]);
    const discarded = await site.api<State>("POST", `/api/entry/discard?path=${post}`, {});
    assert.equal(discarded.json.branch, null);
  });

  it("lists the history, diffs two versions and restores one as a new commit", async () => {
    const history = await site.api<{ versions: { commit: string; author: string; message: string; on: string }[] }>("GET", `/api/history?path=${SEED}`);
    const versions = history.json.versions;
    assert.match(versions[0]!.message, /^Publish /);
    const initial = versions.find((v) => v.message === "Initial")!;
    assert.ok(initial, "the first commit is in the history");
    assert.ok(versions.some((v) => /^Approve /.test(v.message)), "the review is in the history");
    const diff = await site.api<{ diff: string; fromText: string }>("GET", `/api/diff?path=${SEED}&from=${initial.commit}&to=${main}`);
    assert.match(diff.json.diff, /^\+title: .*\(edited\)$/m);
    assert.equal(diff.json.fromText, original);
    const unknown = await site.api("GET", `/api/diff?path=${SEED}&from=deadbeef`);
    assert.equal(unknown.status, 404);
    const restored = await site.api<{ commit: string }>("POST", `/api/restore?path=${SEED}&rev=${initial.commit}`, {});
    assert.equal(restored.status, 200, restored.text);
    assert.equal(site.git("show", `${BRANCH}:${SEED}`), original, "restored on the entry's branch, as a new commit");
    assert.equal(site.git("rev-parse", "main").trim(), main, "not published until it is published");
    await site.api("POST", `/api/entry/discard?path=${SEED}`, {});
  });

  it("unpublishes: the entry leaves main through the build gate and stays as a draft", async () => {
    const post = "news/2023-04-12-trademark-policy-draft.md";
    const text = file(post);
    const result = await site.api<{ commit: string }>("POST", `/api/unpublish?path=${post}`, {});
    assert.equal(result.status, 200, result.text);
    // The refused publish had left its broken merge in the gate's checkout: cleared before this one.
    assert.equal(site.git("-C", gateWorktree(), "status", "--porcelain", "--untracked-files=no").trim(), "");
    assert.equal(site.git("-C", gateWorktree(), "rev-parse", "HEAD").trim(), result.json.commit);
    assert.equal(site.git("ls-tree", "main", "--", post).trim(), "");
    assert.throws(() => file(post), /ENOENT/);
    assert.equal(site.git("show", `studio/news/2023-04-12-trademark-policy-draft:${post}`), text);
    const state = await site.api<State>("GET", `/api/entry/state?path=${post}`);
    assert.equal(state.json.state, "draft");
    assert.equal(state.json.published, false);
  });

  it("refuses to publish while another studio on the repository holds the publish lock; a dead holder's lock is taken over", async () => {
    const post = "news/2022-11-16-security-initiative.md";
    const saved = await site.api("PUT", `/api/entry?path=${post}`, { raw: `${file(post)}\nLocked out once.\n`, baseRevision: await revisionOf(post) });
    assert.equal(saved.status, 200, saved.text);
    const lockFile = path.join(site.dir, ".git", "plinth-publish", "lock");
    const mainBefore = site.git("rev-parse", "main").trim();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      writeFileSync(lockFile, String(other.pid));
      const refused = await site.api<{ error: { code: string; message: string } }>("POST", `/api/publish?path=${post}`, {});
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.json.error.code, "WorkflowPublishBusy");
      assert.match(refused.json.error.message, new RegExp(`process ${other.pid}`));
      assert.equal(site.git("rev-parse", "main").trim(), mainBefore, "nothing moved");
    } finally {
      other.kill();
      await once(other, "exit");
    }
    // The holder is gone: its lock no longer stops anyone, and the publish releases its own.
    const published = await site.api<{ commit: string }>("POST", `/api/publish?path=${post}`, {});
    assert.equal(published.status, 200, published.text);
    assert.equal(existsSync(lockFile), false, "the lock is released");
    assert.equal(site.git("rev-parse", "main").trim(), published.json.commit);
  });

  it("deleting a published entry is a change on its branch, published like any other", async () => {
    const post = "news/2022-09-14-lintel-foundation-launches.md";
    const text = file(post);
    const state = await site.api<State>("GET", `/api/entry/state?path=${post}`);
    const deleted = await site.api("DELETE", `/api/entry?path=${post}&baseRevision=${state.json.revision}`);
    assert.equal(deleted.status, 200, deleted.text);
    assert.equal(file(post), text, "still on the site");
    const pending = await site.api<State & { deleting: boolean }>("GET", `/api/entry/state?path=${post}`);
    assert.equal(pending.json.deleting, true);
    const published = await site.api<{ build: { pages: number; rendered: number } }>("POST", `/api/publish?path=${post}`, {});
    assert.equal(published.status, 200, published.text);
    assert.throws(() => file(post), /ENOENT/);
    // After the unpublish's gate build, this one renders only the pages the deletion reaches
    // (the lists and feeds that showed the post), keeping the others' output.
    const { pages, rendered } = published.json.build;
    assert.ok(rendered > 0 && rendered < pages, `rendered ${rendered} of ${pages}`);
    assert.match(site.git("log", "-1", "--format=%s", "main"), /^Delete news\/2022-09-14-lintel-foundation-launches\.md/);
  });
});
