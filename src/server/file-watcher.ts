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
  private readonly roots = new Set<string>();
  /** Every chokidar instance still open: the current one, and an old one until its successor is ready. */
  private readonly open = new Set<FSWatcher>();
  private current: FSWatcher;
  private ready: Promise<void>;
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    roots: readonly string[],
    private readonly options: FileWatcherOptions,
  ) {
    for (const root of roots) this.roots.add(root);
    [this.current, this.ready] = this.watch([...this.roots]);
  }

  /** Resolves once the first scan is done: changes after this are reported. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The folders and files watched now. */
  get watched(): string[] {
    return [...this.roots];
  }

  /** Watches exactly `roots` from now on (the config may have moved folders or changed watch targets). */
  setRoots(roots: readonly string[]): void {
    const next = new Set(roots);
    if (next.size === this.roots.size && [...next].every((r) => this.roots.has(r))) return;
    this.roots.clear();
    for (const root of next) this.roots.add(root);
    // A new watcher rather than chokidar's add/unwatch: chokidar 3 keeps ignoring an unwatched
    // folder's whole tree even when part of it is added again, and says nothing when an added
    // path is ready. The old watcher reports until the new one is ready.
    const old = this.current;
    const [fresh, ready] = this.watch([...next]);
    this.current = fresh;
    this.ready = ready.then(() => this.closeOne(old));
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await Promise.all([...this.open].map((watcher) => this.closeOne(watcher)));
  }

  private watch(roots: string[]): [FSWatcher, Promise<void>] {
    const watcher = chokidar.watch(roots, {
      ignoreInitial: true,
      disableGlobbing: true,
      // The debounce below already merges an editor's delete-and-rename save into one burst;
      // chokidar's own merging would hold every deletion back by 100 ms.
      atomic: false,
      ignored: (p: string) => isIgnoredPath(path.resolve(p), this.options),
    });
    this.open.add(watcher);
    const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
    watcher.on("all", (_event, p) => this.note(path.resolve(p)));
    watcher.on("error", (error: unknown) => this.options.onError(error instanceof Error ? error : new Error(String(error))));
    return [watcher, ready];
  }

  private async closeOne(watcher: FSWatcher): Promise<void> {
    this.open.delete(watcher);
    await watcher.close();
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
