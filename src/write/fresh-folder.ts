/**
 * A build into an output folder that does not exist yet (a fresh checkout, CI, a cleaned
 * folder): each page is written as soon as it has rendered, into a staging folder beside the
 * output folder, while the rest of the site still renders, so the disk works alongside the
 * CPU. When the build succeeds the staging folder becomes the output folder in one rename;
 * when it fails it is removed. No one ever sees a half-written output folder.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { HELPER_THREAD_OPTIONS } from "../util/helper-thread.js";
import type { WriteProgress, WriteReport, WriteRequest } from "./write-worker.js";
import { isRunning } from "../util/process-alive.js";

/** Size and mtime of a written file, as the output manifest records them. */
export type OutStamp = [number, number];

const ignore = (): void => {};
const BATCH = 32;

/**
 * Characters of page content handed to the thread and not yet written, past which the renderer
 * waits. On a slow disk the pages would otherwise pile up in the thread's queue: at 100,000
 * pages, hundreds of megabytes held only to be written.
 */
const MAX_BACKLOG = 16 * 1024 * 1024;
const STAGING = ".plinth-staging-";


/** Staging folders of builds that were killed before they could clean up. */
function removeAbandoned(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}${STAGING}`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && (pid === process.pid || !isRunning(pid))) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

export class FreshFolder {
  private readonly worker: Worker;
  private readonly progressPort: MessagePort;
  private readonly written = new Set<string>();

  private constructor(
    readonly outputDir: string,
    readonly stagingDir: string,
    private readonly maxBacklog: number,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(new URL("./write-worker.js", import.meta.url), { ...HELPER_THREAD_OPTIONS, workerData: { progress: port2 }, transferList: [port2] });
    // A crash of the thread rejects settle(); between settles it must not crash the process as an unhandled "error" event.
    this.worker.on("error", ignore);
    // Progress comes on its own port, so `ready` can take it without an event loop turn: a render
    // that never yields to the loop would otherwise count every page as unwritten until it waits.
    this.progressPort = port1;
    port1.on("message", () => this.progress());
    port1.unref();
    // A thread that died writes nothing more: the renderer goes on, and settle() reports the failure.
    this.worker.on("exit", () => this.stopWaiting());
    // A writer dropped without commit or discard must not keep the process alive; settle() holds it while it waits.
    this.worker.unref();
  }

  /** A staging folder for `outputDir`, or undefined when the output folder already exists. */
  static claim(outputDir: string, maxBacklog = MAX_BACKLOG): FreshFolder | undefined {
    if (existsSync(outputDir)) return undefined;
    removeAbandoned(outputDir);
    const stagingDir = `${outputDir}${STAGING}${process.pid}`;
    mkdirSync(stagingDir, { recursive: true });
    return new FreshFolder(outputDir, stagingDir, maxBacklog);
  }

  /** Requests go over in batches: a message per page would cost the main thread more than the copying. */
  private batch: WriteRequest[] = [];
  private batchChars = 0;
  /** Characters in each batch sent and not yet written, oldest first. */
  private readonly unwritten: number[] = [];
  /** The pages of each batch sent and not yet written, oldest first, parallel to `unwritten`. */
  private readonly unwrittenPages: string[][] = [];
  /** Pages handed over and not yet on disk. */
  private readonly pending = new Set<string>();
  private batchPages: string[] = [];
  private backlog = 0;
  private waiting?: { promise: Promise<void>; resolve: () => void };

  private send(request: WriteRequest): void {
    this.batch.push(request);
    if (request.kind === "write") this.batchChars += request.content.length;
    if (this.batch.length >= BATCH || request.kind === "settle") this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const last = this.batch[this.batch.length - 1]!;
    this.worker.postMessage(this.batch);
    if (last.kind !== "settle") {
      this.unwritten.push(this.batchChars);
      this.unwrittenPages.push(this.batchPages);
      this.backlog += this.batchChars;
    }
    this.batch = [];
    this.batchChars = 0;
    this.batchPages = [];
  }

  /** A batch is on disk. */
  private progress(): void {
    this.backlog -= this.unwritten.shift() ?? 0;
    for (const relative of this.unwrittenPages.shift() ?? []) this.pending.delete(relative);
    if (this.backlog <= this.maxBacklog / 2) this.stopWaiting();
  }

  private stopWaiting(): void {
    if (!this.waiting) return;
    this.waiting.resolve();
    this.waiting = undefined;
    this.worker.unref();
  }

  /** Resolves once the thread has caught up enough; undefined when it is not behind. */
  ready(): Promise<void> | undefined {
    while (receiveMessageOnPort(this.progressPort)) this.progress();
    if (this.backlog <= this.maxBacklog) return this.waiting?.promise;
    if (!this.waiting) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.waiting = { promise, resolve };
      // The progress message that ends the wait must be able to arrive.
      this.worker.ref();
    }
    return this.waiting.promise;
  }

  /** Hands the file to the writing thread at once; a later write of the same path wins, as requests are taken in order. */
  write(relative: string, content: string): void {
    this.written.add(relative);
    this.pending.add(relative);
    this.batchPages.push(relative);
    this.send({ kind: "write", file: path.join(this.stagingDir, relative), content });
  }

  /** True once the thread has written the page, so `readBack` can read it. */
  isWritten(relative: string): boolean {
    while (receiveMessageOnPort(this.progressPort)) this.progress();
    return this.written.has(relative) && !this.pending.has(relative);
  }

  /** The text of a page written in this build, once the thread has written it; undefined before. */
  readBack(relative: string): string | undefined {
    return this.isWritten(relative) ? readFileSync(path.join(this.stagingDir, relative), "utf8") : undefined;
  }

  copy(source: string, relative: string): void {
    this.written.add(relative);
    this.send({ kind: "copy", file: path.join(this.stagingDir, relative), source });
  }

  /** Waits for every write; rejects with the first failure. Pages come with their content stamps. */
  async settle(): Promise<Map<string, { out: OutStamp; stamp?: string }>> {
    const report = await new Promise<WriteReport>((resolve, reject) => {
      const onReport = (message: WriteProgress | WriteReport): void => {
        if (message.kind === "progress") return;
        this.worker.off("message", onReport);
        resolve(message);
      };
      this.worker.on("message", onReport);
      this.worker.once("error", reject);
      this.worker.once("exit", (code) => reject(new Error(`the writing thread stopped (exit code ${code})`)));
      this.worker.ref();
      this.send({ kind: "settle" });
    });
    await this.worker.terminate();
    if (report.kind === "failed") throw Object.assign(new Error(report.message), { code: report.code });
    const byFile = new Map(report.files.map(([file, size, mtime, stamp]) => [file, { out: [size, mtime] as OutStamp, stamp: stamp ?? undefined }]));
    const files = new Map<string, { out: OutStamp; stamp?: string }>();
    for (const relative of this.written) files.set(relative, byFile.get(path.join(this.stagingDir, relative))!);
    return files;
  }

  /**
   * The staging folder becomes the output folder. When the output folder appeared while the site
   * rendered (plugins such as eleventy-img and eleventy-plugin-gen-favicons write their files
   * into it themselves), the pages move in beside those files instead, one rename each.
   */
  async publish(): Promise<void> {
    await mkdir(path.dirname(this.outputDir), { recursive: true });
    try {
      await rename(this.stagingDir, this.outputDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      await this.moveInto(this.outputDir);
    }
  }

  private async moveInto(target: string): Promise<void> {
    const folders = new Set([...this.written].map((relative) => path.dirname(path.join(target, relative))));
    for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
    for (const relative of this.written) await rename(path.join(this.stagingDir, relative), path.join(target, relative));
    await rm(this.stagingDir, { recursive: true, force: true });
  }

  async discard(): Promise<void> {
    await this.worker.terminate();
    await rm(this.stagingDir, { recursive: true, force: true });
  }
}
