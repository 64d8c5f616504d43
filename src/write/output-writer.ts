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

export interface OutputWriter {
  /** Queues a page's output, relative to the output folder (posix). */
  writeFile(relative: string, content: string): void;
  /** Queues a passthrough copy of an absolute source file. */
  copyFile(source: string, relative: string): void;
  /** Applies everything queued. Nothing is written before this is called. */
  commit(): Promise<WriteSummary>;
}
