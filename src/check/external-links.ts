/**
 * `plinth check --external`: asks each distinct outside URL once, a few at a time, each with a
 * timeout. Links that worked are remembered in a cache file for `cacheHours`, so a second check
 * the same day asks only about links that failed or are new.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ExternalSettings } from "./check-config.js";

/** One place an outside URL is written. */
export interface ExternalUse {
  page: string;
  line: number;
  written: string;
}

export interface ExternalOptions {
  settings: ExternalSettings;
  /** Where links that worked are remembered; no cache when undefined. */
  cacheFile?: string;
  /** The clock, for tests of the cache's age. */
  now?: () => number;
}

export interface ExternalFailure {
  url: string;
  uses: ExternalUse[];
  reason: string;
  timedOut: boolean;
}

interface CacheFile {
  version: 1;
  /** URL -> when it last answered with success (ms since the epoch). */
  ok: Record<string, number>;
}

function readCache(file: string | undefined): CacheFile {
  if (!file || !existsSync(file)) return { version: 1, ok: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    return parsed.version === 1 && typeof parsed.ok === "object" && parsed.ok ? { version: 1, ok: parsed.ok } : { version: 1, ok: {} };
  } catch {
    // A damaged cache only costs a few requests.
    return { version: 1, ok: {} };
  }
}

function writeCache(file: string, cache: CacheFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(cache));
  renameSync(temp, file);
}

type Answer = { ok: true } | { ok: false; reason: string; timedOut: boolean };

/** HEAD first (cheap); servers that refuse HEAD are asked with GET, whose body is not read. */
async function ask(url: string, timeout: number): Promise<Answer> {
  const attempt = async (method: "HEAD" | "GET"): Promise<Response> => {
    const response = await fetch(url, { method, redirect: "follow", signal: AbortSignal.timeout(timeout), headers: { "user-agent": "plinth-check" } });
    await response.body?.cancel();
    return response;
  };
  try {
    let response = await attempt("HEAD");
    if (response.status === 405 || response.status === 403 || response.status === 501) response = await attempt("GET");
    if (response.ok) return { ok: true };
    return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`, timedOut: false };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError") return { ok: false, reason: `no answer within ${timeout} ms`, timedOut: true };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: cause, timedOut: false };
  }
}

export async function checkExternalLinks(links: ReadonlyMap<string, ExternalUse[]>, options: ExternalOptions): Promise<{ failures: ExternalFailure[]; cached: number }> {
  const now = options.now ?? Date.now;
  const cache = readCache(options.cacheFile);
  const freshFor = options.settings.cacheHours * 3_600_000;
  const queue = [...links.keys()].filter((url) => !(now() - (cache.ok[url] ?? -Infinity) < freshFor));
  const cached = links.size - queue.length;
  const failures: ExternalFailure[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const url = queue[next++]!;
      const answer = await ask(url, options.settings.timeout);
      if (answer.ok) cache.ok[url] = now();
      else {
        delete cache.ok[url];
        failures.push({ url, uses: links.get(url) ?? [], reason: answer.reason, timedOut: answer.timedOut });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.settings.concurrency, queue.length) }, worker));
  if (options.cacheFile && queue.length > 0) writeCache(options.cacheFile, cache);
  return { failures, cached };
}
