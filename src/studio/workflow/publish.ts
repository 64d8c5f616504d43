/**
 * Publishing an entry: merge its branch into the publishing branch in the gate's own git worktree
 * (after merging the remote's publishing branch, when one is configured, so changes pushed by
 * others are in), build the result (only the pages the change reaches, from the build cache of
 * the last publish; publish-worktree.ts), and only when it builds move the publishing
 * branch: the working copy fast-forwards to the merge (the dev session rebuilds what changed),
 * the branch is pushed (merging the remote again if it moved meanwhile), the deploy command
 * runs, and the entry's branch is deleted. A failed
 * build or a merge conflict refuses with nothing moved.
 */
import { exec } from "node:child_process";
import path from "node:path";
import type { GitAuthor } from "../git/git-repo.js";
import { StudioHttpError } from "../server/http-error.js";
import { titleForCommit } from "../content/content-store.js";
import { branchOf } from "./branch-name.js";
import { checkBuild } from "./build-check.js";
import { authorEnv, gitMust, gitRun } from "./git-exec.js";
import { withPublishCheckout } from "./publish-worktree.js";
import { PATH_TRAILER, STATE_TRAILER, withTrailers } from "./states.js";
import type { Workflow } from "./workflow.js";

export interface PublishOptions {
  author: GitAuthor;
  /** The branch tip the editor reviewed (from GET /api/publish/diff); a later save refuses the publish. */
  expectedHead?: string;
  /** Why, for the log: "manual" or "scheduled". */
  reason?: string;
}

export interface PublishResult {
  path: string;
  /** The merge commit now at the tip of the publishing branch. */
  commit: string;
  branch: string;
  /** The gate's build: the site's pages, how many it rendered (the others kept from the last publish), and its time. */
  build: { pages: number; rendered: number; seconds: number };
  /** Seconds each step took: the worktree's checkout, the merge(s), the build, moving the branch (with the dev session's rebuild), push, deploy. */
  steps: Record<string, number>;
  /** `attempts`: more than one when the remote moved while the gate built and was merged in. */
  push: { remote: string; ok: boolean; message: string; attempts: number } | null;
  deploy: { command: string; ok: boolean; code: number; output: string } | null;
}

