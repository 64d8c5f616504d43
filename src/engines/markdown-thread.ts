/**
 * Renders Markdown on a second thread (markdown-worker.ts) when a build has enough of it to
 * pay for the thread: the first pages render on the main thread, the rest go to the worker
 * while the main thread prepares the next ones. The result is the same as on the main thread,
 * the environment included: markdown-it's only use of it, the document's link references,
 * comes back with the HTML and lands in the page data as it would have.
 *
 * A full build also sends documents ahead, as their files are read (prerender): the worker
 * renders them while the main thread is still reading and merging data, and each page takes
 * its document's reply when it renders.
 */
import { Worker } from "node:worker_threads";
import { HELPER_THREAD_OPTIONS } from "../util/helper-thread.js";
import type { MarkdownReply, MarkdownRequest } from "./markdown-worker.js";

/** Renders done on the main thread before the worker starts: small sites and single updates never start it. */
const MAIN_THREAD_RENDERS = 200;

/** Documents sent ahead of their pages and not yet answered, at most. */
const EARLY_IN_FLIGHT = 256;

/**
 * Documents sent ahead and not yet taken by their pages, at most: rendering keeps this far
 * ahead of the pages, so a very large site does not hold every page's HTML from the start.
 */
const EARLY_AHEAD = 8192;

interface Reply {
  html: string;
  references?: Record<string, unknown>;
}

interface Waiting {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

export interface MarkdownRenderer {
  render(source: string, env?: unknown): string;
}

export class MarkdownThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private renders = 0;
  /** Documents given to prerender, by file: the text, and the reply once sent. */
  private readonly early = new Map<string, { text: string; sent?: { id: number; reply: Promise<Reply> } }>();
  private earlyQueue: string[] = [];
  private earlyNext = 0;
  private earlyInFlight = 0;
  private earlyUntaken = 0;
  private sendingAhead = true;

  constructor(
    private readonly fallback: MarkdownRenderer,
    private readonly mainThreadRenders = MAIN_THREAD_RENDERS,
  ) {}

  /**
   * A build that knows it will render more pages than the main thread takes starts the worker
   * now: it loads markdown-it while the main thread reads and merges data, and takes every page.
   */
  prepare(expectedRenders: number): void {
    if (expectedRenders > this.mainThreadRenders) this.worker ??= this.start();
  }

  /**
   * Queues a file's Markdown for the worker before its page exists, when the thread is running.
   * A document's HTML depends on its text alone (markdown-it reads nothing else from the page
   * but link references, which come back with it), so a large site's Markdown renders on the
   * second core while the main thread is still reading files. A few hundred go over at a time,
   * so the texts and their HTML do not pile up in the threads' message queues.
   */
  prerender(file: string, text: string): void {
    if (!this.worker || !this.sendingAhead || this.early.has(file)) return;
    this.early.set(file, { text });
    this.earlyQueue.push(file);
    this.sendEarly();
  }

  private sendEarly(): void {
    while (this.earlyInFlight < EARLY_IN_FLIGHT && this.earlyUntaken < EARLY_AHEAD && this.earlyNext < this.earlyQueue.length) {
      const entry = this.early.get(this.earlyQueue[this.earlyNext++]!);
      // Asked for by its page meanwhile, or forgotten.
      if (!entry || entry.sent) continue;
      const id = this.nextId;
      const reply = this.send(entry.text);
      this.earlyInFlight++;
      this.earlyUntaken++;
      const settled = (): void => {
        this.earlyInFlight--;
        this.sendEarly();
      };
      // A reply never asked for (the page needed Liquid first, the build failed) is no unhandled rejection.
      reply.then(settled, settled);
      entry.sent = { id, reply };
    }
  }

  /**
   * Sends no more documents ahead: render threads (src/engine/workers/) take part of the pages,
   * whose documents would be rendered here for nothing. Those already sent stay for their pages.
   */
  stopSendingAhead(): void {
    for (let i = this.earlyNext; i < this.earlyQueue.length; i++) this.early.delete(this.earlyQueue[i]!);
    this.earlyNext = this.earlyQueue.length;
    this.sendingAhead = false;
  }

  /** Drops documents sent ahead that no page asked for; the build is over. */
  forgetPrerendered(): void {
    for (const { sent } of this.early.values()) if (sent) this.waiting.delete(sent.id);
    this.clearEarly();
    // Replies to forgotten documents settle nothing now, so none of them will count itself out.
    this.earlyInFlight = 0;
    if (this.waiting.size === 0) this.worker?.unref();
  }

  private clearEarly(): void {
    this.sendingAhead = true;
    this.early.clear();
    this.earlyQueue = [];
    this.earlyNext = 0;
    this.earlyUntaken = 0;
  }

  /** `file`, when given, finds the document if it was sent ahead with the same text. */
  render(text: string, env: Record<string, unknown>, file?: string): string | Promise<string> {
    // A page whose data already has `references` would share them with markdown-it: only the main thread can do that.
    if (env.references !== undefined || (!this.worker && ++this.renders <= this.mainThreadRenders)) return this.fallback.render(text, env);
    const early = file === undefined ? undefined : this.early.get(file);
    let reply: Promise<Reply> | undefined;
    if (early?.text === text) {
      this.early.delete(file!);
      reply = early.sent?.reply;
      if (reply) {
        this.earlyUntaken--;
        this.sendEarly();
      }
    }
    return (reply ?? this.send(text)).then(({ html, references }) => {
      if (references !== undefined) env.references = references;
      return html;
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL("./markdown-worker.js", import.meta.url), HELPER_THREAD_OPTIONS);
    worker.on("message", (reply: MarkdownReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply);
    });
    const failAll = (error: Error): void => {
      for (const waiting of this.waiting.values()) waiting.reject(error);
      this.waiting.clear();
      // The rejected replies still count themselves out of earlyInFlight as they settle.
      this.clearEarly();
      this.worker = undefined;
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`the Markdown thread stopped (exit code ${code})`)));
    worker.unref();
    return worker;
  }

  private send(text: string): Promise<Reply> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, text } satisfies MarkdownRequest);
    });
  }
}
