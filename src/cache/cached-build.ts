/**
 * `plinth build` with the persistent cache. A build whose inputs and output are as the last
 * build left them does nothing. Otherwise, when the last build's page memory (page-memory.ts)
 * can follow what changed, only the pages the changes reach render again (remembered-plan.ts),
 * and the rest keep their output; anything else is a full build. Either way the build is
 * recorded for the next one. PLINTH_DEBUG=cache tells which it was and why.
 */
import { randomUUID } from "node:crypto";
import { buildFromState, type BuildResult } from "../engine/build.js";
import { createBuildState, type BuildOptions, type BuildState } from "../engine/build-state.js";
import { cacheFile, DiskWriter, untouchedOutputs } from "../write/disk-writer.js";
import { BuildCache, cacheApplies, type CacheChanges, type CacheSummary } from "./build-cache.js";
import { cacheTimer } from "./cache-timer.js";
import { fullBuildBefore } from "./changed-files.js";
import { readPageMemory, type PageMemory } from "./page-memory.js";
import { readSourceMemory, SourceMemory } from "./source-memory.js";
import { rememberPages } from "./remember-pages.js";
import { RememberedPlan, type PlanOutcome } from "./remembered-plan.js";

export type CachedBuild =
  | { cached: true; summary: CacheSummary; seconds: number }
  | {
      cached: false;
      result: BuildResult;
      /** Why the cache could not be used as it was, when it was consulted. */
      reason?: string;
      /** How the build used the last build's page memory, when it was consulted. */
      plan?: PlanOutcome;
      /** Outputs left as the last build wrote them, their pages not rendered. */
      kept?: number;
      /** Template files whose front matter came from the last build's parse, unread. */
      recalledSources?: number;
    };

function debug(line: string): void {
  if (/\bcache\b/.test(process.env.PLINTH_DEBUG ?? "")) process.stderr.write(`[build:debug] ${line}\n`);
}

/** Why the build cannot follow the changes from the last build's memory, before anything is read. */
function fullReasonBefore(state: BuildState, reason: string, changes: CacheChanges | undefined): string | undefined {
  if (!changes) return reason;
  if (changes.globalDataChanged) return "global data changed";
  return fullBuildBefore(state, changes.files);
}

/** A full build that takes the plan's advice on which pages to render; its writer keeps the others' output. */
function remembering(state: BuildState, memory: PageMemory | undefined, changed: ReadonlySet<string>, fullReason: string | undefined, parsedSources: SourceMemory): RememberedPlan {
  const writer = new DiskWriter(state.paths.output, state.paths.cwd);
  const remembers = fullReason === undefined && memory !== undefined;
  // Kept outputs are checked against the folder while the engine reads and expands the site.
  const untouched = remembers ? untouchedOutputs(state.paths.output, state.paths.cwd) : undefined;
  const plan = new RememberedPlan(writer, memory, changed, fullReason, untouched);
  state.options = { ...state.options, writer, track: true, remember: plan, parsedSources };
  // Likely to render a few pages: Markdown waits for the pages that need it, on the main thread.
  state.languages.rendersFew = remembers;
  return plan;
}

export async function buildUsingCache(options: BuildOptions): Promise<CachedBuild> {
  const started = performance.now();
  const timer = cacheTimer();
  let state = await createBuildState(options);
  timer.lap("config and global data");
  if (!cacheApplies(state)) return { cached: false, result: await buildFromState(state, started) };
  const cache = new BuildCache(state);
  const check = await cache.check();
  timer.lap("files compared with the last build's");
  if (check.hit) {
    debug("nothing changed since the last build");
    return { cached: true, summary: check.summary, seconds: (performance.now() - started) / 1000 };
  }
  const memoryFile = cacheFile(state.paths.cwd, state.paths.output, "pages");
  let fullReason = fullReasonBefore(state, check.reason, check.changes);
  const memory = fullReason === undefined ? readPageMemory(memoryFile, check.changes!.id) : undefined;
  if (!fullReason && !memory) fullReason = "no page memory from the last build";
  const changed = new Set(check.changes?.files ?? []);
  timer.lap("page memory read");
  const sourcesFile = cacheFile(state.paths.cwd, state.paths.output, "sources");
  // Front matter parsed by the last build is trusted only where its page memory is: same options, same config.
  // This build's id, known now: the parsed sources are written under it when the read phase ends.
  const id = randomUUID();
  let sources = new SourceMemory(sourcesFile, id, fullReason === undefined ? readSourceMemory(sourcesFile, check.changes!.id, changed) : undefined);
  timer.lap("parsed sources read");
  // The engine's phases, timed by PLINTH_DEBUG=timing in wall time only, with the plan's steps in between.
  cache.clear();
  let plan = remembering(state, memory, changed, fullReason, sources);
  let result: BuildResult;
  try {
    result = await buildFromState(state, started);
  } catch (error) {
    if (plan.outcome?.full !== false) throw error;
    // A build that renders only some pages and fails (a page now shows the content of one whose
    // content the memory did not keep, say) is done again in full: its errors, if any, are a full build's.
    debug(`the build of the changed pages failed (${(error as Error).message}); building everything`);
    state = await createBuildState(options);
    sources = new SourceMemory(sourcesFile, id);
    plan = remembering(state, undefined, changed, "the build of the changed pages failed", sources);
    result = await buildFromState(state, started);
  }
  const planned = plan.outcome;
  if (planned?.full) debug(`full build: ${planned.reason}`);
  const kept = plan.keptOutputs();
  if (planned && !planned.full) debug(`rendered ${result.rendered} of ${result.pages.length} pages (${[...planned.reasons].map(([why, count]) => `${count}: ${why}`).join(", ") || "none changed"}; then the readers of changed content) and kept ${kept} outputs`);
  debug(`${sources.recalledCount} template files recalled as the last build parsed them`);
  timer.lap("build");
  try {
    const remembered = rememberPages(result.state, plan.stamps, memory, (file) => check.fingerprint.has(file));
    if (remembered.memory) remembered.write(memoryFile, id);
    else debug(`the next build cannot remember this one: ${remembered.reason}`);
    const pages = result.pages.filter((page) => page.outputRelative !== false).length;
    cache.save(check.fingerprint, check.recordedAt, { pages, copied: result.passthroughCount }, id);
    timer.lap("page memory and build record written");
  } catch (error) {
    // A cache that cannot be written (read-only node_modules, full disk) only costs the next build its shortcut.
    debug(`the cache could not be written: ${(error as Error).message}`);
  }
  result.seconds = (performance.now() - started) / 1000;
  return { cached: false, result, reason: check.reason, plan: planned, kept, recalledSources: sources.recalledCount };
}
