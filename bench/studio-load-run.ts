// The studio under load: simulated editors (API clients, each its own session) open random
// entries, change a line of the body and save, for a while; then the site's git repository is
// checked against what the studio acknowledged. Used by `npm run bench:studio-load` and, short,
// by its test. What must hold afterwards, whatever the timings:
//   - every save answered 200 is a commit in HEAD's history (team mode: its entry branch's)
//     holding exactly the acknowledged text;
//   - every file is its last acknowledged text, on disk and in HEAD (team mode: at its branch's
//     tip, the working copy untouched);
//   - no answer was a 5xx, and `git fsck` finds nothing wrong.

import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BRANCH_PREFIX, branchOf } from "../src/studio/workflow/branch-name.js";
import { percentile } from "./incremental-report.js";
import { Prng } from "./prng.js";

/** Headers that make a request one editor's: a bearer token, or a session cookie with its CSRF token. */
export type Session = Record<string, string>;

export interface LoadOptions {
  origin: string;
  siteDir: string;
  /** Each editor's session (its length is the number of editors). */
  sessions: Session[];
  durationMs: number;
  /** The entries to edit, relative to the site's input folder. */
  entries: string[];
  /** Share of picks from a few "hot" entries, so editors often meet on one. Default 0.3. */
  hotShare?: number;
  /** Pause between opening an entry and saving it, at most: the time others have to save meanwhile. Default 100 ms. */
  thinkMs?: number;
  seed?: number;
}

interface Ack {
  path: string;
  commit: string;
  text: string;
}

export interface LoadReport {
  editors: number;
  seconds: number;
  saves: number;
  merged: number;
  conflicts: number;
  /** Answers by status, PUTs and GETs together. */
  statuses: Record<string, number>;
  savesPerSecond: number;
  p50: number;
  p95: number;
  /** What the checks found wrong; empty when all hold. */
  problems: string[];
}

interface SaveAnswer {
  revision?: string;
  commit?: string | null;
  changed?: boolean;
  merged?: boolean;
  raw?: string;
  gitError?: string;
}

const MARK = / \[edit e\d+ n\d+\]$/;

/** The body lines an editor may change: not front matter, not blank, not a fence or table row that a suffix would break. */
export function editableLines(raw: string): number[] {
  const lines = raw.split("\n");
  const close = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
  const found: number[] = [];
  let fenced = false;
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && line.trim() !== "" && !/^\s*[|<{]/.test(line) && !/^\s*[-*_]{3,}\s*$/.test(line)) found.push(i);
  }
  return found;
}

/** Editor `editor`'s `n`th edit of `raw`: its own line (by its number), marked with who and when. */
export function editText(raw: string, editor: number, n: number): string | null {
  const editable = editableLines(raw);
  if (!editable.length) return null;
  const lines = raw.split("\n");
  const index = editable[editor % editable.length]!;
  lines[index] = `${lines[index]!.replace(MARK, "")} [edit e${editor} n${n}]`;
  return lines.join("\n");
}

async function request(origin: string, session: Session, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { ...session };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${origin}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** Runs the editors until the time is up, then checks the repository. */
export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const random = new Prng(options.seed ?? 1);
  const hot = options.entries.slice(0, Math.max(2, Math.min(8, Math.ceil(options.sessions.length / 3))));
  const hotShare = options.hotShare ?? 0.3;
  const thinkMs = options.thinkMs ?? 100;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const acks: Ack[] = [];
  const problems: string[] = [];
  let merged = 0;
  let conflicts = 0;
  const count = (status: number) => (statuses[status] = (statuses[status] ?? 0) + 1);
  const unusable = new Set<string>();
  const started = performance.now();
  const deadline = started + options.durationMs;

  const editor = async (id: number, session: Session): Promise<void> => {
    let n = 0;
    while (performance.now() < deadline) {
      const usable = (list: string[]) => list.filter((p) => !unusable.has(p));
      const pool = random.next() < hotShare && usable(hot).length ? usable(hot) : usable(options.entries);
      if (!pool.length) break;
      const entryPath = random.pick(pool);
      const url = `/api/entry?path=${encodeURIComponent(entryPath)}`;
      const opened = await request(options.origin, session, "GET", url);
      count(opened.status);
      if (opened.status !== 200) {
        problems.push(`GET ${entryPath} answered ${opened.status}: ${JSON.stringify(opened.json).slice(0, 300)}`);
        continue;
      }
      const entry = opened.json as { raw: string; revision: string };
      n += 1;
      const text = editText(entry.raw, id, n);
      if (text === null) {
        unusable.add(entryPath);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, random.next() * thinkMs));
      const before = performance.now();
      const saved = await request(options.origin, session, "PUT", url, { raw: text, baseRevision: entry.revision });
      latencies.push(performance.now() - before);
      count(saved.status);
      if (saved.status === 200) {
        const answer = saved.json as SaveAnswer;
        if (answer.merged) merged += 1;
        if (answer.gitError) problems.push(`PUT ${entryPath} saved without a commit: ${answer.gitError}`);
        else if (!answer.commit) problems.push(`PUT ${entryPath} answered 200 with no commit: ${JSON.stringify(answer).slice(0, 300)}`);
        else acks.push({ path: entryPath, commit: answer.commit, text: answer.merged ? answer.raw! : text });
      } else if (saved.status === 409) conflicts += 1;
      // Not this role's to edit (the roster, for an editor): the editors leave it alone from now on.
      else if (saved.status === 403) unusable.add(entryPath);
      else problems.push(`PUT ${entryPath} answered ${saved.status}: ${JSON.stringify(saved.json).slice(0, 300)}`);
    }
  };
  await Promise.all(options.sessions.map((session, id) => editor(id, session)));
  const seconds = (performance.now() - started) / 1000;
  for (const status of Object.keys(statuses)) if (Number(status) >= 500) problems.push(`${statuses[status]} answers were ${status}`);
  problems.push(...(await checkRepository(options.siteDir, acks)));
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    editors: options.sessions.length,
    seconds,
    saves: acks.length,
    merged,
    conflicts,
    statuses,
    savesPerSecond: acks.length / seconds,
    p50: sorted.length ? percentile(sorted, 50) : 0,
    p95: sorted.length ? percentile(sorted, 95) : 0,
    problems,
  };
}

