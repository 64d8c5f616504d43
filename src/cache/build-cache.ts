/**
 * The persistent build cache: when nothing a build reads has changed since the last build and
 * the output folder is as that build left it, there is nothing to do.
 *
 * What "nothing changed" covers, each checked every time:
 * - every file under the folders a build reads (input, includes, layouts, data, passthrough
 *   sources, watch targets), the config file and the project's own modules it imports, the
 *   package.json and the lockfiles (so a plugin upgrade counts), by stat and then content hash;
 * - the global data as loaded now (JavaScript data files and `addGlobalData` run every time, so
 *   data fetched or computed at build time is compared by value);
 * - the options, the resolved folders, the environment variables builds commonly read, the Node
 *   version and Plinth's own code;
 * - the output folder: every file Plinth wrote is still there, unchanged.
 *
 * Not covered: a filter or shortcode whose result depends on the clock or the network. Such a
 * site builds with `--no-cache`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildState } from "../engine/build-state.js";
import { stampOf } from "../engine/global-data.js";
import { watchRoots } from "../engine/input-roots.js";
import { cacheFile, intactOutputStamp } from "../write/disk-writer.js";
import { changedFiles, hashFile, isRacy, sameStats, statFiles, statFilesInParallel, type FileStamp, type Fingerprint } from "./file-fingerprint.js";
import { textAsRead } from "../engine/template-source.js";
import { contentHash } from "../util/content-hash.js";
import { localImports } from "./local-imports.js";

const FORMAT = 3;
/** Environment variables that configs and data files commonly branch on. */
const ENVIRONMENT = /^(?:ELEVENTY_|NODE_ENV$|TZ$|LANG$|LC_ALL$)/;

interface CacheRecord {
  format: number;
  /** Names this build; the page memory (page-memory.ts) written with it carries the same id. */
  id: string;
  key: string;
  dataStamp: string;
  recordedAt: number;
  /** [absolute path, size, mtimeMs, ctimeMs, sha1 or null] */
  files: [string, number, number, number, string | null][];
  output: string;
  pages: number;
  copied: number;
}

export interface CacheSummary {
  pages: number;
  copied: number;
}

/** What changed since the last build, when a build with the same options and environment was recorded. */
export interface CacheChanges {
  /** The last build's id. */
  id: string;
  /** Absolute paths of the files added, removed or changed. */
  files: string[];
  globalDataChanged: boolean;
}

export type CacheCheck = { hit: true; summary: CacheSummary } | { hit: false; reason: string; fingerprint: Fingerprint; recordedAt: number; changes?: CacheChanges };

let ownCodeStamp: string | undefined;

