/**
 * `plinth build` with the persistent cache: a build whose inputs and output are as the last
 * build left them does nothing; any other build runs in full and is recorded.
 */
import { buildFromState, type BuildResult } from "../engine/build.js";
import { createBuildState, type BuildOptions } from "../engine/build-state.js";
import { BuildCache, cacheApplies, type CacheSummary } from "./build-cache.js";

export type CachedBuild =
  | { cached: true; summary: CacheSummary; seconds: number }
  | { cached: false; result: BuildResult; /** Why the cache could not be used, when it was consulted. */ reason?: string };

export async function buildUsingCache(options: BuildOptions): Promise<CachedBuild> {
  const started = performance.now();
  const state = await createBuildState(options);
  if (!cacheApplies(state)) return { cached: false, result: await buildFromState(state, started) };
  const cache = new BuildCache(state);
  const check = cache.check();
  if (check.hit) return { cached: true, summary: check.summary, seconds: (performance.now() - started) / 1000 };
  cache.clear();
  const result = await buildFromState(state, started);
  try {
    const pages = result.pages.filter((page) => page.outputRelative !== false).length;
    cache.save(check.fingerprint, check.recordedAt, { pages, copied: result.passthroughCount });
  } catch {
    // A cache that cannot be written (read-only node_modules, full disk) only costs the next build its shortcut.
  }
  result.seconds = (performance.now() - started) / 1000;
  return { cached: false, result, reason: check.reason };
}
