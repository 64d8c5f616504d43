/**
 * Every core for every site: a full build renders its pages on the main thread and on render
 * threads (render-worker.ts) together. Filters, shortcodes and Markdown libraries are functions
 * and cannot cross threads, so each render thread loads the site's config and makes the same
 * pages from the same inputs; the main thread then hands out batches of pages by index, renders
 * batches itself meanwhile, and takes back each page's content and output (two strings).
 * Sending the pages' data instead would cost a structured clone of every page's cascade, which
 * holds functions and class instances that a clone drops or refuses; making it again costs each
 * thread about what it costs the main thread, in parallel, and a thread starts before the main
 * thread reads the site, so that it is ready about when the main thread starts rendering.
 *
 * What stays on the main thread:
 * - everything before rendering (config, data, collections, pagination) and after it (the
 *   writer, html-relative copies, `eleventy.before` and `eleventy.after`); render threads make
 *   their own copies of the pages only to render them;
 * - pages that show another page's content (`templateContent` in feeds and listings, in their
 *   body or a layout) when that page rendered elsewhere: a batch hands back what it cannot
 *   finish (the render reports "too early"), and the main thread renders those at the end,
 *   with every page's content at hand;
 * - whole builds that would not be the same on several threads: dev server updates (they
 *   record each page's reads; single-threaded, they render a few pages), computed data that
 *   reads collections (it completes pages while they render), sites that listen to
 *   `eleventy.before` (a thread would repeat or miss the listener's work), and small sites
 *   (see thread-plan.ts, which says why in each case).
 *
 * The output equals a single-threaded build's: each page's output comes from one thread, made
 * from the same inputs, and a render thread that made another page list or loaded other global
 * data (a data file that gives the time) is not used. Pages go to the writer in batch order,
 * which follows the single-threaded order, and errors come in batch order with the file, line
 * and code frame the thread found. What a config file or a JavaScript data file does besides
 * returning values (printing, fetching) happens once per thread.
 *
 * Scaling: the render phase divides by the threads; the phases before it do not (each thread
 * repeats them), nor do the pages that wait for others' content, and each thread holds its own
 * copy of the site's data, so memory grows by about that much per thread.
 */
import { Worker } from "node:worker_threads";
import { PlinthError } from "../../errors/plinth-error.js";
import type { BuildState } from "../build-state.js";
import type { Page } from "../page-model.js";
import { scan } from "../scan.js";
import { renderAllContent, renderAllOutput, renderOrder, type RenderContext } from "../render.js";
import { debugThreads, pagesAllowThreads, planThreads } from "./thread-plan.js";
import { fromWire, siteFingerprint, type FromWorker, type ToWorker, type WorkerSetup } from "./wire.js";

/** Batches a render thread has at once: the next one waits there while the main thread reads the last reply. */
const IN_FLIGHT = 2;

/** Pages the threads may hand back before the main thread asks whether sending them more pays. */
const MIN_HANDED_BACK = 32;

interface Outcome {
  laidOut: Page[];
  /** Pages waiting for content rendered elsewhere: rendered whole at the end. */
  deferred: Page[];
  /** Pages with content whose layouts wait for content not rendered yet (main thread only). */
  layoutLater: Page[];
  errors: PlinthError[];
}

interface Thread {
  worker: Worker;
  state: "loading" | "ready" | "gone";
  fingerprint?: string;
  inFlight: Map<number, number[]>;
}

const pools = new WeakMap<BuildState, RenderPool>();

class RenderPool {
  private readonly threads: Thread[] = [];
  private run?: PoolRun;
  private readonly started = performance.now();

  constructor(state: BuildState, count: number) {
    const { options, paths } = state;
    const setup: WorkerSetup = {
      cwd: paths.cwd,
      configPath: options.configPath,
      input: options.input,
      output: options.output,
      pathPrefix: options.pathPrefix,
      formats: options.formats,
      dryRun: options.dryRun,
      runMode: state.runMode,
    };
    for (let i = 0; i < count; i++) this.threads.push(this.spawn(setup));
  }

