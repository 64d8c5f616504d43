/**
 * A site that is built more than once: the dev server and the studio keep one and call
 * `update` with the files that changed. It reports which output files changed, so the
 * server reloads only the browsers showing them.
 */
import { PlinthError, isPlinthError } from "../errors/plinth-error.js";
import { DiskWriter } from "../write/disk-writer.js";
import { MemoryWriter } from "../write/memory-writer.js";
import type { CommitScope, OutputWriter, WriteSummary } from "../write/output-writer.js";
import { build, rebuild, type BuildOptions, type BuildResult } from "./build.js";
import type { ProjectPaths } from "./project-paths.js";

export interface SiteUpdate {
  result: BuildResult;
  /** Output paths (relative, posix) whose content is new or changed. */
  changed: string[];
  /** Output paths that existed before and are gone now. */
  removed: string[];
  /** True when the update rebuilt everything rather than the affected pages. */
  full: boolean;
}

export interface SiteOptions extends Omit<BuildOptions, "writer"> {
  /**
   * Also keep the output folder on disk in step (`--to-disk`): pages and passthrough copies,
   * through the same DiskWriter as `plinth build`. Default false. The folder is only known once
   * the config has loaded, so the Site makes the writer itself.
   */
  toDisk?: boolean;
}

type QueuedWrite = { relative: string; content: string } | { relative: string; source: string } | { relative: string; remove: true };

/**
 * Hands a build's output to the memory writer and remembers each call, so the same output can
 * then go to the output folder once the build has succeeded and the folder is known.
 */
class RecordingWriter implements OutputWriter {
  readonly queued: QueuedWrite[] = [];
  scope: CommitScope = "complete";
  constructor(private readonly memory: MemoryWriter) {}
  writeFile(relative: string, content: string): void {
    this.memory.writeFile(relative, content);
    this.queued.push({ relative, content });
  }
  copyFile(source: string, relative: string): void {
    this.memory.copyFile(source, relative);
    this.queued.push({ relative, source });
  }
  removeFile(relative: string): void {
    this.memory.removeFile(relative);
    this.queued.push({ relative, remove: true });
  }
  discard(): Promise<void> {
    this.queued.length = 0;
    return this.memory.discard();
  }
  commit(scope: CommitScope = "complete"): Promise<WriteSummary> {
    this.scope = scope;
    return this.memory.commit(scope);
  }
}

export class Site {
  readonly memory = new MemoryWriter();
  private last?: BuildResult;
  private disk?: { folder: string; writer: DiskWriter };

  constructor(private readonly options: SiteOptions) {}

  get lastResult(): BuildResult | undefined {
    return this.last;
  }

  /** Builds everything. Throws BuildFailure (or PlinthError) and keeps the previous output on error. */
  async build(): Promise<SiteUpdate> {
    return this.run();
  }

  /**
   * Rebuilds after `changedFiles` (absolute paths) changed: only the pages affected render
   * again (see incremental.ts), or everything when the change reaches everything.
   */
  async update(changedFiles: readonly string[]): Promise<SiteUpdate> {
    return this.run(changedFiles);
  }

  private async run(changedFiles?: readonly string[]): Promise<SiteUpdate> {
    const writer = new RecordingWriter(this.memory);
    const result =
      changedFiles && this.last
        ? await rebuild(this.last.state, changedFiles, writer)
        : await build({ ...this.options, writer, track: true });
    if (this.options.toDisk) await this.writeToDisk(writer, result.paths);
    this.last = result;
    const { changed, removed } = this.memory.lastCommit;
    return { result, changed, removed, full: result.full };
  }

  /** Gives the output folder what the memory writer got: the DiskWriter skips unchanged files and removes stale ones. */
  private async writeToDisk(recorded: RecordingWriter, paths: ProjectPaths): Promise<void> {
    if (this.disk?.folder !== paths.output) this.disk = { folder: paths.output, writer: new DiskWriter(paths.output, paths.cwd) };
    const { writer } = this.disk;
    for (const item of recorded.queued) {
      if ("content" in item) writer.writeFile(item.relative, item.content);
      else if ("source" in item) writer.copyFile(item.source, item.relative);
      else writer.removeFile(item.relative);
    }
    await writer.commit(recorded.scope).catch((cause: unknown) => {
      throw isPlinthError(cause) ? cause : new PlinthError("OutputWrite", `The output folder could not be kept in step: ${(cause as Error).message}`, { cause });
    });
  }
}
