/**
 * Whether a build renders on several threads, and on how many: a build asks here twice, once
 * before reading (to start the threads while the main thread reads and merges data) and once
 * before rendering (when the pages are known). Every "no" has a reason, printed with
 * PLINTH_DEBUG=threads.
 */
import { availableParallelism } from "node:os";
import type { BuildState } from "../build-state.js";
import { computedReadsCollections } from "../computed-data.js";
import type { Page } from "../page-model.js";

/**
 * Below this many templates one thread is faster: a render thread takes a few tenths of a
 * second to start and load the config and its plugins before it reads and merges the site
 * again (1.2 s in all at 1,000 real-shaped posts), and the main thread renders a few hundred
 * plain pages in that time (about 2 ms each).
 */
export const DEFAULT_MIN_PAGES = 300;

export type ThreadDecision = { workers: number } | { workers: 0; reason: string };

function numberFromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Cores from which a build uses them all unless told otherwise. Measured on 2 cores (idle, bench
 * sites of 1,000 and 4,000 posts, plain and real-shaped), a render thread made every build
 * 15-30% slower: it loads the site again (1.2 s at 1,000 real-shaped posts, against 0.6 s on the
 * main thread, which had its modules loaded) while the main thread renders and the writing
 * thread writes, so the two cores are shared three ways and the thread joins near the end. With
 * 4 cores and more, each thread loads on a core of its own.
 */
export const DEFAULT_FROM_CORES = 4;

/** The threads asked for: the option, else PLINTH_THREADS, else one per core from 4 cores on, else 1. */
export function requestedThreads(state: BuildState): number {
  const explicit = state.options.threads ?? numberFromEnv("PLINTH_THREADS");
  if (explicit !== undefined) return explicit;
  const cores = availableParallelism();
  return cores >= DEFAULT_FROM_CORES ? cores : 1;
}

function minPages(state: BuildState): number {
  return state.options.threadMinPages ?? numberFromEnv("PLINTH_THREAD_MIN_PAGES") ?? DEFAULT_MIN_PAGES;
}

/**
 * The first check, before the templates are read: what rules out render threads whatever the
 * pages are. `countTemplates` is asked last, only when nothing else has ruled them out.
 */
export function planThreads(state: BuildState, countTemplates: () => number): ThreadDecision {
  const { options, config } = state;
  const threads = requestedThreads(state);
  if (threads <= 1) {
    const explicit = options.threads ?? numberFromEnv("PLINTH_THREADS");
    return { workers: 0, reason: explicit === undefined ? `${availableParallelism()} cores, fewer than ${DEFAULT_FROM_CORES}: by default one thread (--threads 2 asks for more)` : `${threads} thread${threads === 1 ? "" : "s"} asked for` };
  }
  if (options.track) return { workers: 0, reason: "a dev server's builds record what each page reads, on one thread" };
  if (options.sourceOverlay) return { workers: 0, reason: "unsaved text (the studio's preview) is on the main thread only" };
  if (options.beforeConfig) return { workers: 0, reason: "setup given as a function (beforeConfig) cannot reach another thread" };
  const before = (config.listeners.get("eleventy.before") ?? []).filter((listener) => !config.mainThreadListeners.has(listener));
  if (before.length) return { workers: 0, reason: `the config listens to eleventy.before, whose work a render thread would either repeat or miss` };
  const min = minPages(state);
  const templates = countTemplates();
  if (templates < min) return { workers: 0, reason: `${templates} template${templates === 1 ? "" : "s"}, fewer than ${min} (PLINTH_THREAD_MIN_PAGES)` };
  return { workers: Math.min(threads - 1, Math.max(1, Math.floor(templates / min))) };
}

/** The second check, with the pages made: what the pages' own data rules out. */
export function pagesAllowThreads(pages: readonly Page[]): string | undefined {
  // Such data is completed while the page renders; pages rendered elsewhere would not see it.
  const page = pages.find((p) => computedReadsCollections(p.data));
  return page ? `the computed data of ${page.page.inputPath} reads collections, which completes it while it renders` : undefined;
}

/** A line on stderr when PLINTH_DEBUG includes "threads". */
export function debugThreads(line: string): void {
  if ((process.env.PLINTH_DEBUG ?? "").split(",").includes("threads")) process.stderr.write(`[threads] ${line}\n`);
}
