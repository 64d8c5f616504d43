/**
 * Every core for every site: a full build renders its pages on the main thread and on render
 * threads (render-worker.ts) together. Filters, shortcodes and Markdown libraries are functions
 * and cannot cross threads, so each render thread loads the site's config and makes the same
 * pages from the same inputs; the main thread then hands out batches of pages by index, renders
 * batches itself meanwhile, and takes back each page's content and output (two strings).
 * Sending the pages' data instead would cost a structured clone of every page's cascade, which
 * holds functions and class instances that a clone drops or refuses. Making it again costs a
 * thread about twice the main thread's time before rendering (it loads its modules afresh), so
 * a thread starts before the main thread reads the site, and joins while it renders.
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
import type { PlinthError } from "../../errors/plinth-error.js";
import type { BuildState } from "../build-state.js";
import type { Page } from "../page-model.js";
import type { RenderContext } from "../render.js";
import { scan } from "../scan.js";
import { PoolRun, type Thread, type ThreadOwner } from "./pool-run.js";
import { debugThreads, pagesAllowThreads, planThreads } from "./thread-plan.js";
import type { FromWorker, WorkerSetup } from "./wire.js";

const pools = new WeakMap<BuildState, RenderPool>();

/** The render threads of one build: started, told apart when they load other pages, and ended. */
class RenderPool implements ThreadOwner {
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
