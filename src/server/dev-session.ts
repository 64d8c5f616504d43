/**
 * The build side of `plinth serve`: one Site, built once and then updated with each burst of
 * changed files, one build at a time (changes that arrive during a build wait for the next
 * one). It keeps whether the site is broken and what each good build changed, reports to the
 * terminal, and tells its listener so the server can push the news to the browsers.
 */
import type { UserConfig } from "../config/user-config.js";
import { Site, type SiteUpdate } from "../engine/site.js";
import type { SourceOverlay } from "../engine/template-source.js";
import { formatError } from "../errors/format-error.js";
import { BuildFailure, PlinthError, isPlinthError } from "../errors/plinth-error.js";
import { isInside } from "../engine/project-paths.js";
import type { OutputChanges } from "./live-reload-client.js";
import { watchTargetPaths } from "../engine/input-roots.js";

export interface DevSessionOptions {
  cwd: string;
  input?: string;
  output?: string;
  configPath?: string;
  pathPrefix?: string;
  /** Keep the output folder in step too (`--to-disk`). Default false. */
  toDisk?: boolean;
  /** Unsaved text read instead of template files (the studio's preview); see template-source.ts. */
  sourceOverlay?: SourceOverlay;
  /** The label of its terminal lines. Default `serve`. */
  label?: string;
  /** One line of progress, for stdout. */
  log: (line: string) => void;
  /** Error reports, for stderr. */
  logError: (text: string) => void;
}

export type BuildOutcome =
  | { ok: true; build: number; changes: OutputChanges; update: SiteUpdate }
  | { ok: false; errors: PlinthError[] };

/** How many good builds back a page that reconnects can ask what changed. */
const HISTORY = 200;

