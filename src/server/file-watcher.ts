/**
 * Watches the site's sources and reports each burst of changes once: saves that arrive within
 * `debounceMs` of each other become one call with every path touched (created, changed,
 * renamed or deleted, files and folders). node_modules, .git, the output folder and editor
 * swap files are never watched, so neither their size nor the server's own writes cost a rebuild.
 */
import path from "node:path";
import chokidar, { type FSWatcher } from "chokidar";
import { isInside } from "../engine/project-paths.js";

export interface FileWatcherOptions {
  cwd: string;
  /** Folders whose contents are never reported, such as the output folder. */
  ignoreInside: () => readonly string[];
  /** Quiet time that ends a burst of changes. Default 30 ms. */
  debounceMs?: number;
  /** Called with the absolute paths of one burst. */
  onChange: (paths: string[]) => void;
  onError: (error: Error) => void;
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
// vim's swap files and write probe, Emacs lock and backup files.
const EDITOR_TEMP = /(\.sw[a-p]|~|^4913)$|^\.#/;

export function isIgnoredPath(absolute: string, options: Pick<FileWatcherOptions, "cwd" | "ignoreInside">): boolean {
  if (options.ignoreInside().some((folder) => isInside(folder, absolute))) return true;
  const segments = path.relative(options.cwd, absolute).split(path.sep);
  if (segments.some((segment) => SKIPPED_FOLDERS.has(segment))) return true;
  return EDITOR_TEMP.test(path.basename(absolute));
}

export class FileWatcher {
  private readonly watcher: FSWatcher;
  private readonly roots = new Set<string>();
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly ready: Promise<void>;

  constructor(
    roots: readonly string[],
    private readonly options: FileWatcherOptions,
  ) {
    for (const root of roots) this.roots.add(root);
    this.watcher = chokidar.watch([...this.roots], {
      ignoreInitial: true,
      disableGlobbing: true,
      ignored: (p: string) => isIgnoredPath(path.resolve(p), options),
    });
    this.ready = new Promise((resolve) => this.watcher.once("ready", () => resolve()));
    this.watcher.on("all", (_event, p) => this.note(path.resolve(p)));
    this.watcher.on("error", (error: unknown) => options.onError(error instanceof Error ? error : new Error(String(error))));
  }

  /** Resolves once the first scan is done: changes after this are reported. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The folders and files watched now. */
  get watched(): string[] {
    return [...this.roots];
  }

  /** Watches exactly `roots` from now on (the config may have added or dropped watch targets). */
  setRoots(roots: readonly string[]): void {
    const next = new Set(roots);
    const added = [...next].filter((r) => !this.roots.has(r));
    const dropped = [...this.roots].filter((r) => !next.has(r));
    if (dropped.length) this.watcher.unwatch(dropped);
    if (added.length) this.watcher.add(added);
    this.roots.clear();
    for (const root of next) this.roots.add(root);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher.close();
  }

  private note(absolute: string): void {
    this.pending.add(absolute);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const paths = [...this.pending];
      this.pending = new Set();
      this.options.onChange(paths);
    }, this.options.debounceMs ?? 30);
  }
}

/**
 * The smallest set of roots covering `paths`: a path inside another one adds nothing.
 *
 * @example
 * coveringRoots(["/site", "/site/_includes", "/shared"]) // ["/shared", "/site"]
 */
export function coveringRoots(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths.map((p) => path.resolve(p)))].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((root) => isInside(root, p))) out.push(p);
  return out;
}
