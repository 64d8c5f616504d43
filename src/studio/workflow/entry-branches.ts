/**
 * Work in progress on a branch per entry, written with git's plumbing so the working copy (and
 * `.git/index`) never change: the entry's text is stored as a blob, laid into a temporary index
 * read from the branch's tree (GIT_INDEX_FILE), written as a tree and committed with the user
 * as author; the branch moves with `update-ref` from the value it was read at, so two writers
 * can never lose each other's commit. The working copy stays on the publishing branch, which
 * is what the dev session builds. States travel as commit trailers (see states.ts).
 *
 * @example
 * const branches = EntryBranches.create(git);
 * await branches.write("news/x.md", "---\ntitle: X\n---\nText\n", "Create news/x.md: X", { name: "Ana", email: "ana@example.org" });
 * (await branches.read("news/x.md"))?.state; // "draft"
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { textInLog, type GitAuthor, type GitRepo } from "../git/git-repo.js";
import { StudioHttpError } from "../server/http-error.js";
import { revisionOf } from "../content/revision.js";
import { branchOf, BRANCH_PREFIX } from "./branch-name.js";
import { authorEnv, gitMust, gitRun, ZERO_OID } from "./git-exec.js";
import { isState, PATH_TRAILER, readTrailers, STATE_TRAILER, stateAfterSave, withTrailers, type EntryState } from "./states.js";

export interface BranchText {
  raw: string;
  revision: string;
  /** The branch's commit the text was read from. */
  head: string;
  state: EntryState;
}

export interface BoardEntry {
  path: string;
  branch: string;
  head: string;
  state: EntryState;
  title: string;
  /** Who made the branch's newest commit, and when (ISO 8601). */
  by: string;
  at: string;
  /** True when the entry is on the publishing branch already (this is a change to a published entry). */
  published: boolean;
}

/** A commit's trailers and the parts the board shows. */
interface Tip {
  head: string;
  path: string | null;
  state: EntryState;
  subject: string;
  by: string;
  at: string;
}