/** Publishes the entry's branch; see the module comment. */
export function publishEntry(workflow: Workflow, relative: string, options: PublishOptions): Promise<PublishResult> {
  return workflow.exclusive(async () => {
    const { branches } = workflow;
    const tip = await branches.tip(relative);
    if (!tip) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has nothing to publish: it has no work in progress.`);
    if (options.expectedHead && options.expectedHead !== tip.head) {
      throw new StudioHttpError(409, "WorkflowBranchMoved", `${relative} was saved again after the diff was shown (now at ${tip.head.slice(0, 10)}); look at the diff again.`);
    }
    const raw = await branches.textAt(tip.head, relative);
    const title = raw === null ? path.posix.basename(relative) : titleForCommit(raw, relative);
    const message = withTrailers(`${raw === null ? "Delete" : "Publish"} ${relative}: ${title}`, { [PATH_TRAILER]: relative, [STATE_TRAILER]: "published" });
    const result = await land(workflow, relative, options, (worktree, env) => merge(worktree, tip.head, message, env, relative, true));
    // The branch goes only if nobody saved to it meanwhile; a later save stays as new work.
    await gitRun(branches.root, ["update-ref", "-d", `refs/heads/${branchOf(relative)}`, tip.head]);
    return result;
  });
}

/**
 * Takes the entry off the publishing branch (through the same build gate), keeping its text
 * as a draft on its entry branch so nothing is lost.
 */
export function unpublishEntry(workflow: Workflow, relative: string, options: PublishOptions): Promise<PublishResult> {
  return workflow.exclusive(async () => {
    const { branches } = workflow;
    const published = await branches.publishedText(relative);
    if (published === null) throw new StudioHttpError(404, "StudioNotFound", `${relative} is not published on ${branches.publishing}.`);
    const title = titleForCommit(published, relative);
    if (!(await branches.tip(relative))) await branches.write(relative, published, `Unpublish ${relative}: ${title}`, options.author, { state: "draft" });
    const message = withTrailers(`Unpublish ${relative}: ${title}`, { [PATH_TRAILER]: relative, [STATE_TRAILER]: "draft" });
    return land(workflow, relative, options, async (worktree, env) => {
      await gitMust(worktree, ["rm", "--quiet", "--", branches.gitPath(relative)]);
      await gitMust(worktree, ["commit", "--quiet", "--no-verify", "-m", message], { env });
    });
  });
}

/**
 * The way every change reaches the publishing branch: in the gate's worktree at its tip
 * (merged with the remote's, when one is configured), `change` makes the commit(s); the result
 * must build; then the branch moves, is pushed, and the deploy command runs.
 */
async function land(workflow: Workflow, relative: string, options: PublishOptions, change: (worktree: string, env: NodeJS.ProcessEnv) => Promise<void>): Promise<PublishResult> {
  const { branches, ctx } = workflow;
  const config = workflow.config();
  const root = branches.root;
  const before = await branches.resolve(branches.publishingRef());
  if (!before) throw new StudioHttpError(409, "WorkflowNeedsGit", `The publishing branch ${branches.publishing} has no commit.`);
  let remoteHead: string | null = null;
  if (config.remote) {
    const fetched = await gitRun(root, ["fetch", "--quiet", config.remote, branches.publishing]);
    if (fetched.code !== 0) throw new StudioHttpError(502, "WorkflowPushFailed", `git fetch ${config.remote} ${branches.publishing} failed: ${fetched.stderr.trim()}`);
    remoteHead = (await gitMust(root, ["rev-parse", "FETCH_HEAD"])).trim();
  }
  const steps: Record<string, number> = {};
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - last) / 1000;
    last = now;
  };
  // The checkout stays for the next publish, which clears whatever this one left.
  return withPublishCheckout(root, before, async ({ worktree, output }) => {
    step("worktree");
    const env = authorEnv(options.author);
    if (remoteHead && (await gitRun(root, ["merge-base", "--is-ancestor", remoteHead, before])).code !== 0) {
      await merge(worktree, remoteHead, `Merge ${config.remote}/${branches.publishing} before publishing ${relative}`, env, relative);
    }
    await change(worktree, env);
    let merged = (await gitMust(worktree, ["rev-parse", "HEAD"])).trim();
    step("merge");
    const check = await gateBuild(workflow, worktree, output);
    step("build");
    if (!check.ok) {
      const first = check.errors[0];
      throw new StudioHttpError(422, "WorkflowBuildFailed", `${relative} was not published: the site does not build with it (${check.errors.length} error${check.errors.length === 1 ? "" : "s"}). ${first?.message ?? ""}`.trim(), {
        extra: { errors: check.errors },
        location: first?.file ? { file: first.file, line: first.line, column: first.column } : undefined,
      });
    }
    await moveWorkingCopy(workflow, before, merged);
    step("move");
    let push: PublishResult["push"] = null;
    if (config.remote) {
      const landed = await pushCatchingUp({ workflow, relative, worktree, output, env, remote: config.remote }, merged);
      merged = landed.commit;
      push = landed.push;
      step("push");
    }
    const deploy = config.deploy ? await runDeploy(config.deploy, ctx.cwd) : null;
    if (deploy) step("deploy");
    ctx.log(`[studio] ${merged.slice(0, 10)} on ${branches.publishing}: ${relative} by ${options.author.name}${options.reason ? ` (${options.reason})` : ""}${push ? `; push ${push.ok ? "done" : `FAILED: ${push.message}`}` : ""}${deploy ? `; deploy ${deploy.ok ? "done" : `FAILED (exit ${deploy.code})`}` : ""}`);
    return { path: relative, commit: merged, branch: branches.publishing, build: { pages: check.pages, rendered: check.rendered, seconds: check.seconds }, steps, push, deploy };
  });
}

/** Merges `commit` into the worktree's HEAD; a conflict aborts and refuses with both versions of each file. */
async function merge(worktree: string, commit: string, message: string, env: NodeJS.ProcessEnv, relative: string, noFastForward = false): Promise<void> {
  const result = await gitRun(worktree, ["merge", "--quiet", "--no-edit", ...(noFastForward ? ["--no-ff"] : []), "-m", message, commit], { env });
  if (result.code === 0) return;
  const unmerged = (await gitRun(worktree, ["diff", "--name-only", "--diff-filter=U", "-z"])).stdout.split("\0").filter(Boolean);
  const conflicts = [];
  for (const file of unmerged.slice(0, 20)) {
    const ours = await gitRun(worktree, ["show", `:2:${file}`]);
    const theirs = await gitRun(worktree, ["show", `:3:${file}`]);
    conflicts.push({ file, ours: ours.code === 0 ? ours.stdout : null, theirs: theirs.code === 0 ? theirs.stdout : null });
  }
  await gitRun(worktree, ["merge", "--abort"]);
  if (!conflicts.length) throw new StudioHttpError(500, "StudioGitFailed", `git merge failed: ${(result.stderr || result.stdout).trim()}`);
  throw new StudioHttpError(409, "WorkflowMergeConflict", `Publishing ${relative} was refused: ${conflicts.map((c) => c.file).join(", ")} changed on both sides.`, { extra: { conflicts } });
}

/**
 * Moves the publishing branch to `merged`: when the site's folder is on it, a fast-forward of
 * the working copy (which refuses to overwrite uncommitted changes to the same files); else the
 * ref alone, from the value it had.
 */
async function moveWorkingCopy(workflow: Workflow, before: string, merged: string): Promise<void> {
  const { branches, ctx } = workflow;
  const root = branches.root;
  const head = await gitRun(root, ["symbolic-ref", "-q", "HEAD"]);
  const changed = (await gitMust(root, ["diff", "--name-only", "-z", before, merged])).split("\0").filter(Boolean);
  if (head.stdout.trim() === branches.publishingRef()) {
    const moved = await ctx.git!.exclusive(() => gitRun(root, ["merge", "--ff-only", "--quiet", merged]));
    if (moved.code !== 0) {
      throw new StudioHttpError(409, "WorkflowWorkingCopyBusy", `Publishing was refused: the site's folder could not move to the published version. ${moved.stderr.trim().split("\n").slice(0, 6).join(" ")}`);
    }
  } else {
    const moved = await gitRun(root, ["update-ref", branches.publishingRef(), merged, before]);
    if (moved.code !== 0) throw new StudioHttpError(409, "WorkflowBranchMoved", `${branches.publishing} moved while publishing; publish again.`);
    return;
  }
  // The watcher would notice too; asking now means the preview has it when the answer arrives.
  ctx.session.requestUpdate(changed.map((file) => path.join(root, file)));
  await ctx.session.idle();
}

