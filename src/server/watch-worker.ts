/**
 * The thread that runs chokidar for the dev server. chokidar 3 answers every event in a folder
 * by reading the whole folder again and stat-ing each entry: in a news folder of 10,000 posts
 * that is 10,000 calls per save, which on the main thread would delay the very update the
 * save asked for. Here it costs the renderer nothing; only the events cross over.
 */
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import chokidar, { type FSWatcher } from "chokidar";
import { isIgnoredPath } from "./watch-ignore.js";

export type WatchRequest = { kind: "watch"; roots: string[]; ignoreInside: string[]; generation: number } | { kind: "close" };

export type WatchReport =
  | { kind: "event"; event: string; path: string }
  | { kind: "ready"; generation: number }
  | { kind: "error"; message: string }
  | { kind: "closed" };

const { cwd } = workerData as { cwd: string };
const port = parentPort!;
/** Every chokidar instance still open: the current one, and an old one until its successor is ready. */
const open = new Set<FSWatcher>();
let current: FSWatcher | undefined;

function report(message: WatchReport): void {
  port.postMessage(message);
}

async function closeOne(watcher: FSWatcher): Promise<void> {
  open.delete(watcher);
  await watcher.close();
}

function watch(request: Extract<WatchRequest, { kind: "watch" }>): void {
  const watcher = chokidar.watch(request.roots, {
    ignoreInitial: true,
    disableGlobbing: true,
    // The main thread's quiet time already merges an editor's delete-and-rename save into one
    // burst; chokidar's own merging would hold every deletion back by 100 ms.
    atomic: false,
    ignored: (p: string) => isIgnoredPath(path.resolve(p), { cwd, ignoreInside: () => request.ignoreInside }),
  });
  open.add(watcher);
  // A new watcher rather than chokidar's add/unwatch: chokidar 3 keeps ignoring an unwatched
  // folder's whole tree even when part of it is added again. The old one reports until the new one is ready.
  const old = current;
  current = watcher;
  watcher.once("ready", () => {
    report({ kind: "ready", generation: request.generation });
    if (old) void closeOne(old);
  });
  watcher.on("all", (event, p) => report({ kind: "event", event, path: path.resolve(p) }));
  // chokidar drops a file's "change" when its mtime equals the one it last saw and the file was
  // read since: two saves in quick succession can then lose the second. The raw event is kept.
  watcher.on("raw", (event: string, name: string, details: { watchedPath?: string }) => {
    const watched = details.watchedPath;
    if (event !== "change" || !watched || !name) return;
    const file = path.basename(watched) === name ? watched : path.join(watched, name);
    if (!isIgnoredPath(path.resolve(file), { cwd, ignoreInside: () => request.ignoreInside })) report({ kind: "event", event: "change", path: path.resolve(file) });
  });
  watcher.on("error", (error: unknown) => report({ kind: "error", message: error instanceof Error ? error.message : String(error) }));
}

port.on("message", (request: WatchRequest) => {
  if (request.kind === "watch") watch(request);
  else
    void Promise.all([...open].map(closeOne)).then(() => {
      report({ kind: "closed" });
      port.close();
    });
});
