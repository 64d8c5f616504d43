/**
 * Reading and writing the site's content files for the studio: every write is atomic, checked
 * against the revision the editor started from (a file changed meanwhile is a 409 with its
 * current text, never overwritten), a commit in git when the site has a repository (that file
 * only), and then handed to the dev session so the build and the content index follow at once.
 */
import { readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import { formatError } from "../../errors/format-error.js";
import { isPlinthError } from "../../errors/plinth-error.js";
import type { DevSession } from "../../server/dev-session.js";
import type { GitRepo } from "../git/git-repo.js";
import { StudioHttpError } from "../server/http-error.js";
import type { SitePath } from "../server/safe-path.js";
import { createFileAtomic, writeFileAtomic } from "./atomic-write.js";
import { matterData, splitFile } from "./front-matter-text.js";
import { revisionOf } from "./revision.js";

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
}

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

  constructor(private readonly options: ContentStoreOptions) {}

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
    return { raw, revision: revisionOf(raw) };
  }

  /** The file as it is now, or a 404. */
  mustRead(file: SitePath): StoredFile {
    const stored = this.read(file);
    if (!stored) throw new StudioHttpError(404, "StudioNotFound", `There is no file ${file.relative}.`);
    return stored;
  }

  /** Replaces the file's text, if it is still at `baseRevision`. `make` turns the current text into the new one. */
  save(file: SitePath, baseRevision: string, make: (current: string) => string): Promise<WriteResult> {
    return this.serial(async () => {
      const current = this.mustRead(file);
      this.checkBase(file, current, baseRevision);
      const raw = make(current.raw);
      if (raw === current.raw) return { revision: current.revision, commit: null, changed: false };
      this.written.set(file.absolute, revisionOf(raw));
      writeFileAtomic(file.absolute, raw);
      const commit = await this.commit(file, `Update ${file.relative}: ${titleForCommit(raw, file.relative)}`);
      await this.built(file);
      return { revision: revisionOf(raw), changed: true, ...commit };
    });
  }

  /** Creates the file; a 409 StudioExists when the name is taken. */
  create(file: SitePath, raw: string): Promise<WriteResult> {
    return this.serial(async () => {
      this.written.set(file.absolute, revisionOf(raw));
      if (!createFileAtomic(file.absolute, raw)) {
        this.written.delete(file.absolute);
        throw new StudioHttpError(409, "StudioExists", `${file.relative} already exists.`);
      }
      const commit = await this.commit(file, `Create ${file.relative}: ${titleForCommit(raw, file.relative)}`);
      await this.built(file);
      return { revision: revisionOf(raw), changed: true, ...commit };
    });
  }

  /** Deletes the file, if it is still at `baseRevision`. */
  remove(file: SitePath, baseRevision: string): Promise<WriteResult> {
    return this.serial(async () => {
      const current = this.mustRead(file);
      this.checkBase(file, current, baseRevision);
      this.written.set(file.absolute, "");
      unlinkSync(file.absolute);
      const commit = await this.commit(file, `Delete ${file.relative}: ${titleForCommit(current.raw, file.relative)}`);
      await this.built(file);
      return { revision: "", changed: true, ...commit };
    });
  }

  private checkBase(file: SitePath, current: StoredFile, baseRevision: string): void {
    if (current.revision === baseRevision) return;
    throw new StudioHttpError(409, "StudioConflict", `${file.relative} changed since revision ${baseRevision} was opened; it is now at ${current.revision}.`, {
      extra: { current: { raw: current.raw, revision: current.revision }, message: `${file.relative} changed on disk since it was opened.` },
    });
  }

  /** Commits the file; a failing commit (a hook, a lock) leaves the write in place and says why. */
  private async commit(file: SitePath, message: string): Promise<{ commit: string | null; gitError?: string }> {
    this.options.onWrite?.(file.relative);
    if (!this.options.git) return { commit: null };
    try {
      return { commit: await this.options.git.commitFile(file.relative, message) };
    } catch (error) {
      if (!isPlinthError(error)) throw error;
      this.options.logError?.(`${formatError(error)}\n`);
      return { commit: null, gitError: error.message };
    }
  }

  /** Waits for the dev session to take the change in, so the index and the preview show it. */
  private async built(file: SitePath): Promise<void> {
    this.options.session.requestUpdate([file.absolute]);
    await this.options.session.idle();
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

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
