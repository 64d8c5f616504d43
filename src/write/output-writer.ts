/**
 * Where a build's output goes. The engine only talks to this interface: the disk writer
 * for `plinth build`, the memory writer for tests, the dev server and the studio.
 */
export interface WriteSummary {
  written: number;
  copied: number;
  /** Files left as they were because their content had not changed. */
  unchanged: number;
  removed: number;
}

/**
 * What a commit lists. A `complete` commit (a full build) lists every output, so files an
 * earlier commit wrote that are not queued now are removed. A commit of `changes` (a dev server
 * update) lists only what changed and what to remove; everything else stays as it is, so an
 * update costs what it changed, not the size of the site.
 */
export type CommitScope = "complete" | "changes";

export interface OutputWriter {
  /** Queues a page's output, relative to the output folder (posix). */
  writeFile(relative: string, content: string): void;
  /**
   * For a writer that writes ahead of the commit: resolves once it has caught up enough to
   * take more, so rendering does not outrun a slow disk; undefined when it is not behind.
   */
  ready?(): Promise<void> | undefined;
  /**
   * True when `readBack` can give the text of a page given to `writeFile` since the last commit
   * (a writer that writes ahead may still be writing it). A one-shot build drops the content of
   * pages whose output holds it, and takes it back from here when another page shows it (see
   * src/engine/content-release.ts). Both or neither are implemented.
   */
  canReadBack?(relative: string): boolean;
  /** The text given to `writeFile` for `relative`, exactly; undefined when `canReadBack` is not true. */
  readBack?(relative: string): string | undefined;
  /** Queues a passthrough copy of an absolute source file. */
  copyFile(source: string, relative: string): void;
  /**
   * Marks a file an earlier commit wrote as still current, so a `complete` commit leaves it as
   * it is: a build that remembers the last one (src/cache/) does not render the page again.
   */
  keepFile?(relative: string): void;
  /** Queues the removal of a file an earlier commit wrote; a write queued for the same path wins. */
  removeFile(relative: string): void;
  /** Applies everything queued. Nothing is visible in the output before this is called. */
  commit(scope?: CommitScope): Promise<WriteSummary>;
  /** Drops everything queued, and anything written ahead of the commit: the build failed. */
  discard(): Promise<void>;
}