  private spawn(setup: WorkerSetup): Thread {
    const worker = new Worker(new URL("./render-worker.js", import.meta.url), {
      workerData: setup,
      // A config that looks at the command line (`process.argv.includes("--serve")`) sees the same flags.
      argv: process.argv.slice(2),
      stdout: true,
      stderr: true,
      // A small young generation: 20 MB less peak memory at 1,000 posts, for a few more quick collections.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    const thread: Thread = { worker, state: "loading", inFlight: new Map() };
    // What the thread prints while it loads the site, the main thread has printed already; what it prints while rendering is news.
    worker.stdout.on("data", (chunk: Buffer) => thread.state === "ready" && process.stdout.write(chunk));
    worker.stderr.on("data", (chunk: Buffer) => thread.state === "ready" && process.stderr.write(chunk));
    worker.on("message", (message: FromWorker) => this.onMessage(thread, message));
    const gone = (why: string): void => {
      if (thread.state === "gone") return;
      thread.state = "gone";
      debugThreads(`a render thread stopped: ${why}`);
      this.run?.lost(thread);
    };
    worker.on("error", (error) => gone(error.message));
    worker.on("exit", (code) => gone(`exit code ${code}`));
    worker.unref();
    return thread;
  }

  private onMessage(thread: Thread, message: FromWorker): void {
    if (message.type === "unusable") {
      debugThreads(`a render thread is not used: ${message.reason}`);
      this.drop(thread);
    } else if (message.type === "ready") {
      debugThreads(`a render thread is ready, ${Math.round(performance.now() - this.started)} ms after it started`);
      thread.fingerprint = message.fingerprint;
      thread.state = "ready";
      this.run?.joined(thread);
    } else this.run?.answered(thread, message);
  }

  drop(thread: Thread): void {
    if (thread.state !== "gone") {
      thread.state = "gone";
      this.run?.lost(thread);
    }
    void thread.worker.terminate();
  }

  /** Whether a thread may still take batches. */
  alive(): boolean {
    return this.threads.some((thread) => thread.state !== "gone");
  }

  stop(): void {
    for (const thread of this.threads) this.drop(thread);
  }

  async render(pages: Page[], ctx: RenderContext, errors: PlinthError[], globalData: unknown): Promise<void> {
    this.run = new PoolRun(this, pages, ctx, errors, globalData);
    for (const thread of this.threads) if (thread.state === "ready") this.run.joined(thread);
    await this.run.finish();
  }
}

/** One build's render over the pool: the batches, who has which, and the hand-over in batch order. */
class PoolRun {
  private readonly batches: number[][] = [];
  private next = 0;
  private readonly requeued: number[] = [];
  private readonly outcomes: (Outcome | undefined)[] = [];
  private flushed = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly fingerprint: string;
  private readonly threads = new Set<Thread>();
  private wake?: () => void;
  private readonly rendered = { main: 0, threads: 0, handedBack: 0 };
  private readonly deferred: Page[] = [];
  private readonly layoutLater: Page[] = [];
  private readonly leaveToThreads = process.env.PLINTH_THREADS_MAIN === "wait";
  private readonly began = performance.now();

  constructor(
    private readonly pool: RenderPool,
    private readonly pages: Page[],
    private readonly ctx: RenderContext,
    private readonly errors: PlinthError[],
    globalData: unknown,
  ) {
    this.fingerprint = siteFingerprint(pages, globalData);
    const indexOf = new Map(pages.map((page, index) => [page, index]));
    const order = renderOrder(pages).map((page) => indexOf.get(page)!);
    // Small batches keep the end of the build short, where the main thread waits for the threads' last ones.
    const size = Math.max(4, Math.min(32, Math.round(pages.length / 64)));
    for (let i = 0; i < order.length; i += size) this.batches.push(order.slice(i, i + size));
  }

  joined(thread: Thread): void {
    if (thread.fingerprint !== this.fingerprint) {
      debugThreads("a render thread made other pages or loaded other global data (a data file that gives the time?); it is not used");
      this.pool.drop(thread);
      return;
    }
    this.threads.add(thread);
    thread.worker.ref();
    this.feed(thread);
    this.wake?.();
  }

  /**
   * A site whose pages mostly show others' content (a layout that shows the newest post's) would
   * have its threads hand back most of what they are sent, and the main thread render it again:
   * once the threads have handed back more pages than they rendered, they get no more.
   */
  private threadsPay(): boolean {
    const { threads, handedBack } = this.rendered;
    return handedBack < MIN_HANDED_BACK || handedBack <= threads;
  }

  private feed(thread: Thread): void {
    while (thread.state === "ready" && thread.inFlight.size < IN_FLIGHT && this.next < this.batches.length && this.threadsPay()) {
      const batch = this.next++;
      thread.inFlight.set(batch, this.batches[batch]!);
      thread.worker.postMessage({ type: "render", batch, indices: this.batches[batch]! } satisfies ToWorker);
    }
  }

  lost(thread: Thread): void {
    // Its batches render on the main thread instead.
    for (const batch of thread.inFlight.keys()) this.requeued.push(batch);
    thread.inFlight.clear();
    this.threads.delete(thread);
    this.wake?.();
  }

  answered(thread: Thread, message: Extract<FromWorker, { type: "done" }>): void {
    if (!thread.inFlight.delete(message.batch)) return;
    const outcome: Outcome = { laidOut: [], deferred: [], layoutLater: [], errors: message.errors.map(fromWire) };
    for (const result of message.results) {
      const page = this.pages[result.index]!;
      page.content = result.content;
      if (!result.laidOut) continue;
      page.output = result.output;
      page.skipsWrite = result.skipsWrite;
      outcome.laidOut.push(page);
    }
    this.rendered.threads += message.results.length;
    const paid = this.threadsPay();
    this.rendered.handedBack += message.deferred.length;
    if (paid && !this.threadsPay()) debugThreads(`render threads handed back ${this.rendered.handedBack} pages and rendered ${this.rendered.threads}: the main thread renders the rest`);
    outcome.deferred = message.deferred.map((index) => this.pages[index]!);
    this.addCopies(message.copies, outcome.errors);
    this.feed(thread);
    this.settle(message.batch, outcome);
  }

  /** html-relative copies found on a thread, checked against the others as the main thread would. */
  private addCopies(copies: [string, string][], errors: PlinthError[]): void {
    const known = this.ctx.config.renderedCopies;
    for (const [target, source] of copies) {
      const earlier = known.get(target);
      if (earlier && earlier.source !== source) errors.push(new PlinthError("DuplicateOutput", `${earlier.source} and ${source} would both be copied to ${target} (html-relative passthrough copy).`));
      else known.set(target, { source, target });
    }
  }

  private settle(batch: number, outcome: Outcome): void {
    this.outcomes[batch] = outcome;
    this.flushing = this.flushing.then(() => this.flush());
    this.wake?.();
  }

  /** Hands finished pages to the writer, and their errors to the build, in batch order. */
  private async flush(): Promise<void> {
    for (let outcome = this.outcomes[this.flushed]; outcome; outcome = this.outcomes[this.flushed]) {
      this.outcomes[this.flushed++] = undefined;
      this.errors.push(...outcome.errors);
      for (const page of outcome.laidOut) await this.ctx.onOutput?.(page);
      this.deferred.push(...outcome.deferred);
      this.layoutLater.push(...outcome.layoutLater);
    }
  }

  private async renderHere(batch: number): Promise<void> {
    const pages = this.batches[batch]!.map((index) => this.pages[index]!);
    const outcome: Outcome = { laidOut: [], deferred: [], layoutLater: [], errors: [] };
    const failed = new Set<Page>();
    const ctx: RenderContext = { ...this.ctx, onOutput: (page) => void outcome.laidOut.push(page) };
    const waiting = await renderAllContent(pages, ctx, outcome.errors, true, { onStuck: (stuck) => outcome.deferred.push(...stuck), failed });
    const stuck = new Set(outcome.deferred);
    outcome.layoutLater = waiting.filter((page) => !stuck.has(page) && !failed.has(page) && page.content !== undefined);
    this.rendered.main += pages.length - outcome.deferred.length;
    this.settle(batch, outcome);
    await this.flushing;
  }

  async finish(): Promise<void> {
    try {
      for (;;) {
        // PLINTH_THREADS_MAIN=wait leaves every batch to the threads while one lives: tests use it to be sure threads render.
        const mine = this.next < this.batches.length && !(this.leaveToThreads && this.pool.alive() && this.threadsPay());
        const batch = this.requeued.shift() ?? (mine ? this.next++ : undefined);
        if (batch !== undefined) {
          await this.renderHere(batch);
          // Lets the threads' replies in, so they get their next batches while this thread renders.
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        if (this.next >= this.batches.length && ![...this.threads].some((thread) => thread.inFlight.size > 0)) break;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
      await this.flushing;
    } finally {
      this.pool.stop();
    }
    debugThreads(`render: ${Math.round(performance.now() - this.began)} ms; rendered ${this.rendered.main} pages here, ${this.rendered.threads} on render threads, ${this.deferred.length} waited for others' content`);
    const deferred = this.deferred.sort((a, b) => a.order - b.order);
    const later = await renderAllContent(deferred, this.ctx, this.errors, true);
    if (this.errors.length) return;
    await renderAllOutput([...this.layoutLater, ...later], this.ctx, this.errors);
  }
}

/**
 * Starts render threads for a full build that may use them, before its templates are read:
 * they load the site while the main thread reads and merges data. The templates are counted by
 * a scan of their own (a few milliseconds for thousands of files), so that a small site starts none.
 */
export function startRenderThreads(state: BuildState): void {
  const { paths, ignore, project } = state;
  const plan = planThreads(state, () => scan({ paths, ignore, templateExtensions: project.templateFormats }).templates.length);
  if ("reason" in plan) {
    debugThreads(`one thread: ${plan.reason}`);
    return;
  }
  debugThreads(`starting ${plan.workers} render thread${plan.workers === 1 ? "" : "s"}`);
  pools.set(state, new RenderPool(state, plan.workers));
  state.languages.stopPrerendering();
}

/** Renders a full build's pages on the threads started for it; false when there are none, or the pages rule them out. */
export async function renderOnThreads(state: BuildState, pages: Page[], errors: PlinthError[], onOutput?: (page: Page) => void | Promise<void>): Promise<boolean> {
  const pool = pools.get(state);
  if (!pool) return false;
  pools.delete(state);
  const reason = pagesAllowThreads(pages);
  if (reason) {
    debugThreads(`one thread: ${reason}`);
    pool.stop();
    return false;
  }
  const ctx: RenderContext = { languages: state.languages, config: state.config, displayPath: state.show, onOutput };
  await pool.render(pages, ctx, errors, state.globalData);
  return true;
}

/** Stops threads a build started and did not use (it failed before rendering). */
export function stopRenderThreads(state: BuildState): void {
  pools.get(state)?.stop();
  pools.delete(state);
}
