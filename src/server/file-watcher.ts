/**
 * Watches the site's sources and reports each burst of changes once: saves that arrive within
 * `debounceMs` of each other become one call with every path touched (created, changed,
 * renamed or deleted, files and folders). node_modules, .git, the output folder and editor
 * swap files are never watched, so neither their size nor the server's own writes cost a rebuild.
 */
import { Worker } from "node:worker_threads";
import { isIgnoredPath, type IgnoreOptions } from "./watch-ignore.js";
import type { WatchReport, WatchRequest } from "./watch-worker.js";

export { isIgnoredPath } from "./watch-ignore.js";

export interface FileWatcherOptions extends IgnoreOptions {
  /** Quiet time that ends a burst of changes. Default 10 ms: an editor's delete-and-rename save arrives within a millisecond or two. */
  debounceMs?: number;
  /** Called with the absolute paths of one burst. */
  onChange: (paths: string[]) => void;
  onError: (error: Error) => void;
}

/** The folders are watched on a thread of its own (watch-worker.ts); bursts are gathered here. */
export class FileWatcher {
  private readonly roots = new Set<string>();
  private readonly worker: Worker;
  private generation = 0;
  private readonly waiting = new Map<number, () => void>();
  private ready: Promise<void>;
  private closed?: Promise<void>;
  private pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    roots: readonly string[],
    private readonly options: FileWatcherOptions,
  ) {
    this.worker = new Worker(new URL("./watch-worker.js", import.meta.url), { workerData: { cwd: options.cwd } });
    this.worker.on("message", (message: WatchReport) => this.receive(message));
    this.worker.on("error", (error) => options.onError(error));
    for (const root of roots) this.roots.add(root);
    this.ready = this.watch();
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
    this.ready = this.watch();
  }

  close(): Promise<void> {
    clearTimeout(this.timer);
    this.closed ??= new Promise<void>((resolve) => {
      this.worker.once("exit", () => resolve());
      this.send({ kind: "close" });
    });
    return this.closed;
  }

  private send(request: WatchRequest): void {
    this.worker.postMessage(request);
  }

  private watch(): Promise<void> {
    const generation = ++this.generation;
    const ready = new Promise<void>((resolve) => this.waiting.set(generation, resolve));
    this.send({ kind: "watch", roots: [...this.roots], ignoreInside: [...this.options.ignoreInside()], generation });
    return ready;
  }

  private receive(message: WatchReport): void {
    if (message.kind === "event") {
      // The output folder may have moved since the thread was told: check again here.
      if (!isIgnoredPath(message.path, this.options)) this.note(message.path);
    } else if (message.kind === "ready") {
      this.waiting.get(message.generation)?.();
      this.waiting.delete(message.generation);
    } else if (message.kind === "error") this.options.onError(new Error(message.message));
  }

  private note(absolute: string): void {
    this.pending.add(absolute);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const paths = [...this.pending];
      this.pending = new Set();
      this.options.onChange(paths);
    }, this.options.debounceMs ?? 10);
  }
}
