/**
 * The thread that writes a fresh output folder (see fresh-folder.ts). It takes files in the
 * order they come and writes each with blocking calls: on its own thread that costs the
 * renderer nothing, and it needs no event loop turns from the main thread between the steps
 * of one file.
 */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";

export type WriteRequest =
  | { kind: "write"; file: string; content: string }
  | { kind: "copy"; file: string; source: string }
  | { kind: "settle" };

export type WriteReport = { kind: "settled"; stamps: [string, number, number][] } | { kind: "failed"; message: string; code?: string };

const folders = new Set<string>();
const stamps = new Map<string, [number, number]>();
let failure: Error | undefined;

function folder(dir: string): void {
  if (folders.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  folders.add(dir);
}

parentPort?.on("message", (request: WriteRequest) => {
  if (request.kind === "settle") {
    const report: WriteReport = failure
      ? { kind: "failed", message: failure.message, code: (failure as NodeJS.ErrnoException).code }
      : { kind: "settled", stamps: [...stamps].map(([file, [size, mtime]]) => [file, size, mtime]) };
    parentPort?.postMessage(report);
    return;
  }
  if (failure) return;
  try {
    folder(path.dirname(request.file));
    if (request.kind === "write") writeFileSync(request.file, request.content);
    else copyFileSync(request.source, request.file);
    const st = statSync(request.file);
    stamps.set(request.file, [st.size, st.mtimeMs]);
  } catch (error) {
    failure = error as Error;
  }
});