/** Plinth's compiled code by stat: a new version, or a rebuilt checkout, never reuses a cache. */
function plinthCodeStamp(): string {
  if (ownCodeStamp) return ownCodeStamp;
  const codeRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.name.endsWith(".js") && !entry.name.endsWith(".test.js")) {
        const st = statSync(abs);
        parts.push(`${path.relative(codeRoot, abs)}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(codeRoot);
  ownCodeStamp = contentHash(parts.sort().join("\n"));
  return ownCodeStamp;
}

function environmentStamp(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => ENVIRONMENT.test(name))
      .sort()
      .map((name) => [name, process.env[name]]),
  );
}

function cacheKey(state: BuildState): string {
  const { options, paths, project } = state;
  return contentHash(
    stampOf({
      format: FORMAT,
      node: process.version,
      plinth: plinthCodeStamp(),
      options: { input: options.input, output: options.output, config: options.configPath, pathPrefix: options.pathPrefix, formats: options.formats, runMode: state.runMode },
      paths,
      project,
      env: environmentStamp(),
    }),
  );
}

/** The config file, the folders a build reads, the lockfiles, and the project modules JavaScript there imports. */
async function fingerprintNow(state: BuildState): Promise<Fingerprint> {
  const { paths, config, options } = state;
  const roots = watchRoots({ cwd: paths.cwd, configPath: options.configPath, paths, config });
  roots.push(path.join(paths.cwd, "package-lock.json"), path.join(paths.cwd, "node_modules", ".package-lock.json"));
  const skip = [paths.output, path.dirname(cacheFile(paths.cwd, paths.output, "build"))];
  const stamps = await statFilesInParallel(roots, skip);
  const entries = [...stamps.keys()];
  if (state.loaded.configFile) entries.push(state.loaded.configFile);
  const extra = localImports(entries, paths.cwd).filter((file) => !stamps.has(file));
  for (const [file, stamp] of statFiles(extra, skip)) stamps.set(file, stamp);
  return stamps;
}

function readRecord(file: string): CacheRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as CacheRecord;
    return record.format === FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}

/** True when a build may use the cache: a site's listeners for the build's results rule it out. */
export function cacheApplies(state: BuildState): boolean {
  const { listeners, buildLocalListeners } = state.config;
  const wantsResults = ["eleventy.after", "eleventy.contentMap"].some((event) => (listeners.get(event) ?? []).some((listener) => !buildLocalListeners.has(listener)));
  return !state.options.dryRun && !state.options.writer && !wantsResults;
}

export class BuildCache {
  private readonly file: string;
  private readonly key: string;
  private readonly dataStamp: string;

  constructor(private readonly state: BuildState) {
    this.file = cacheFile(state.paths.cwd, state.paths.output, "build");
    this.key = cacheKey(state);
    this.dataStamp = stampOf(state.globalData);
  }

  async check(): Promise<CacheCheck> {
    const recordedAt = Date.now();
    // The last record is parsed while the stats are taken on other threads.
    const stats = fingerprintNow(this.state);
    const record = readRecord(this.file);
    const fingerprint = await stats;
    const miss = (reason: string, changes?: CacheChanges): CacheCheck => ({ hit: false, reason, fingerprint, recordedAt, changes });
    if (!record) return miss("no cache yet");
    if (record.key !== this.key) return miss("options, environment or Plinth changed");
    const recorded: Fingerprint = new Map(record.files.map(([file, size, mtimeMs, ctimeMs, hash]) => [file, { size, mtimeMs, ctimeMs, hash: hash ?? undefined }]));
    const { changed, hashed } = changedFiles(recorded, fingerprint, record.recordedAt);
    const globalDataChanged = record.dataStamp !== this.dataStamp;
    const changes: CacheChanges = { id: record.id, files: changed, globalDataChanged };
    if (changed.length) return miss(`${path.relative(this.state.paths.cwd, changed[0]!)} changed${changed.length > 1 ? ` (and ${changed.length - 1} more)` : ""}`, changes);
    if (globalDataChanged) return miss("global data changed", changes);
    if (intactOutputStamp(this.state.paths.output, this.state.paths.cwd) !== record.output) return miss("the output folder changed", changes);
    // Files proved unchanged by their content are recorded again with their stats as they are
    // now, so the next build trusts the stat instead of reading them once more.
    if (hashed > 0) {
      try {
        this.write({ ...record, recordedAt, files: recordedFiles(fingerprint, recordedAt, new Map()) });
      } catch {
        // Not refreshed: the next build reads those files again, nothing worse.
      }
    }
    return { hit: true, summary: { pages: record.pages, copied: record.copied } };
  }

  /** Forgets the last build, before output is written: a write that fails half way must not leave a record claiming it. */
  clear(): void {
    rmSync(this.file, { force: true });
  }

  /**
   * Records a successful build with `before`, the fingerprint taken before it read anything. A
   * file that changed while the build ran has moved from the stats recorded for it, so the next
   * build sees the change, with one exception: a file written just before the build is recorded
   * with a hash, and one hashed from disk now must still be as the build read it. If such a
   * file moved, nothing is recorded and the next build starts afresh.
   */
  save(before: Fingerprint, recordedAt: number, summary: CacheSummary, id: string): boolean {
    const texts = new Map<string, string>();
    for (const source of this.state.sources.values()) {
      // A recalled source's text, if read at all, was read after the fingerprint: it cannot vouch for the file.
      const text = source.virtual ? undefined : textAsRead(source);
      if (text !== undefined) texts.set(source.file, text);
    }
    const hashedFromDisk = [...before].filter(([file, stamp]) => !stamp.hash && isRacy(stamp, recordedAt) && !textMatches(texts.get(file), stamp));
    const now = statFiles(hashedFromDisk.map(([file]) => file), []);
    if (!sameStats(new Map(hashedFromDisk), now)) return false;
    // The writer has just recorded every file it wrote: no need to stat them all again.
    const output = intactOutputStamp(this.state.paths.output, this.state.paths.cwd, { trustWriter: true });
    if (output === undefined) return false;
    this.write({ format: FORMAT, id, key: this.key, dataStamp: this.dataStamp, recordedAt, files: recordedFiles(before, recordedAt, texts), output, ...summary });
    return true;
  }

  private write(record: CacheRecord): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(record));
  }
}

/** Whether the text the build read can stand for the file's bytes (the size tells a text read before a write apart). */
function textMatches(text: string | undefined, stamp: FileStamp): boolean {
  return text !== undefined && Buffer.byteLength(text) === stamp.size;
}

/**
 * The fingerprint as recorded: with the hash of every file whose stat cannot be trusted later
 * (written within the racy window), taken from the text the build read where it has it. Other
 * files are trusted by their stat; one whose stat moves later counts as changed.
 */
function recordedFiles(fingerprint: Fingerprint, recordedAt: number, texts: ReadonlyMap<string, string>): CacheRecord["files"] {
  const files: CacheRecord["files"] = [];
  for (const [file, stamp] of fingerprint) {
    let hash = stamp.hash;
    if (!hash && isRacy(stamp, recordedAt)) {
      const text = texts.get(file);
      hash = textMatches(text, stamp) ? contentHash(text!) : hashFile(file);
    }
    files.push([file, stamp.size, stamp.mtimeMs, stamp.ctimeMs, hash ?? null]);
  }
  return files;
}
