/**
 * One build's render over the render threads: the batches of pages, which thread has which,
 * the main thread's own batches meanwhile, and the hand-over to the writer in batch order.
 * At the end, the pages that waited for content rendered elsewhere render here.
 */
import type { Worker } from "node:worker_threads";
import { PlinthError } from "../../errors/plinth-error.js";
import type { Page } from "../page-model.js";
import { renderAllContent, renderAllOutput, renderOrder, type RenderContext } from "../render.js";
import { debugThreads } from "./thread-plan.js";
import { fromWire, siteFingerprint, type FromWorker, type ToWorker } from "./wire.js";

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

export interface Thread {
  worker: Worker;
  state: "loading" | "ready" | "gone";
  fingerprint?: string;
  inFlight: Map<number, number[]>;
}

/** What a run needs of the pool that owns the threads. */
export interface ThreadOwner {
  drop(thread: Thread): void;
  /** Whether a thread may still take batches. */
  alive(): boolean;
  stop(): void;
}

/** One build's render over the pool: the batches, who has which, and the hand-over in batch order. */
export class PoolRun {
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
    private readonly pool: ThreadOwner,
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