async function pushTo(root: string, remote: string, commit: string, branch: string, attempts: number): Promise<NonNullable<PublishResult["push"]>> {
  const pushed = await gitRun(root, ["push", "--quiet", remote, `${commit}:refs/heads/${branch}`]);
  return { remote, ok: pushed.code === 0, message: (pushed.stderr || pushed.stdout).trim(), attempts };
}

/** The site's build as the gate's checkout has it, with the dev session's options. */
function gateBuild(workflow: Workflow, worktree: string, output: string): ReturnType<typeof checkBuild> {
  const { ctx, branches } = workflow;
  const siteOptions = ctx.session.site.lastResult?.state.options ?? {};
  return checkBuild({ ...siteOptions, cwd: ctx.cwd }, branches.root, worktree, output);
}

/** Pushes tried in all, when the remote keeps moving while the gate builds. */
const PUSH_ATTEMPTS = 3;

interface Landing {
  workflow: Workflow;
  relative: string;
  worktree: string;
  output: string;
  env: NodeJS.ProcessEnv;
  remote: string;
}

/**
 * Pushes the published commit. When the remote's branch moved after the fetch (a developer
 * pushed while the gate built), git refuses the push: the remote's commits are merged in the
 * gate's checkout, the result must build, the working copy moves, and the push is tried again.
 * What cannot be merged or built stops there: the push is reported as failed, the publish stays
 * on the local branch, and the next publish merges the remote first.
 */
async function pushCatchingUp(landing: Landing, published: string): Promise<{ commit: string; push: NonNullable<PublishResult["push"]> }> {
  const { workflow, relative, worktree, output, env, remote } = landing;
  const { root, publishing } = workflow.branches;
  let commit = published;
  let push = await pushTo(root, remote, commit, publishing, 1);
  const stop = (why: string) => ({ commit, push: { ...push, message: `${push.message}\n${why}` } });
  for (let attempt = 2; !push.ok && attempt <= PUSH_ATTEMPTS; attempt++) {
    if ((await gitRun(root, ["fetch", "--quiet", remote, publishing])).code !== 0) break;
    const remoteHead = (await gitMust(root, ["rev-parse", "FETCH_HEAD"])).trim();
    // Not behind the remote: the refusal has another cause (rights, a hook), which trying again does not cure.
    if ((await gitRun(root, ["merge-base", "--is-ancestor", remoteHead, commit])).code === 0) break;
    try {
      await merge(worktree, remoteHead, `Merge ${remote}/${publishing} after publishing ${relative}`, env, relative);
    } catch (error) {
      return stop(`${remote}/${publishing} moved meanwhile and could not be merged: ${(error as Error).message}`);
    }
    const next = (await gitMust(worktree, ["rev-parse", "HEAD"])).trim();
    const check = await gateBuild(workflow, worktree, output);
    if (!check.ok) return stop(`${remote}/${publishing} moved meanwhile and the site does not build with its changes: ${check.errors[0]?.message ?? ""}`);
    await moveWorkingCopy(workflow, commit, next);
    commit = next;
    push = await pushTo(root, remote, commit, publishing, attempt);
  }
  return { commit, push };
}

/** Runs the configured deploy command in the site's folder; its output is kept (the end of it). */
function runDeploy(command: string, cwd: string): Promise<{ command: string; ok: boolean; code: number; output: string }> {
  return new Promise((resolve) => {
    exec(command, { cwd, timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ command, ok: code === 0, code, output: `${stdout}${stderr}`.slice(-8000) });
    });
  });
}
