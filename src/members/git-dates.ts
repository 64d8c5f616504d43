/**
 * Join dates from git history: when a member file gives no `joined`, the member joined when
 * its file was first committed. Only used when the site is inside a git work tree.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Files looked up at once, so a large roster does not start hundreds of git processes together. */
const CONCURRENCY = 8;

async function git(args: string[], cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 4 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

export async function isGitWorkTree(dir: string): Promise<boolean> {
  return (await git(["rev-parse", "--is-inside-work-tree"], dir))?.trim() === "true";
}

/**
 * The author date (`YYYY-MM-DD`, in the author's time zone) of the commit that added the
 * file, following renames; undefined when the file is not committed.
 */
export async function firstCommitDate(file: string): Promise<string | undefined> {
  const out = await git(["log", "--diff-filter=A", "--follow", "--format=%aI", "--", path.basename(file)], path.dirname(file));
  const lines = out?.trim().split("\n").filter(Boolean) ?? [];
  // git log lists newest first; with --follow a file re-added after a rename appears more than once.
  return lines.at(-1)?.slice(0, 10);
}

/**
 * First-commit dates for many files. Results are cached for the life of the process, because
 * a committed file's first commit does not change; files not yet committed are asked again.
 */
export class GitDates {
  readonly #known = new Map<string, string>();

  async lookup(files: readonly string[], siteDir: string): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const missing = files.filter((file) => {
      const known = this.#known.get(file);
      if (known) result.set(file, known);
      return !known;
    });
    if (missing.length === 0 || !(await isGitWorkTree(siteDir))) return result;
    for (let start = 0; start < missing.length; start += CONCURRENCY) {
      const batch = missing.slice(start, start + CONCURRENCY);
      const dates = await Promise.all(batch.map((file) => firstCommitDate(file)));
      batch.forEach((file, index) => {
        const date = dates[index];
        if (date) {
          this.#known.set(file, date);
          result.set(file, date);
        }
      });
    }
    return result;
  }
}
