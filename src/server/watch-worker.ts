/**
 * The thread that watches the site's sources for the dev server, so that walking folders and
 * answering events never holds up the update a save asked for; only the events cross over.
 */
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { FolderTreeWatcher } from "./folder-tree-watcher.js";
import { isIgnoredPath } from "./watch-ignore.js";

export type WatchRequest = { kind: "watch"; roots: string[]; ignoreInside: string[]; generation: number } | { kind: "close" };

/** A path created, changed or removed; a generation of roots in place; a failure to watch. */
export type WatchReport = { kind: "event"; path: string } | { kind: "ready"; generation: number } | { kind: "error"; message: string };

const { cwd } = workerData as { cwd: string };
const port = parentPort!;
let current: FolderTreeWatcher | undefined;

function report(message: WatchReport): void {
  port.postMessage(message);
}

function watch(request: Extract<WatchRequest, { kind: "watch" }>): void {
  const isIgnored = (absolute: string): boolean => isIgnoredPath(path.resolve(absolute), { cwd, ignoreInside: () => request.ignoreInside });
  // The old watcher reports until the new one is in place.
  const old = current;
  current = new FolderTreeWatcher(request.roots, {
    isIgnored,
    onEvent: (absolute) => report({ kind: "event", path: absolute }),
    onError: (error) => report({ kind: "error", message: error.message }),
  });
  old?.close();
  report({ kind: "ready", generation: request.generation });
}

port.on("message", (request: WatchRequest) => {
  if (request.kind === "watch") watch(request);
  else {
    current?.close();
    port.close();
  }
});
