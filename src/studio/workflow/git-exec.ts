/**
 * `git` for the workflow's plumbing: run in a given folder with extra environment (a temporary
 * GIT_INDEX_FILE, the author), optionally with text on stdin, answering stdout or a catalogued
 * StudioGitFailed with git's own words.
 */
import { execFile } from "node:child_process";
import { PlinthError } from "../../errors/plinth-error.js";
import type { GitAuthor } from "../git/git-repo.js";

export interface GitRun {
  stdout: string;
  stderr: string;
  code: number;
}

export interface GitOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
}

export function gitRun(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = execFile(
      "git",
      args,
      { cwd, env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: "0" }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ stdout: String(stdout), stderr: String(stderr) || (error && typeof error.code !== "number" ? error.message : ""), code });
      },
    );
    // git may exit before reading its input (an error); that is reported by its exit code, not as EPIPE.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(options.input ?? "");
  });
}

/** Like gitRun, but a non-zero exit is a StudioGitFailed error. */
export async function gitMust(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const result = await gitRun(cwd, args, options);
  if (result.code !== 0) {
    const detail = (result.stderr || result.stdout).trim().split("\n").slice(0, 8).join("\n");
    throw new PlinthError("StudioGitFailed", `git ${args[0]} failed (exit ${result.code}): ${detail}`);
  }
  return result.stdout;
}

/** Author and committer of a commit the studio makes for `author`. */
export function authorEnv(author: GitAuthor): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? author.name,
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? author.email,
  };
}

export const ZERO_OID = "0000000000000000000000000000000000000000";
