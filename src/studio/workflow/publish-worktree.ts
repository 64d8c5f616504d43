/**
 * The publish gate's checkout, kept from one publish to the next in the repository's git
 * folder (`.git/plinth-publish/`), with the gate's output folder beside it. Moving it to the
 * next commit rewrites only the files that differ, so the others keep their stats, and the
 * gate's build, which uses the build cache (docs/build-cache.md), renders only the pages the
 * change reaches instead of the whole site. A publish that stopped half way (a conflict, a
 * crash, a refused build) leaves a merge or changes behind: they are cleared before the next.
 * Publishes of one studio are already one at a time; a lock file keeps two studios on the same
 * repository (two processes) from using the checkout at once.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { StudioHttpError } from "../server/http-error.js";
import { gitMust, gitRun } from "./git-exec.js";
import { isRunning } from "../../util/process-alive.js";

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


/** Takes the lock file, or refuses while a live process holds it; a dead holder's lock is taken over. */
function lock(file: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new StudioHttpError(409, "WorkflowPublishBusy", `Another studio on this repository (process ${holder}) is publishing; publish again in a moment.`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new StudioHttpError(409, "WorkflowPublishBusy", "Another studio on this repository took the publish lock at the same moment; publish again.");
}

/** Runs `work` with the gate's checkout at `commit`, holding the lock against other studios on the repository. */
export async function withPublishCheckout<T>(root: string, commit: string, work: (checkout: PublishCheckout) => Promise<T>): Promise<T> {
  const common = path.resolve(root, (await gitMust(root, ["rev-parse", "--git-common-dir"])).trim());
  const folder = path.join(common, "plinth-publish");
  mkdirSync(folder, { recursive: true });
  const release = lock(path.join(folder, "lock"));
  try {
    return await work(await checkoutAt(root, folder, commit));
  } finally {
    release();
  }
}

async function checkoutAt(root: string, folder: string, commit: string): Promise<PublishCheckout> {
  const worktree = path.join(folder, "worktree");
  const output = path.join(folder, "output");
  if ((await isRegistered(root, worktree)) && (await reuse(worktree, commit))) return { worktree, output };
  // Missing, half deleted, or not a worktree git knows: made afresh, and its output with it.
  rmSync(worktree, { recursive: true, force: true });
  rmSync(output, { recursive: true, force: true });
  await gitRun(root, ["worktree", "prune"]);
  await gitMust(root, ["worktree", "add", "--quiet", "--detach", worktree, commit]);
  return { worktree, output };
}
