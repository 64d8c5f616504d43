/**
 * The studio's state folder, `<cwd>/.plinth-studio/`: accounts, sessions, schedules; everything
 * the studio keeps that git does not hold. Private to the server's user (folder 700, files 600)
 * and kept out of git through the repository's .git/info/exclude.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, appendFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

export const STATE_FOLDER = ".plinth-studio";

/** The state folder of a studio working in `cwd` (a StudioContext's `cwd`), created on first use. */
export function stateDir(ctx: { cwd: string }): string {
  const dir = path.join(ctx.cwd, STATE_FOLDER);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  if (!excluded.has(dir)) {
    ignoreInGit(ctx.cwd);
    excluded.add(dir);
  }
  return dir;
}

const excluded = new Set<string>();

/** Writes a state file atomically with mode 600. */
export function writeStateFile(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

export function readStateFile(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * A state file's JSON as an object of records, or null when it is missing, unreadable, damaged
 * or not an object: for files whose loss only forgets something (sessions, failed-login counts).
 */
export function readStateRecords(file: string): { [key: string]: unknown } | null {
  try {
    const value: unknown = JSON.parse(readStateFile(file) ?? "null");
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as { [key: string]: unknown }) : null;
  } catch {
    return null;
  }
}

/** Adds the state folder to .git/info/exclude when `cwd` is in a git repository; quiet otherwise. */
function ignoreInGit(cwd: string): void {
  let gitDir: string;
  let top: string;
  try {
    gitDir = execFileSync("git", ["rev-parse", "--absolute-git-dir"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return;
  }
  const pattern = `/${path.relative(top, path.join(cwd, STATE_FOLDER)).split(path.sep).join("/")}/`;
  const exclude = path.join(gitDir, "info", "exclude");
  const current = existsSync(exclude) ? readFileSync(exclude, "utf8") : "";
  if (current.split("\n").some((line) => line.trim() === pattern)) return;
  mkdirSync(path.dirname(exclude), { recursive: true });
  appendFileSync(exclude, `${current === "" || current.endsWith("\n") ? "" : "\n"}# plinth studio: accounts and sessions\n${pattern}\n`);
}
