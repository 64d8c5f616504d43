/**
 * A site that is built more than once: the dev server and the studio keep one and call
 * `update` with the files that changed. It reports which output files changed, so the
 * server reloads only the browsers showing them.
 */
import { PlinthError } from "../errors/plinth-error.js";
import { MemoryWriter } from "../write/memory-writer.js";
import type { OutputWriter } from "../write/output-writer.js";
import { build, type BuildOptions, type BuildResult } from "./build.js";

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
  /** Also keep the output folder on disk in step (`--to-disk`). */
  diskWriter?: OutputWriter;
}

export class Site {
  readonly memory = new MemoryWriter();
  private outputs = new Map<string, string>();
  private last?: BuildResult;

  constructor(private readonly options: SiteOptions) {}

  get lastResult(): BuildResult | undefined {
    return this.last;
  }

  /** Builds everything. Throws BuildFailure (or PlinthError) and keeps the previous output on error. */
  async build(): Promise<SiteUpdate> {
    return this.run();
  }

  /** Rebuilds after `changedFiles` (absolute paths) changed. */
  async update(changedFiles: readonly string[]): Promise<SiteUpdate> {
    void changedFiles;
    return this.run();
  }

  private async run(): Promise<SiteUpdate> {
    const result = await build({ ...this.options, writer: this.memory });
    if (this.options.diskWriter) {
      for (const page of result.pages) if (page.outputRelative !== false) this.options.diskWriter.writeFile(page.outputRelative, page.output ?? "");
      await this.options.diskWriter.commit().catch((cause: unknown) => {
        throw new PlinthError("OutputWrite", `The output folder could not be kept in step: ${(cause as Error).message}`, { cause });
      });
    }
    const next = new Map<string, string>();
    const changed: string[] = [];
    for (const [relative, content] of this.memory.files) {
      const text = typeof content === "string" ? content : content.toString("base64");
      next.set(relative, text);
      if (this.outputs.get(relative) !== text) changed.push(relative);
    }
    const removed = [...this.outputs.keys()].filter((k) => !next.has(k));
    this.outputs = next;
    this.last = result;
    return { result, changed, removed, full: true };
  }
}