/** Many `<rev>:<path>` texts through one `git cat-file --batch`; null for one that does not exist. */
export async function gitTexts(cwd: string, specs: readonly string[]): Promise<(string | null)[]> {
  if (!specs.length) return [];
  const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "inherit"] });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", () => resolve());
  });
  child.stdin.end(specs.map((spec) => `${spec}\n`).join(""));
  await done;
  const out = Buffer.concat(chunks);
  const texts: (string | null)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const end = out.indexOf(10, at);
    const header = out.subarray(at, end).toString("utf8");
    at = end + 1;
    const found = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!found) {
      texts.push(null);
      continue;
    }
    const size = Number(found[1]);
    texts.push(out.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return texts;
}

/** The checks after a run; each problem as a sentence. */
export async function checkRepository(siteDir: string, acks: readonly Ack[]): Promise<string[]> {
  const problems: string[] = [];
  const git = (...args: string[]) => execFileSync("git", args, { cwd: siteDir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const root = git("rev-parse", "--show-toplevel").trim();
  const prefix = path.relative(root, siteDir).split(path.sep).join("/");
  const inRepo = (relative: string) => (prefix ? `${prefix}/${relative}` : relative);
  // In team mode saves go to each entry's branch (studio/<path>), and the working copy stays as published.
  const branchMode = git("for-each-ref", "--count=1", "--format=%(refname)", `refs/heads/${BRANCH_PREFIX}`).trim() !== "";
  const refOf = (relative: string) => (branchMode ? `refs/heads/${branchOf(relative)}` : "HEAD");
  // Children before parents: the position of each commit in the history of HEAD and the entry branches.
  const order = new Map(git("rev-list", "--topo-order", "HEAD", ...(branchMode ? [`--branches=${BRANCH_PREFIX}*`] : [])).trim().split("\n").map((hash, i) => [hash, i]));
  const saved = await gitTexts(root, acks.map((ack) => `${ack.commit}:${inRepo(ack.path)}`));
  const last = new Map<string, Ack>();
  acks.forEach((ack, i) => {
    if (!order.has(ack.commit)) problems.push(`the save of ${ack.path} acknowledged as ${ack.commit} is not in ${branchMode ? "its branch's" : "HEAD's"} history`);
    else if (saved[i] !== ack.text) problems.push(`commit ${ack.commit} does not hold the acknowledged text of ${ack.path}`);
    const previous = last.get(ack.path);
    if (!previous || (order.get(ack.commit) ?? Infinity) < (order.get(previous.commit) ?? Infinity)) last.set(ack.path, ack);
  });
  const tips = await gitTexts(root, [...last.keys()].map((relative) => `${refOf(relative)}:${inRepo(relative)}`));
  [...last.values()].forEach((ack, i) => {
    if (tips[i] !== ack.text) problems.push(`${ack.path} in ${refOf(ack.path)} is not its last acknowledged text (commit ${ack.commit})`);
    if (branchMode) return;
    const disk = readFileSync(path.join(siteDir, ack.path), "utf8");
    if (disk !== ack.text) problems.push(`${ack.path} on disk is not its last acknowledged text (commit ${ack.commit})`);
  });
  const dirty = git("status", "--porcelain", "--untracked-files=no").trim();
  if (dirty) problems.push(`the working copy has uncommitted changes:\n${dirty.split("\n").slice(0, 10).join("\n")}`);
  try {
    execFileSync("git", ["fsck", "--no-progress", "--no-dangling"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    problems.push(`git fsck failed: ${String((error as { stderr?: unknown }).stderr ?? error)}`);
  }
  return problems;
}
