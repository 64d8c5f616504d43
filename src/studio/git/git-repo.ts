/**
 * The site's git repository, through the `git` command: each save becomes a commit of that one
 * file and nothing else (other staged or unstaged changes stay as they were), authored by the
 * studio's user. A site outside git has no GitRepo; the studio then writes files only.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../../errors/plinth-error.js";

export interface GitAuthor {
  name: string;
  email: string;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function runGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, env: { ...process.env, ...env, GIT_TERMINAL_PROMPT: "0" }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ stdout: String(stdout), stderr: String(stderr) || (error && typeof error.code !== "number" ? error.message : ""), code });
    });
  });
}

/** `Name <email>` as given to `--author`. */
export function parseAuthor(text: string): GitAuthor | null {
  const match = /^\s*(.+?)\s*<([^<>\s]+)>\s*$/.exec(text);
  return match ? { name: match[1]!, email: match[2]! } : null;
}

/** A pathspec that means exactly this path, whatever characters it has. */
function literal(relative: string): string {
  return `:(literal)${relative}`;
}

export class GitRepo {
  /** Git commands one at a time: two at once would fight over `.git/index.lock`. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The repository's top folder. */
    readonly root: string,
    /** The folder git runs in and paths are relative to: the site's input folder. */
    readonly cwd: string,
    readonly author: GitAuthor,
  ) {}

  /** The repository the folder is in, or null when it is not in one (or git is not installed). */
  static async open(folder: string, author?: GitAuthor): Promise<GitRepo | null> {
    const top = await runGit(folder, ["rev-parse", "--show-toplevel"]);
    if (top.code !== 0) return null;
    return new GitRepo(path.resolve(top.stdout.trim()), folder, author ?? (await configuredAuthor(folder)));
  }

  /**
   * Commits the file at `relative` (to the input folder) as it is on disk now, or its removal,
   * with `message`. Returns the commit's hash, or null when the file is as the last commit has it.
   */
  commitFile(relative: string, message: string, author?: GitAuthor): Promise<string | null> {
    return this.commitPaths([relative], message, author);
  }

  /** One commit of several paths as they are on disk (a rename is its old and new path); only these paths. */
  commitPaths(relatives: readonly string[], message: string, author: GitAuthor = this.author): Promise<string | null> {
    return this.serial(async () => {
      const changed: string[] = [];
      for (const relative of relatives) {
        const status = await this.git(["status", "--porcelain", "--untracked-files=all", "--", literal(relative)]);
        if (status.stdout.trim() !== "") changed.push(relative);
      }
      if (!changed.length) return null;
      // A new file must be known to git before `--only` can take it; `add` touches only these paths.
      const present = changed.filter((p) => existsSync(path.join(this.cwd, p)));
      if (present.length) await this.must(["add", "--", ...present.map(literal)]);
      await this.must(["commit", "--only", "--quiet", `--author=${author.name} <${author.email}>`, "-m", message, "--", ...changed.map(literal)]);
      return (await this.must(["rev-parse", "HEAD"])).stdout.trim();
    });
  }

  /** The text of the file at `relative` in HEAD, or null. */
  async headText(relative: string): Promise<string | null> {
    const result = await this.serial(() => this.git(["show", `HEAD:./${relative}`]));
    return result.code === 0 ? result.stdout : null;
  }

  /**
   * An earlier text of the file at `relative` that `matches` (e.g. has a given revision), from
   * the blobs of its last `depth` commits on HEAD, newest first; null when none does.
   */
  async findText(relative: string, matches: (text: string) => boolean, depth = 50): Promise<string | null> {
    return textInLog((args) => this.serial(() => this.git(args)), ["log", `-n${depth}`, "--format=", "--raw", "--no-abbrev", "--", literal(relative)], matches);
  }

  /** Runs `work` between this repository's own commands (e.g. another module's `git merge` in the working copy). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.serial(work);
  }

  private git(args: readonly string[]): Promise<GitResult> {
    return runGit(this.cwd, args, {
      // Without a configured identity git refuses to commit; the studio's author stands in as committer.
      GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? this.author.name,
      GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? this.author.email,
    });
  }

  private async must(args: readonly string[]): Promise<GitResult> {
    const result = await this.git(args);
    if (result.code !== 0) {
      const detail = (result.stderr || result.stdout).trim().split("\n").slice(0, 6).join("\n");
      throw new PlinthError("StudioGitFailed", `git ${args[0]} failed (exit ${result.code}): ${detail}`);
    }
    return result;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** The user git would commit as; a plain stand-in when none is configured. */
async function configuredAuthor(folder: string): Promise<GitAuthor> {
  const name = (await runGit(folder, ["config", "user.name"])).stdout.trim();
  const email = (await runGit(folder, ["config", "user.email"])).stdout.trim();
  return { name: name || "Plinth Studio", email: email || "studio@localhost" };
}

/**
 * The first blob named by a `git log --raw` (newest first, after and before each change) whose
 * text `matches`: how an earlier version of a file is found by its content hash.
 */
export async function textInLog(git: (args: readonly string[]) => Promise<GitResult>, logArgs: readonly string[], matches: (text: string) => boolean): Promise<string | null> {
  const log = await git(logArgs);
  if (log.code !== 0) return null;
  const blobs = new Set<string>();
  for (const line of log.stdout.split("\n")) {
    const fields = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) /.exec(line);
    for (const blob of fields ? [fields[2]!, fields[1]!] : []) if (!/^0+$/.test(blob)) blobs.add(blob);
  }
  for (const blob of blobs) {
    const shown = await git(["cat-file", "blob", blob]);
    if (shown.code === 0 && matches(shown.stdout)) return shown.stdout;
  }
  return null;
}
