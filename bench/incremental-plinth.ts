// Plinth as `plinth serve` runs it: one Site in this process, built once, then updated with
// each saved file. The time measured is the dev server's: from the saved file to its pages
// rendered and in memory, after which the server sends the reload.

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "../src/engine/build.js";
import { Site } from "../src/engine/site.js";
import { MemoryWriter } from "../src/write/memory-writer.js";
import { compareOutputs, type OutputDifference } from "./incremental-check.js";

export interface PlinthEditTiming {
  /** `site.update([file])`, from call to return. */
  ms: number;
  /** Pages the update rendered. */
  rendered: number;
  /** Output files whose content is new or different. */
  changed: number;
  removed: number;
  /** True when the update fell back to a full build. */
  full: boolean;
}

export class PlinthSession {
  private constructor(
    private readonly site: Site,
    private readonly siteDir: string,
  ) {}

  /** Builds `siteDir` once, as the dev server does on start, and resolves with that build's time. */
  static async start(siteDir: string): Promise<{ session: PlinthSession; initialMs: number; outputs: number }> {
    const site = new Site({ cwd: siteDir, runMode: "serve" });
    const started = performance.now();
    await site.build();
    return { session: new PlinthSession(site, siteDir), initialMs: performance.now() - started, outputs: site.memory.files.size };
  }

  /** Saves `text` to `file` (relative to the site), then times the update. */
  async timeSave(file: string, text: string): Promise<PlinthEditTiming> {
    const absolute = path.join(this.siteDir, file);
    await writeFile(absolute, text);
    const started = performance.now();
    const update = await this.site.update([absolute]);
    const ms = performance.now() - started;
    return { ms, rendered: update.result.rendered, changed: update.changed.length, removed: update.removed.length, full: update.full };
  }

  /** The current output of `relative`, as served. */
  read(relative: string): string | undefined {
    return this.site.memory.read(relative);
  }

  get outputs(): ReadonlyMap<string, string | Buffer> {
    return this.site.memory.files;
  }

  /** Builds the site as it is now from nothing and compares that with what the updates left. */
  async checkAgainstFullBuild(): Promise<OutputDifference> {
    const writer = new MemoryWriter();
    await build({ cwd: this.siteDir, runMode: "serve", writer });
    return compareOutputs(writer.files, this.site.memory.files);
  }
}
