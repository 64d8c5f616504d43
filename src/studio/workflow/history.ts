/**
 * An entry's history from git: its versions on the publishing branch and the commits of its
 * entry branch (saves, submits, reviews), who made each and when; the diff between any two
 * versions; the text at one of them (for a restore, which the routes save as a new commit).
 */
import { StudioHttpError } from "../server/http-error.js";
import { branchOf } from "./branch-name.js";
import type { EntryBranches } from "./entry-branches.js";
import { gitMust, gitRun } from "./git-exec.js";
import { isState, PATH_TRAILER, readTrailers, REVIEW_TRAILER, STATE_TRAILER, type EntryState } from "./states.js";

export interface HistoryItem {
  commit: string;
  author: string;
  email: string;
  date: string;
  message: string;
  /** The review comment or longer message, when there is one. */
  body: string;
  /** `published` for the publishing branch's versions, `branch` for work in progress. */
  on: "published" | "branch";
  state: EntryState | null;
  review: string | null;
}

const FORMAT = "%H%x00%an%x00%ae%x00%aI%x00%s%x00%b%x1e";

function parseLog(out: string, on: HistoryItem["on"]): (HistoryItem & { path: string | null })[] {
  const items: (HistoryItem & { path: string | null })[] = [];
  for (const record of out.split("\x1e")) {
    const [commit, author, email, date, message, body] = record.replace(/^\n/, "").split("\0");
    if (!commit || !/^[0-9a-f]{40}$/.test(commit)) continue;
    const trailers = readTrailers(body ?? "");
    const state = trailers[STATE_TRAILER];
    // The body without its trailer paragraph: a review's comment.
    const text = (body ?? "").trim().split(/\n\s*\n/);
    if (Object.keys(trailers).length) text.pop();
    items.push({ commit, author: author!, email: email!, date: date!, message: message!, body: text.join("\n\n").trim(), on, state: isState(state) ? state : null, review: trailers[REVIEW_TRAILER] ?? null, path: trailers[PATH_TRAILER] ?? null });
  }
  return items;
}

/**
 * The entry's versions and review steps, newest first: its branch's commits, then on the
 * publishing branch the commits that changed it (publish merges included) and the studio's
 * commits about it that changed nothing (submits and reviews, found by their Studio-Path).
 */
export async function entryHistory(branches: EntryBranches, relative: string, limit = 200): Promise<HistoryItem[]> {
  const changed = await gitRun(branches.root, ["log", "--full-history", `-n${limit}`, `--format=${FORMAT}`, branches.publishingRef(), "--", branches.gitPath(relative)]);
  const steps = await gitRun(branches.root, ["log", `-n${limit}`, "--fixed-strings", `--grep=${PATH_TRAILER}: ${relative}`, `--format=${FORMAT}`, branches.publishingRef()]);
  const seen = new Set<string>();
  const published = [...parseLog(changed.stdout, "published"), ...parseLog(steps.stdout, "published").filter((item) => item.path === relative)]
    .filter((item) => !seen.has(item.commit) && seen.add(item.commit))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const items = [...published];
  if (await branches.tip(relative)) {
    const onBranch = await gitMust(branches.root, ["log", `-n${limit}`, `--format=${FORMAT}`, `refs/heads/${branchOf(relative)}`, "--not", branches.publishingRef()]);
    items.unshift(...parseLog(onBranch, "branch"));
  }
  return items.slice(0, limit).map(({ path: _path, ...item }) => item);
}

/** A commit named in a request: a hash (abbreviated or whole) that the repository has. */
export async function mustCommit(branches: EntryBranches, rev: string): Promise<string> {
  if (!/^[0-9a-f]{4,40}$/i.test(rev)) throw new StudioHttpError(400, "WorkflowRevisionUnknown", `${JSON.stringify(rev)} is not a commit hash.`);
  const commit = await branches.resolve(rev);
  if (!commit) throw new StudioHttpError(404, "WorkflowRevisionUnknown", `There is no commit ${rev} in the site's repository.`);
  return commit;
}

/** The unified diff of the entry between two commits (either may lack the file: an addition or a removal). */
export async function entryDiff(branches: EntryBranches, relative: string, from: string, to: string): Promise<string> {
  return gitMust(branches.root, ["diff", "--no-color", "--no-ext-diff", "--find-renames", from, to, "--", branches.gitPath(relative)]);
}
