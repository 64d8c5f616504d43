/**
 * What a studio killed mid-save (SIGKILL, a power cut, an OOM kill) can leave behind, cleared at
 * the next start: git's lock files from a `git commit` that died with it (a `.git/index.lock`
 * blocks every later commit until removed) and the studio's own temporary files from an atomic
 * write that never reached its rename. The file itself is always the old or the new text: the
 * rename is atomic, and a save is answered only after its commit.
 *
 * A lock is only taken away when no git command is still running in the repository: a git
 * started by the killed studio carries on and finishes (it is waited for), and a developer's
 * long `git commit` in an editor keeps its lock (the studio says so and saves fail until it ends).
 */
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";
import { isInside } from "../../engine/project-paths.js";
import { runGit, type GitRepo } from "./git-repo.js";

export interface RecoverOptions {
  log: (line: string) => void;
  /** How long to wait for a git command that is still running to finish. Default 10 s. */
  waitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when a `git` process runs with its working folder in `root` (Linux's /proc; false elsewhere). */
export function gitRunningIn(root: string): boolean {
  if (!existsSync("/proc/self/cwd")) return false;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("git")) continue;
      if (isInside(root, readlinkSync(`/proc/${pid}/cwd`))) return true;
    } catch {
      // Gone meanwhile, or not ours to look at.
    }
  }
  return false;
}

/** The lock files a killed `git commit` can leave: the index's, HEAD's, the branch's and `--only`'s temporary index. */
async function lockFiles(gitDir: string, repo: GitRepo): Promise<string[]> {
  const locks = ["index.lock", "HEAD.lock"].map((name) => path.join(gitDir, name));
  const branch = (await runGit(repo.cwd, ["symbolic-ref", "-q", "HEAD"])).stdout.trim();
  if (branch) locks.push(path.join(gitDir, `${branch}.lock`));
  for (const name of readdirSync(gitDir)) if (/^next-index-\d+\.lock$/.test(name)) locks.push(path.join(gitDir, name));
  return locks.filter((file) => existsSync(file));
}

/** Clears what an interrupted save left; each removal is logged. Answers what was removed. */
export async function recoverRepository(repo: GitRepo, options: RecoverOptions): Promise<string[]> {
  const removed: string[] = [];
  const gitDir = (await runGit(repo.cwd, ["rev-parse", "--absolute-git-dir"])).stdout.trim();
  if (gitDir) {
    let locks = await lockFiles(gitDir, repo);
    const deadline = Date.now() + (options.waitMs ?? 10_000);
    // A git that is still at work (say, the commit of the save being made when the studio died) finishes first.
    while (locks.length && gitRunningIn(repo.root) && Date.now() < deadline) {
      await sleep(100);
      locks = await lockFiles(gitDir, repo);
    }
    if (locks.length && gitRunningIn(repo.root)) {
      options.log(`[studio] ${path.relative(repo.root, locks[0]!)} is held by a git command that is still running; saves cannot be committed until it ends.`);
    } else {
      for (const lock of locks) {
        rmSync(lock, { force: true });
        removed.push(lock);
        options.log(`[studio] Removed ${path.relative(repo.root, lock)}, left by a git command that was stopped (the studio or git was killed).`);
      }
    }
  }
  // The temporary files of atomic writes that never reached their rename (see atomic-write.ts).
  const temps = await runGit(repo.cwd, ["ls-files", "--others", "-z", "--", ":(glob)**/.*.plinth-*~"]);
  for (const relative of temps.stdout.split("\0").filter(Boolean)) {
    const file = path.join(repo.cwd, relative);
    rmSync(file, { force: true });
    removed.push(file);
    options.log(`[studio] Removed ${relative}, a temporary file of a save that was interrupted.`);
  }
  return removed;
}
