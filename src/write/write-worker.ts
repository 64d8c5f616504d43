/**
 * The thread that writes a fresh output folder (see fresh-folder.ts). It takes files in the
 * order they come and writes each with blocking calls: on its own thread that costs the
 * renderer nothing, and it needs no event loop turns from the main thread between the steps
 * of one file. It also fingerprints each page for the output manifest.
 */
import { closeSync, copyFileSync, fstatSync, mkdirSync, openSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { contentHash } from "../util/content-hash.js";

export type WriteRequest =
  | { kind: "write"; file: string; content: string }
  | { kind: "copy"; file: string; source: string }
  | { kind: "settle" };

/** [file, size, mtimeMs, content stamp (pages only)] */
export type WrittenFile = [string, number, number, string | null];

export type WriteReport = { kind: "settled"; files: WrittenFile[] } | { kind: "failed"; message: string; code?: string };

/** Sent after each batch, so the main thread knows how far behind the disk is. */
export interface WriteProgress {
  kind: "progress";
}

/** Where progress goes (fresh-folder.ts reads it without waiting for its event loop); the parent port when not given. */
const progressPort = (workerData as { progress?: MessagePort } | undefined)?.progress ?? parentPort;

const folders = new Set<string>();
const written = new Map<string, WrittenFile>();
let failure: Error | undefined;

function folder(dir: string): void {
  if (folders.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  folders.add(dir);
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
}

function handle(request: WriteRequest): void {
  if (request.kind === "settle") {
    const report: WriteReport = failure
      ? { kind: "failed", message: failure.message, code: (failure as NodeJS.ErrnoException).code }
      : { kind: "settled", files: [...written.values()] };
    parentPort?.postMessage(report);
    return;
  }
  if (failure) return;
  try {
    folder(path.dirname(request.file));
    if (request.kind === "write") {
      // Encoded once, for the file and for its fingerprint.
      const bytes = Buffer.from(request.content);
      const fd = openSync(request.file, "w");
      try {
        writeAll(fd, bytes);
        const st = fstatSync(fd);
        written.set(request.file, [request.file, st.size, st.mtimeMs, contentHash(bytes)]);
      } finally {
        closeSync(fd);
      }
    } else {
      copyFileSync(request.source, request.file);
      const st = statSync(request.file);
      written.set(request.file, [request.file, st.size, st.mtimeMs, null]);
    }
  } catch (error) {
    failure = error as Error;
  }
}

parentPort?.on("message", (requests: WriteRequest[]) => {
  for (const request of requests) handle(request);
  if (requests.at(-1)?.kind !== "settle") progressPort?.postMessage({ kind: "progress" } satisfies WriteProgress);
});