/** Any failure of a build as catalogued errors; the unexpected ones keep their stack for the terminal. */
export function buildErrors(error: unknown): PlinthError[] {
  if (error instanceof BuildFailure) return error.errors;
  if (isPlinthError(error)) return [error];
  const message = error instanceof Error ? error.message : String(error);
  return [new PlinthError("ServeBuildCrashed", message, { cause: error })];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function summarize(paths: readonly string[], limit = 4): string {
  const shown = paths.slice(0, limit).join(", ");
  return paths.length > limit ? `${shown}, … ${paths.length - limit} more` : shown;
}

export class DevSession {
  readonly site: Site;
  /** Number of good builds so far; pages carry the one they were served from. */
  build = 0;
  /** The errors of the last build, or null when it was good. */
  errors: PlinthError[] | null = null;
  /** The config as the last build loaded it: its watch targets and passthrough copies. */
  config?: UserConfig;
  private readonly history: { build: number; changes: OutputChanges }[] = [];
  private readonly listeners: ((outcome: BuildOutcome) => void)[] = [];
  private pending = new Set<string>();
  private running?: Promise<void>;
  /** Resolved when the batch now being gathered in `pending` has been built. */
  private nextBatch?: { done: Promise<void>; resolve: () => void };

  constructor(private readonly options: DevSessionOptions) {
    this.site = new Site({
      cwd: options.cwd,
      input: options.input,
      output: options.output,
      configPath: options.configPath,
      pathPrefix: options.pathPrefix,
      runMode: "serve",
      toDisk: options.toDisk,
      sourceOverlay: options.sourceOverlay,
      beforeConfig: (config) => {
        this.config = config;
      },
    });
  }

  private get label(): string {
    return this.options.label ?? "serve";
  }

  /** True once a build has succeeded, so there is output to serve. */
  get hasOutput(): boolean {
    return this.site.lastResult !== undefined;
  }

  onBuild(listener: (outcome: BuildOutcome) => void): void {
    this.listeners.push(listener);
  }

  /** The first, full build. */
  async start(): Promise<void> {
    await this.runBuild(() => this.site.build());
  }

  /** Queues changed files; they are built together as soon as the current build is over. */
  requestUpdate(paths: readonly string[]): void {
    for (const p of paths) this.pending.add(p);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /**
   * Queues changed files and resolves when the build that takes them in is over (good or not),
   * without waiting for builds queued after it: under a stream of changes `idle()` may not come soon.
   */
  updated(paths: readonly string[]): Promise<void> {
    if (!this.nextBatch) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      this.nextBatch = { done, resolve };
    }
    const { done } = this.nextBatch;
    this.requestUpdate(paths);
    return done;
  }

  /** Resolves when no build is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Every output path changed or removed after good build `since`, or null when that is too long ago to know. */
  changesSince(since: number): OutputChanges | null {
    if (since === this.build) return { changed: [], removed: [] };
    if (since > this.build || since < 0) return null;
    const entries = this.history.filter((entry) => entry.build > since);
    if (entries.length !== this.build - since) return null;
    const changed = new Set<string>();
    const removed = new Set<string>();
    for (const { changes } of entries) {
      for (const p of changes.changed) {
        changed.add(p);
        removed.delete(p);
      }
      for (const p of changes.removed) {
        removed.add(p);
        changed.delete(p);
      }
    }
    return { changed: [...changed], removed: [...removed] };
  }

  private async drain(): Promise<void> {
    while (this.pending.size) {
      const batch = [...this.pending];
      this.pending.clear();
      const waiting = this.nextBatch;
      this.nextBatch = undefined;
      try {
        await this.runBuild(() => (this.needsFullBuild(batch) ? this.site.build() : this.site.update(batch)));
      } finally {
        waiting?.resolve();
      }
    }
  }

  /**
   * Until a build has succeeded there is nothing to update incrementally; and a file under an
   * `addWatchTarget` may be read by any code (a data file, a filter), as Eleventy assumes too.
   */
  private needsFullBuild(batch: readonly string[]): boolean {
    if (!this.hasOutput) return true;
    const targets = watchTargetPaths(this.options.cwd, this.config);
    const paths = this.site.lastResult?.paths;
    const known = paths ? [paths.input, paths.includes, paths.layouts, paths.data] : [];
    return batch.some((file) => targets.some((target) => isInside(target, file)) && !known.some((folder) => isInside(folder, file)));
  }

  private async runBuild(run: () => Promise<SiteUpdate>): Promise<void> {
    const started = performance.now();
    const wasBroken = this.errors !== null;
    const initial = !this.hasOutput;
    let outcome: BuildOutcome;
    try {
      const update = await run();
      this.build++;
      this.errors = null;
      const changes = { changed: update.changed, removed: update.removed };
      this.history.push({ build: this.build, changes });
      if (this.history.length > HISTORY) this.history.shift();
      outcome = { ok: true, build: this.build, changes, update };
      this.reportGood(update, performance.now() - started, initial, wasBroken);
    } catch (error) {
      this.errors = buildErrors(error);
      outcome = { ok: false, errors: this.errors };
      this.reportBroken(error, this.errors);
    }
    for (const listener of this.listeners) {
      try {
        listener(outcome);
      } catch (error) {
        // The build itself went fine; a failing listener must not stop later builds.
        this.options.logError(`[${this.label}] internal error after a build — please report it:\n${(error as Error).stack ?? String(error)}\n`);
      }
    }
  }

  private reportGood(update: SiteUpdate, ms: number, initial: boolean, recovered: boolean): void {
    const { log } = this.options;
    if (initial) {
      const pages = update.result.pages.filter((p) => p.outputRelative !== false).length;
      log(`[${this.label}] ${recovered ? "Fixed. " : ""}Built ${plural(pages, "page")} and copied ${plural(update.result.passthroughCount, "file")} in ${(ms / 1000).toFixed(2)} s`);
      return;
    }
    const parts: string[] = [];
    if (update.changed.length) parts.push(`${plural(update.changed.length, "file")} written (${summarize(update.changed)})`);
    if (update.removed.length) parts.push(`${update.removed.length} removed (${summarize(update.removed)})`);
    const what = parts.length ? parts.join(", ") : "no output changed";
    log(`[${this.label}] ${recovered ? "Fixed. " : ""}${update.full ? "Rebuilt" : "Updated"} in ${Math.round(ms)} ms: ${what}`);
  }

  private reportBroken(error: unknown, errors: readonly PlinthError[]): void {
    const { logError } = this.options;
    for (const e of errors) {
      logError(`${formatError(e)}\n`);
      if (e.code === "ServeBuildCrashed" && error instanceof Error && error.stack) logError(`${error.stack}\n`);
    }
    const serving = this.hasOutput ? "still serving the last good build" : "nothing to serve until it builds";
    logError(`[${this.label}] Build failed with ${plural(errors.length, "error")}; ${serving}. Waiting for changes…\n`);
  }
}
