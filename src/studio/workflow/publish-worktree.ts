/**
 * The publish gate's checkout, kept from one publish to the next in the repository's git
 * folder (`.git/plinth-publish/`), with the gate's output folder beside it. Moving it to the
 * next commit rewrites only the files that differ, so the others keep their stats, and the
 * gate's build, which uses the build cache (docs/build-cache.md), renders only the pages the
 * change reaches instead of the whole site. A publish that stopped half way (a conflict, a
 * crash, a refused build) leaves a merge or changes behind: they are cleared before the next.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { gitMust, gitRun } from "./git-exec.js";

export interface PublishCheckout {
  /** The worktree, at `commit`, with nothing else in it but untracked files the site ignores. */
  worktree: string;
  /** Where the gate's build writes; kept, so the next build finds its cache's outputs. */
  output: string;
}

async function isRegistered(root: string, worktree: string): Promise<boolean> {
  const listed = await gitRun(root, ["worktree", "list", "--porcelain", "-z"]);
  return listed.code === 0 && listed.stdout.split("\0").includes(`worktree ${worktree}`);
}

/** Moves a kept worktree to `commit`, dropping what a stopped publish left; false when it cannot be used. */
async function reuse(worktree: string, commit: string): Promise<boolean> {
  if (!existsSync(path.join(worktree, ".git"))) return false;
  // Fails when no merge is under way, which is the usual case.
  await gitRun(worktree, ["merge", "--abort"]);
  if ((await gitRun(worktree, ["checkout", "--quiet", "--force", "--detach", commit])).code !== 0) return false;
  // The link to the site's node_modules stays; files the site ignores (caches, say) too.
  return (await gitRun(worktree, ["clean", "-d", "--force", "--quiet", "--exclude=/node_modules"])).code === 0;
}

export async function publishCheckout(root: string, commit: string): Promise<PublishCheckout> {
  const common = path.resolve(root, (await gitMust(root, ["rev-parse", "--git-common-dir"])).trim());
  const folder = path.join(common, "plinth-publish");
  const worktree = path.join(folder, "worktree");
  const output = path.join(folder, "output");
  mkdirSync(folder, { recursive: true });
  if ((await isRegistered(root, worktree)) && (await reuse(worktree, commit))) return { worktree, output };
  // Missing, half deleted, or not a worktree git knows: made afresh, and its output with it.
  rmSync(worktree, { recursive: true, force: true });
  rmSync(output, { recursive: true, force: true });
  await gitRun(root, ["worktree", "prune"]);
  await gitMust(root, ["worktree", "add", "--quiet", "--detach", worktree, commit]);
  return { worktree, output };
}
