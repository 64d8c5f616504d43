/**
 * Writes a build to the output folder once the whole build has succeeded, so a failed build
 * leaves the previous output as it was. A manifest of what Plinth wrote last time lets it skip
 * files whose content has not changed, copy only changed passthrough files, and remove pages
 * that no longer exist, without ever touching files it did not write.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { copyFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { contentHash } from "../util/content-hash.js";
import { statAll } from "../util/stat-all.js";
import { FreshFolder } from "./fresh-folder.js";
import type { CommitScope, OutputWriter, WriteSummary } from "./output-writer.js";

interface ManifestEntry {
  /** Content hash for pages; `size:mtime` of the source for copies. */
  stamp: string;
  /** Size and mtime of the output file as Plinth left it: a different size or a newer mtime means something else changed it. */
  out?: [number, number];
}

function fileStamp(file: string): [number, number] | undefined {
  try {
    const st = statSync(file);
    return [st.size, st.mtimeMs];
  } catch {
    return undefined;
  }
}

type Manifest = Record<string, ManifestEntry>;

/** Where Plinth keeps what it knows between builds: node_modules/.cache like other tools, or the temp folder. */
export function cacheFile(cwd: string, outputDir: string, kind: "output" | "build" | "pages" | "sources" | "check-external"): string {
  const key = createHash("sha1").update(outputDir).digest("hex").slice(0, 16);
  const cacheRoot = existsSync(path.join(cwd, "node_modules")) ? path.join(cwd, "node_modules", ".cache", "plinth") : path.join(os.tmpdir(), "plinth-cache");
  return path.join(cacheRoot, `${kind}-${key}.${kind === "sources" ? "bin" : "json"}`);
}

/** Creates folders parents first; most exist or need one call, so `recursive` is the fallback. */
function makeFolders(dirs: Iterable<string>): void {
  for (const dir of [...dirs].sort()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") mkdirSync(dir, { recursive: true });
      else if (code !== "EEXIST") throw error;
    }
  }
}

function readManifest(file: string): Manifest {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Manifest;
  } catch {
    return {};
  }
}

async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

let lastWritten: { file: string; stamp: string; paths: Set<string> } | undefined;

/**
 * The output-relative paths of the files Plinth wrote into `outputDir` in its last build there.
 * The dev server asks at every request its build in memory cannot answer, so the manifest is
 * parsed again only when it changed.
 */
export function filesWrittenByPlinth(outputDir: string, cwd: string): Set<string> {
  const file = cacheFile(cwd, outputDir, "output");
  const now = fileStamp(file);
  const stamp = now ? now.join(":") : "none";
  if (lastWritten?.file === file && lastWritten.stamp === stamp) return lastWritten.paths;
  const paths = new Set(Object.keys(readManifest(file)));
  lastWritten = { file, stamp, paths };
  return paths;
}

/**
 * A stamp of the output folder as Plinth last left it, or undefined when any file Plinth wrote
 * there is gone or was changed by something else since.
 */
export function intactOutputStamp(outputDir: string, cwd: string, options: { trustWriter?: boolean } = {}): string | undefined {
  let text: string;
  let manifest: Manifest;
  try {
    text = readFileSync(cacheFile(cwd, outputDir, "output"), "utf8");
    // Right after a commit, the manifest describes the folder as the writer left it.
    if (options.trustWriter) return contentHash(text);
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return undefined;
  }
  for (const [relative, entry] of Object.entries(manifest)) {
    const now = entry.out && fileStamp(path.join(outputDir, relative));
    if (!now || !entry.out || now[0] !== entry.out[0] || now[1] > entry.out[1]) return undefined;
  }
  return contentHash(text);
}

/**
 * Whether an output is as Plinth's last commit left it: listed in its manifest, there, the same
 * size and not written since. Every output the manifest lists is stat'ed at once on libuv's
 * threads when this is called, so a build asks early, renders meanwhile, and reads the answer
 * once it knows which pages keep their output.
 */
export async function untouchedOutputs(outputDir: string, cwd: string): Promise<(relative: string) => boolean> {
  const manifest = readManifest(cacheFile(cwd, outputDir, "output"));
  const listed: [string, [number, number]][] = [];
  for (const [relative, entry] of Object.entries(manifest)) if (entry.out) listed.push([relative, entry.out]);
  const found = await statAll(listed.map(([relative]) => path.join(outputDir, relative)));
  const untouched = new Set<string>();
  listed.forEach(([relative, [size, mtimeMs]], index) => {
    const now = found[index];
    if (now && now.size === size && now.mtimeMs <= mtimeMs) untouched.add(relative);
  });
  return (relative) => untouched.has(relative);
}

export class DiskWriter implements OutputWriter {
  private readonly pages = new Map<string, string>();
  private readonly copies = new Map<string, string>();
  private readonly removals = new Set<string>();
  /** Outputs of the last build left as they are by a build that did not render their pages again. */
  private readonly kept = new Set<string>();
  private readonly manifestPath: string;
  /** Decided at the first write of each commit: a staging folder when the output folder does not exist. */
  private fresh?: FreshFolder | null;
  /** Pages handed to the staging folder's writing thread, which also fingerprints them. */
  private readonly freshPages = new Set<string>();

  constructor(
    private readonly outputDir: string,
    cwd: string,
  ) {
    this.manifestPath = cacheFile(cwd, outputDir, "output");
  }

  writeFile(relative: string, content: string): void {
    if (this.fresh === undefined) this.fresh = FreshFolder.claim(this.outputDir) ?? null;
    if (this.fresh) {
      this.fresh.write(relative, content);
      this.freshPages.add(relative);
    } else this.pages.set(relative, content);
  }

