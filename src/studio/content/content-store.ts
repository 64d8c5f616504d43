/**
 * Reading and writing the site's content files for the studio: every write is atomic, checked
 * against the revision the editor started from, a commit in git when the site has a repository
 * (that file only), and then handed to the dev session so the build and the content index follow
 * at once. A save based on an older revision is merged three-way with what was saved meanwhile
 * (as `git merge-file`): changes to different lines are both kept (`merged: true`), changes to
 * the same lines are a 409 with the current text, the user's text and the merge with conflict
 * markers; a base the store cannot find is a 409 with the current text. Nothing is overwritten.
 */
import { readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { formatError } from "../../errors/format-error.js";
import { isPlinthError } from "../../errors/plinth-error.js";
import type { DevSession } from "../../server/dev-session.js";
import type { GitAuthor, GitRepo } from "../git/git-repo.js";
import { StudioHttpError } from "../server/http-error.js";
import type { SitePath } from "../server/safe-path.js";
import { createFileAtomic, writeFileAtomic } from "../../util/atomic-write.js";
import { matterData, splitFile } from "./front-matter-text.js";
import { revisionOf } from "./revision.js";
import { RevisionTexts } from "./revision-texts.js";
import { mergeTexts, type MergeResult } from "./three-way-merge.js";

export interface StoredFile {
  raw: string;
  revision: string;
}

export interface WriteResult {
  revision: string;
  /** The commit's hash; null without git, or when nothing changed. */
  commit: string | null;
  /** False when the text was already as asked: nothing was written. */
  changed: boolean;
  /** Why the commit was not made, when git refused it; the file is written all the same. */
  gitError?: string;
  /** True when the save was merged with a change saved meanwhile: `raw` is the text now stored. */
  merged?: boolean;
  raw?: string;
}

/** Who saves: the commit's author (default the repository's), and the user (for routed saves). */
export interface SaveBy {
  author?: GitAuthor;
  user?: { name: string };
}

/**
 * Somewhere else a save can go instead of the working copy (team mode: the entry's branch).
 * The store still does the base check, the merge and the queue; the target only reads and writes.
 */
export interface SaveTarget {
  /** The entry's text there now, or null when it has none. */
  read(): Promise<string | null>;
  /** Stores `raw` (null: deletes) there as one commit by `author`; the commit's hash, or null when nothing changed. */
  write(raw: string | null, message: string, author: GitAuthor | undefined): Promise<string | null>;
  /** An older text of the entry there whose revision is `revision`, for a merge base; null when unknown. */
  textAt?(revision: string): Promise<string | null>;
  /** What GET /api/entry adds as `workflow` (state, branch...). */
  describe?(): Promise<Record<string, unknown>>;
}

/** A write done, with the build that takes it in (awaited outside the queue). */
type Written = WriteResult & { built?: Promise<void> };

export type SaveRouter = (file: SitePath, by: SaveBy) => SaveTarget | null;

export interface ContentStoreOptions {
  session: DevSession;
  git: GitRepo | null;
  logError?: (text: string) => void;
  /** Called after every write, with the path (e.g. to drop a preview overlay). */
  onWrite?: (relative: string) => void;
}

/** The title a commit message names: the front matter's title, else the file's name. */
export function titleForCommit(raw: string, relative: string): string {
  try {
    const data = matterData(splitFile(raw), relative);
    const title = data.title ?? data.name;
    if (typeof title === "string" && title.trim()) return title.trim().replace(/\s+/g, " ").slice(0, 120);
  } catch {
    // Front matter that does not parse still gets a commit, named after the file.
  }
  return path.posix.basename(relative);
}

export class ContentStore {
  /** One write at a time: a check of the base revision and the write after it must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  /** What the studio last wrote to each file and has had built; the watcher's report of it is no news. */
  private readonly written = new Map<string, string>();
  /** Texts recently read or written, by revision: the bases of saves to merge. */
  readonly recent = new RevisionTexts();
  private router: SaveRouter | null = null;

  constructor(private readonly options: ContentStoreOptions) {}

  /** Sends saves elsewhere (team mode's entry branches); `route` answers null for the working copy. */
  routeSaves(route: SaveRouter | null): void {
    this.router = route;
  }

  read(file: SitePath): StoredFile | null {
    let raw: string;
    try {
      raw = readFileSync(file.absolute, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return null;
      if (code === "EISDIR") throw new StudioHttpError(400, "StudioBadRequest", `${file.relative} is a folder, not a file.`);
      throw error;
    }
    return this.stored(file, raw);
  }

  /** The file as it is now, or a 404. */
  mustRead(file: SitePath): StoredFile {
    const stored = this.read(file);
    if (!stored) throw notThere(file);
    return stored;
  }

  /**
   * Replaces the file's text. `make` turns a text into the new one (a raw save ignores it; a form
   * save edits it). Based on the current revision it is written as made; based on an older one,
   * the user's change (`make(base)`) is merged with the current text, or a 409 when they overlap.
   */
  save(file: SitePath, baseRevision: string, make: (current: string) => string, by: SaveBy = {}): Promise<WriteResult> {
    return this.serial(async () => {
      const target = this.router?.(file, by) ?? null;
      const current = await this.at(file, target);
      if (!current) throw notThere(file);
      let raw: string;
      let merged = false;
      if (current.revision === baseRevision) raw = make(current.raw);
      else {
        const base = await this.baseText(file, baseRevision, target);
        if (base === null) throw conflict(file, current, baseRevision, safely(() => make(current.raw)));
        const mine = make(base);
        const merge = await mergeTexts(base, current.raw, mine);
        if (!merge.clean) throw conflict(file, current, baseRevision, mine, merge);
        raw = merge.text;
        merged = raw !== mine;
      }
      if (raw === current.raw) return { revision: current.revision, commit: null, changed: false, ...(merged ? { merged, raw } : {}) };
      const written = await this.write(file, raw, `Update ${file.relative}: ${titleForCommit(raw, file.relative)}`, target, by);
      return { ...written, ...(merged ? { merged, raw } : {}) };
    });
  }

  /** Creates the file; a 409 StudioExists when the name is taken. */
  create(file: SitePath, raw: string, by: SaveBy = {}): Promise<WriteResult> {
    return this.serial(async () => {
      const target = this.router?.(file, by) ?? null;
      const message = `Create ${file.relative}: ${titleForCommit(raw, file.relative)}`;
      if (target) {
        if ((await target.read()) !== null || this.read(file)) throw exists(file);
        return this.write(file, raw, message, target, by);
      }
      this.written.set(file.absolute, revisionOf(raw));
      if (!createFileAtomic(file.absolute, raw)) {
        this.written.delete(file.absolute);
        throw exists(file);
      }
      this.stored(file, raw);
      const commit = await this.commit(file, message, by);
      return { revision: revisionOf(raw), changed: true, ...commit, built: this.built(file) };
    });
  }

  /** Deletes the file, if it is still at `baseRevision`. */
  remove(file: SitePath, baseRevision: string, by: SaveBy = {}): Promise<WriteResult> {
    return this.serial(async () => {
      const target = this.router?.(file, by) ?? null;
      const current = await this.at(file, target);
      if (!current) throw notThere(file);
      if (current.revision !== baseRevision) throw conflict(file, current, baseRevision);
      const message = `Delete ${file.relative}: ${titleForCommit(current.raw, file.relative)}`;
      if (target) return { revision: "", changed: true, commit: await target.write(null, message, by.author) };
      this.written.set(file.absolute, "");
      unlinkSync(file.absolute);
      const commit = await this.commit(file, message, by);
      return { revision: "", changed: true, ...commit, built: this.built(file) };
    });
  }

  private stored(file: SitePath, raw: string): StoredFile {
    const revision = revisionOf(raw);
    this.recent.remember(file.relative, revision, raw);
    return { raw, revision };
  }

  /** The entry as `by` sees it: where their saves go (team mode: its branch), else the working copy. */
  async current(file: SitePath, by: SaveBy = {}): Promise<StoredFile & { workflow?: Record<string, unknown> } | null> {
    const target = this.router?.(file, by) ?? null;
    const stored = await this.at(file, target);
    if (!stored || !target?.describe) return stored;
    return { ...stored, workflow: await target.describe() };
  }

  private async at(file: SitePath, target: SaveTarget | null): Promise<StoredFile | null> {
    if (!target) return this.read(file);
    const raw = await target.read();
    return raw === null ? null : this.stored(file, raw);
  }

  /** The text a save started from: remembered, else from the target's or the repository's history. */
  private async baseText(file: SitePath, revision: string, target: SaveTarget | null): Promise<string | null> {
    const remembered = this.recent.find(file.relative, revision);
    if (remembered !== undefined) return remembered;
    if (!/^[0-9a-f]{32}$/.test(revision)) return null;
    const found = target?.textAt ? await target.textAt(revision) : await this.options.git?.findText(file.relative, (text) => revisionOf(text) === revision);
    if (found === null || found === undefined) return null;
    this.recent.remember(file.relative, revision, found);
    return found;
  }

  /** Writes and commits the new text, in the working copy (then built) or at the save's target. */
  private async write(file: SitePath, raw: string, message: string, target: SaveTarget | null, by: SaveBy): Promise<Written> {
    const revision = this.stored(file, raw).revision;
    if (target) return { revision, changed: true, commit: await target.write(raw, message, by.author) };
    this.written.set(file.absolute, revision);
    writeFileAtomic(file.absolute, raw);
    const commit = await this.commit(file, message, by);
    return { revision, changed: true, ...commit, built: this.built(file) };
  }

  /** Commits the file; a failing commit (a hook, a lock) leaves the write in place and says why. */
  private async commit(file: SitePath, message: string, by: SaveBy): Promise<{ commit: string | null; gitError?: string }> {
    this.options.onWrite?.(file.relative);
    if (!this.options.git) return { commit: null };
    try {
      return { commit: await this.options.git.commitFile(file.relative, message, by.author) };
    } catch (error) {
      if (!isPlinthError(error)) throw error;
      this.options.logError?.(`${formatError(error)}\n`);
      return { commit: null, gitError: error.message };
    }
  }

  /**
   * Hands the change to the dev session; the promise is its build, which the save's answer waits
   * for (so the index and the preview show it) outside the queue: the next save need not wait.
   */
  private built(file: SitePath): Promise<void> {
    return this.options.session.updated([file.absolute]);
  }

  /**
   * True when a change the watcher reports is the studio's own write, already built: the file
   * is as the studio left it (or still gone). Each write is forgiven once.
   */
  isOwnWrite(absolute: string): boolean {
    const expected = this.written.get(absolute);
    if (expected === undefined) return false;
    this.written.delete(absolute);
    let current = "";
    try {
      current = revisionOf(readFileSync(absolute));
    } catch {
      // Gone: the studio's own delete when it expected nothing.
    }
    return current === expected;
  }

  /** Runs `work` after the writes before it; answers once its build (if any) is over too. */
  private async serial(work: () => Promise<Written>): Promise<WriteResult> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    const { built, ...result } = await next;
    await built;
    return result;
  }
}

function notThere(file: SitePath): StudioHttpError {
  return new StudioHttpError(404, "StudioNotFound", `There is no file ${file.relative}.`);
}

function exists(file: SitePath): StudioHttpError {
  return new StudioHttpError(409, "StudioExists", `${file.relative} already exists.`);
}

/** `make` may refuse a text it cannot edit (front matter that does not parse); then there is no "mine" to show. */
function safely(make: () => string): string | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

/**
 * The 409 of a save that cannot be merged: the current text always, the user's text when known,
 * and the merge with conflict markers when the base was found. The client shows all of them.
 */
function conflict(file: SitePath, current: StoredFile, baseRevision: string, mine?: string, merge?: MergeResult): StudioHttpError {
  const why = merge ? `both changed the same lines (${merge.conflicts} place${merge.conflicts === 1 ? "" : "s"})` : `the text it was based on is not known any more`;
  return new StudioHttpError(409, "StudioConflict", `${file.relative} changed since revision ${baseRevision} was opened, and ${why}; it is now at ${current.revision}.`, {
    extra: {
      current: { raw: current.raw, revision: current.revision },
      ...(mine !== undefined ? { mine } : {}),
      ...(merge ? { merged: { raw: merge.text, conflicts: merge.conflicts } } : {}),
      message: merge ? `${file.relative} was saved by someone else meanwhile, and you both changed the same lines.` : `${file.relative} changed on disk since it was opened.`,
    },
  });
}