export class EntryBranches {
  /** Branch writes one at a time; the `update-ref` old-value check guards against other processes. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly git: GitRepo,
    /** The branch published entries are merged into (short name, e.g. `main`). */
    readonly publishing: string,
    /** The input folder relative to the repository's top, `` or `site/`. */
    private readonly prefix: string,
  ) {}

  /** `publishing`: the configured publishing branch; default the branch the working copy is on, else `main`. */
  static create(git: GitRepo, publishing?: string): EntryBranches {
    let branch = publishing;
    if (!branch) {
      try {
        branch = execFileSync("git", ["symbolic-ref", "--short", "-q", "HEAD"], { cwd: git.root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
      } catch {
        // A detached HEAD: publish to main.
      }
    }
    const relative = path.relative(git.root, git.cwd).split(path.sep).join("/");
    return new EntryBranches(git, branch || "main", relative ? `${relative}/` : "");
  }

  get root(): string {
    return this.git.root;
  }

  /** The entry's path in the repository (from its top). */
  gitPath(relative: string): string {
    return this.prefix + relative;
  }

  /** An input-relative path from a repository path, or null when it is outside the input folder. */
  inputPath(gitPath: string): string | null {
    return gitPath.startsWith(this.prefix) ? gitPath.slice(this.prefix.length) : null;
  }

  publishingRef(): string {
    return `refs/heads/${this.publishing}`;
  }

  /** The commit a ref points at, or null. */
  async resolve(ref: string): Promise<string | null> {
    const result = await gitRun(this.root, ["rev-parse", "--verify", "-q", `${ref}^{commit}`]);
    return result.code === 0 ? result.stdout.trim() : null;
  }

  /** The text of the entry at a commit, or null when it is not there. */
  async textAt(commit: string, relative: string): Promise<string | null> {
    const result = await gitRun(this.root, ["cat-file", "blob", `${commit}:${this.gitPath(relative)}`]);
    return result.code === 0 ? result.stdout : null;
  }

  /** The entry as the publishing branch has it, or null. */
  async publishedText(relative: string): Promise<string | null> {
    return this.textAt(this.publishingRef(), relative);
  }

  /** The entry's work in progress, or null when it has no branch (or the branch deletes it). */
  async read(relative: string): Promise<BranchText | null> {
    const tip = await this.tip(relative);
    if (!tip) return null;
    const raw = await this.textAt(tip.head, relative);
    if (raw === null) return null;
    return { raw, revision: revisionOf(raw), head: tip.head, state: tip.state };
  }

  /** The branch's newest commit and its trailers, or null when the entry has no branch. */
  async tip(relative: string): Promise<Tip | null> {
    const ref = `refs/heads/${branchOf(relative)}`;
    const result = await gitRun(this.root, ["log", "-1", "--format=%H%x00%an%x00%aI%x00%s%x00%B", ref, "--"]);
    if (result.code !== 0 || !result.stdout.trim()) return null;
    const [head, by, at, subject, body] = result.stdout.split("\0");
    const trailers = readTrailers(body ?? "");
    const state = trailers[STATE_TRAILER];
    return { head: head!, by: by!, at: at!, subject: subject!, path: trailers[PATH_TRAILER] ?? null, state: isState(state) ? state : "draft" };
  }

  /**
   * Commits `raw` (null: the entry's removal) on the entry's branch, creating the branch from
   * the publishing branch when there is none. `state` defaults to what a save leaves
   * (stateAfterSave). `expectedHead` (when given) must still be the branch's tip. Returns the
   * commit, or null when the text is as the branch has it and the state does not change.
   */
  write(relative: string, raw: string | null, message: string, author: GitAuthor, options: { state?: EntryState; trailers?: Record<string, string>; expectedHead?: string | null; body?: string } = {}): Promise<string | null> {
    return this.serial(async () => {
      const branch = branchOf(relative);
      const tip = await this.tip(relative);
      if (tip?.path && tip.path !== relative) {
        throw new StudioHttpError(409, "WorkflowStateInvalid", `The branch ${branch} holds ${tip.path}, not ${relative}; two entries whose names differ only in their extension share a branch.`, {
          hint: `Publish or delete the work on ${tip.path} first, or rename one of the entries.`,
        });
      }
      if (options.expectedHead !== undefined && (tip?.head ?? null) !== options.expectedHead) {
        throw new StudioHttpError(409, "WorkflowBranchMoved", `${relative} changed on its branch meanwhile (now at ${tip?.head.slice(0, 10) ?? "no branch"}).`);
      }
      const parent = tip?.head ?? (await this.resolve(this.publishingRef()));
      if (!parent) throw new StudioHttpError(409, "WorkflowNeedsGit", `The publishing branch ${this.publishing} has no commit yet.`);
      const state = options.state ?? stateAfterSave(tip?.state ?? null);
      const tree = await this.treeWith(parent, this.gitPath(relative), raw);
      const parentTree = (await gitMust(this.root, ["rev-parse", `${parent}^{tree}`])).trim();
      if (tree === parentTree && tip && tip.state === state && !options.trailers) return null;
      const text = withTrailers(options.body ? `${message}\n\n${options.body.trim()}` : message, { [PATH_TRAILER]: relative, [STATE_TRAILER]: state, ...options.trailers });
      const commit = (await gitMust(this.root, ["commit-tree", tree, "-p", parent, "-F", "-"], { input: text, env: authorEnv(author) })).trim();
      await this.moveRef(`refs/heads/${branch}`, commit, tip?.head ?? null, relative);
      return commit;
    });
  }

  /** Records a new state (an empty commit with the trailers) by `author`. */
  setState(relative: string, state: EntryState, message: string, author: GitAuthor, extra: { trailers?: Record<string, string>; body?: string; expectedHead?: string } = {}): Promise<string | null> {
    return this.serial(async () => {
      const tip = await this.tip(relative);
      if (!tip) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has no work in progress to ${message.split(" ")[0]!.toLowerCase()}.`);
      return tip.head;
    }).then(async (head) => {
      const raw = await this.textAt(head, relative);
      return this.write(relative, raw, message, author, { state, trailers: extra.trailers ?? {}, expectedHead: extra.expectedHead ?? head, body: extra.body });
    });
  }

  /** Deletes the entry's branch (if it is still at `expectedHead`, when given). */
  remove(relative: string, expectedHead?: string): Promise<boolean> {
    return this.serial(async () => {
      const tip = await this.tip(relative);
      if (!tip) return false;
      if (expectedHead && tip.head !== expectedHead) throw new StudioHttpError(409, "WorkflowBranchMoved", `${relative} changed on its branch meanwhile.`);
      await gitMust(this.root, ["update-ref", "-d", `refs/heads/${branchOf(relative)}`, tip.head]);
      return true;
    });
  }

  /** An earlier text of the entry, on its branch or the publishing branch, whose revision is `revision` (a merge base); null when none. */
  async findText(relative: string, revision: string, depth = 100): Promise<string | null> {
    const refs = [this.publishingRef()];
    if (await this.tip(relative)) refs.unshift(`refs/heads/${branchOf(relative)}`);
    return textInLog((args) => gitRun(this.root, args), ["log", `-n${depth}`, "--format=", "--raw", "--no-abbrev", ...refs, "--", this.gitPath(relative)], (text) => revisionOf(text) === revision);
  }

  /** Every entry with an open branch, newest change first. */
  async board(): Promise<BoardEntry[]> {
    const format = "%(refname:lstrip=2)%00%(objectname)%00%(authorname)%00%(authordate:iso-strict)%00%(contents:subject)%00%(contents:trailers:only,unfold)%1e";
    const out = await gitMust(this.root, ["for-each-ref", "--sort=-authordate", `--format=${format}`, `refs/heads/${BRANCH_PREFIX}`]);
    const entries: Omit<BoardEntry, "published">[] = [];
    for (const record of out.split("\x1e")) {
      const [branch, head, by, at, subject, trailerText] = record.replace(/^\n/, "").split("\0");
      if (!branch || !head) continue;
      const trailers = readTrailers(trailerText ?? "");
      const entryPath = trailers[PATH_TRAILER];
      if (!entryPath) continue;
      const state = trailers[STATE_TRAILER];
      entries.push({ path: entryPath, branch, head, state: isState(state) ? state : "draft", title: titleOf(subject ?? "", entryPath), by: by ?? "", at: at ?? "" });
    }
    const published = await this.existing(entries.map((e) => e.path));
    return entries.map((e) => ({ ...e, published: published.has(e.path) }));
  }

  /** Which of these input-relative paths the publishing branch has. */
  async existing(relatives: readonly string[]): Promise<Set<string>> {
    if (!relatives.length) return new Set();
    const result = await gitRun(this.root, ["ls-tree", "-r", "--name-only", "-z", this.publishingRef(), "--", ...relatives.map((r) => this.gitPath(r))]);
    return new Set(
      result.stdout
        .split("\0")
        .map((p) => this.inputPath(p))
        .filter((p): p is string => p !== null),
    );
  }

  /** The tree of `parent` with the file at `gitPath` set to `raw` (or removed), through a temporary index. */
  private async treeWith(parent: string, gitPath: string, raw: string | null): Promise<string> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-index-"));
    const env = { GIT_INDEX_FILE: path.join(dir, "index") };
    try {
      await gitMust(this.root, ["read-tree", parent], { env });
      if (raw === null) await gitMust(this.root, ["update-index", "--force-remove", "--", gitPath], { env });
      else {
        // --path applies the repository's filters (autocrlf, attributes) as `git add` would.
        const blob = (await gitMust(this.root, ["hash-object", "-w", "--stdin", `--path=${gitPath}`], { input: raw })).trim();
        const listed = (await gitMust(this.root, ["ls-tree", parent, "--", gitPath])).trim();
        const mode = /^(\d+) blob /.exec(listed)?.[1] ?? "100644";
        await gitMust(this.root, ["update-index", "--add", "--cacheinfo", mode, blob, gitPath], { env });
      }
      return (await gitMust(this.root, ["write-tree"], { env })).trim();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private async moveRef(ref: string, commit: string, old: string | null, relative: string): Promise<void> {
    const moved = await gitRun(this.root, ["update-ref", ref, commit, old ?? ZERO_OID]);
    if (moved.code !== 0) throw new StudioHttpError(409, "WorkflowBranchMoved", `${relative} changed on its branch meanwhile: ${moved.stderr.trim()}`);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** The title in a studio commit's subject (`Update news/x.md: Title`), else the file's name. */
export function titleOf(subject: string, relative: string): string {
  const marker = `${relative}: `;
  const at = subject.indexOf(marker);
  return at >= 0 ? subject.slice(at + marker.length) : path.posix.basename(relative);
}