  ready(): Promise<void> | undefined {
    return this.fresh ? this.fresh.ready() : undefined;
  }

  /** Until the commit: pages into an existing folder wait in memory; into a new one they are read from the staging folder once written. */
  canReadBack(relative: string): boolean {
    return this.fresh ? this.fresh.isWritten(relative) : this.pages.has(relative);
  }

  readBack(relative: string): string | undefined {
    return this.fresh ? this.fresh.readBack(relative) : this.pages.get(relative);
  }

  copyFile(source: string, relative: string): void {
    this.copies.set(relative, source);
  }

  removeFile(relative: string): void {
    this.removals.add(relative);
  }

  keepFile(relative: string): void {
    this.kept.add(relative);
  }

  async discard(): Promise<void> {
    await this.fresh?.discard();
    this.reset();
  }

  private reset(): void {
    this.fresh = undefined;
    this.freshPages.clear();
    this.pages.clear();
    this.copies.clear();
    this.removals.clear();
    this.kept.clear();
  }

  /** The first build into a new folder: everything was written to the staging folder, which now takes its place. */
  private async commitFresh(fresh: FreshFolder): Promise<WriteSummary> {
    // A new folder holds nothing to keep: a build that kept outputs has checked they exist.
    if (this.kept.size) throw new PlinthError("OutputWrite", `Writing to ${this.outputDir} failed: ${this.kept.size} outputs were to be kept in a folder that does not exist.`);
    const next: Manifest = {};
    for (const [relative, source] of this.copies) {
      const st = statSync(source);
      next[relative] = { stamp: `${st.size}:${st.mtimeMs}` };
      fresh.copy(source, relative);
    }
    try {
      for (const [relative, { out, stamp }] of await fresh.settle()) next[relative] = { stamp: stamp ?? next[relative]!.stamp, out };
      await fresh.publish();
    } catch (cause) {
      await fresh.discard();
      throw new PlinthError("OutputWrite", `Writing to ${this.outputDir} failed: ${(cause as Error).message}`, { cause });
    }
    mkdirSync(path.dirname(this.manifestPath), { recursive: true });
    await writeFile(this.manifestPath, JSON.stringify(next));
    const summary: WriteSummary = { written: this.freshPages.size, copied: this.copies.size, unchanged: 0, removed: 0 };
    this.reset();
    return summary;
  }

  async commit(scope: CommitScope = "complete"): Promise<WriteSummary> {
    if (this.fresh === undefined && this.copies.size > 0) this.fresh = FreshFolder.claim(this.outputDir) ?? null;
    if (this.fresh) return this.commitFresh(this.fresh);
    const previous = readManifest(this.manifestPath);
    // Only files Plinth wrote are ever removed: those in the manifest.
    const next: Manifest = scope === "complete" ? {} : { ...previous };
    if (scope === "changes") for (const relative of this.removals) if (!this.pages.has(relative) && !this.copies.has(relative)) delete next[relative];
    for (const relative of this.kept) {
      const before = previous[relative];
      if (before && !this.pages.has(relative) && !this.copies.has(relative)) next[relative] = before;
    }
    const summary: WriteSummary = { written: 0, copied: 0, unchanged: 0, removed: 0 };
    const dirs = new Set<string>();
    const toWrite: [string, string][] = [];
    const toCopy: [string, string][] = [];

    // A file is left alone only if its content is the same and nobody else touched it since.
    const untouched = (relative: string, stamp: string): boolean => {
      const before = previous[relative];
      if (before?.stamp !== stamp || !before.out) return false;
      const now = fileStamp(path.join(this.outputDir, relative));
      return now !== undefined && now[0] === before.out[0] && now[1] <= before.out[1];
    };
    for (const [relative, content] of this.pages) {
      const stamp = contentHash(content);
      next[relative] = { stamp, out: previous[relative]?.out };
      if (untouched(relative, stamp)) summary.unchanged++;
      else toWrite.push([relative, content]);
    }
    for (const [relative, source] of this.copies) {
      const st = statSync(source);
      const stamp = `${st.size}:${st.mtimeMs}`;
      next[relative] = { stamp, out: previous[relative]?.out };
      if (untouched(relative, stamp)) summary.unchanged++;
      else toCopy.push([relative, source]);
    }
    for (const [relative] of [...toWrite, ...toCopy]) dirs.add(path.dirname(path.join(this.outputDir, relative)));
    try {
      // Synchronous on purpose: nothing else runs now, and it avoids a promise per file.
      makeFolders(dirs);
      for (const [relative, content] of toWrite) {
        const file = path.join(this.outputDir, relative);
        writeFileSync(file, content);
        next[relative]!.out = fileStamp(file);
        summary.written++;
      }
      await eachLimited(toCopy, 16, async ([relative, source]) => {
        const file = path.join(this.outputDir, relative);
        await copyFile(source, file);
        next[relative]!.out = fileStamp(file);
        summary.copied++;
      });
      for (const relative of Object.keys(previous)) {
        if (!(relative in next)) {
          await rm(path.join(this.outputDir, relative), { force: true });
          summary.removed++;
        }
      }
    } catch (cause) {
      throw new PlinthError("OutputWrite", `Writing to ${this.outputDir} failed: ${(cause as Error).message}`, { cause });
    }
    mkdirSync(path.dirname(this.manifestPath), { recursive: true });
    await writeFile(this.manifestPath, JSON.stringify(next));
    this.reset();
    return summary;
  }
}
