/**
 * Three-way merge of two edits made from the same text, as `git merge-file` does it: changes to
 * different lines are both kept; changes to the same lines (or touching ones) are a conflict,
 * written out with git's markers so neither side's lines are lost. `git merge-file -p` runs on
 * temporary files when git is installed; without git, node-diff3 does the same line merge.
 *
 * @example
 * const merged = await mergeTexts("a\nb\n", "A\nb\n", "a\nB\n");
 * // { clean: true, text: "A\nB\n", conflicts: 0 }
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { diff3Merge } from "node-diff3";

export interface MergeResult {
  /** True when no lines conflict: `text` is the merge, ready to save. */
  clean: boolean;
  /** The merge; with conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`) where the two sides overlap. */
  text: string;
  /** How many conflicting hunks `text` has. */
  conflicts: number;
}

export interface MergeLabels {
  /** Names the side saved first (e.g. "saved meanwhile"). */
  current: string;
  base: string;
  /** Names the side being saved now (e.g. "yours"). */
  mine: string;
}

export const DEFAULT_LABELS: MergeLabels = { current: "saved meanwhile", base: "base", mine: "yours" };

export type MergeEngine = "git" | "diff3";

let gitAvailable: Promise<boolean> | undefined;

/** True when a `git` command runs here (checked once per process). */
export function hasGitCommand(): Promise<boolean> {
  gitAvailable ??= new Promise((resolve) => execFile("git", ["--version"], (error) => resolve(!error)));
  return gitAvailable;
}

/** Merges `current` and `mine`, both edits of `base`. The engine is git when installed, else node-diff3. */
export async function mergeTexts(base: string, current: string, mine: string, options: { labels?: MergeLabels; engine?: MergeEngine } = {}): Promise<MergeResult> {
  // The trivial cases need no engine, and keep either text byte for byte.
  if (current === mine || mine === base) return { clean: true, text: current, conflicts: 0 };
  if (current === base) return { clean: true, text: mine, conflicts: 0 };
  const labels = options.labels ?? DEFAULT_LABELS;
  const engine = options.engine ?? ((await hasGitCommand()) ? "git" : "diff3");
  return engine === "git" ? gitMergeFile(base, current, mine, labels) : diff3MergeText(base, current, mine, labels);
}

/** `git merge-file -p` on temporary copies; its exit code is the number of conflicts. */
async function gitMergeFile(base: string, current: string, mine: string, labels: MergeLabels): Promise<MergeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "plinth-merge-"));
  try {
    const files = { current: path.join(dir, "current"), base: path.join(dir, "base"), mine: path.join(dir, "mine") };
    await Promise.all([writeFile(files.current, current), writeFile(files.base, base), writeFile(files.mine, mine)]);
    const args = ["merge-file", "-p", "-L", labels.current, "-L", labels.base, "-L", labels.mine, files.current, files.base, files.mine];
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile("git", args, { cwd: dir, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (error, out, err) => {
        const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code: status, stdout: out, stderr: err });
      });
    });
    // Exit codes 1..127 count conflicts; anything else (negative, 255) is git failing.
    if (code < 0 || code > 127) throw new Error(`git merge-file failed (exit ${code}): ${stderr.trim()}`);
    return { clean: code === 0, text: stdout, conflicts: code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Lines with their line ends, so the merge gives back the same bytes. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Text of some lines, ended by a newline so a marker after it starts a line of its own. */
function block(chunk: string[]): string {
  const text = chunk.join("");
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/** The same merge with node-diff3, for a machine without git; markers as git writes them. */
export function diff3MergeText(base: string, current: string, mine: string, labels: MergeLabels = DEFAULT_LABELS): MergeResult {
  const regions = diff3Merge(lines(current), lines(base), lines(mine), { excludeFalseConflicts: true });
  let text = "";
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) text += region.ok.join("");
    else if (region.conflict) {
      conflicts += 1;
      text += `<<<<<<< ${labels.current}\n${block(region.conflict.a)}=======\n${block(region.conflict.b)}>>>>>>> ${labels.mine}\n`;
    }
  }
  return { clean: conflicts === 0, text, conflicts };
}
