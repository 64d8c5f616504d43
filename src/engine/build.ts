/**
 * The orchestrator: runs the phases in order — scan, read, data, pages and collections,
 * render, write — for a full build, and the same phases over what changed for an
 * incremental update. Every error of a build is reported together, and the output is
 * written only when the whole build succeeded.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { directoryStrings } from "../config/load-config.js";
import type { PlinthError } from "../errors/plinth-error.js";
import { DiskWriter } from "../write/disk-writer.js";
import type { OutputWriter, WriteSummary } from "../write/output-writer.js";
import { fail } from "./build-errors.js";
import { createBuildState, emitBefore, type BuildOptions, type BuildState } from "./build-state.js";
import { ContentRelease, contentReadKeys, settleContents } from "./content-release.js";
import { buildTemplates } from "./data-phase.js";
import { runListeners } from "./events.js";
import { configGlobalData, stampOf } from "./global-data.js";
import { needsFullBuild, pagesByKey } from "./incremental.js";
import { checkDuplicateOutputs, checkMissingExtensions } from "./output-checks.js";
import { itemKey, type Page, type Template } from "./page-model.js";
import { buildPages, withReplacements } from "./page-phase.js";
import { passthroughRoots, resolvePassthrough, type PassthroughFile } from "./passthrough.js";
import type { ProjectPaths } from "./project-paths.js";
import { isInside } from "./project-paths.js";
import { readSources } from "./read-phase.js";
import { currentIdentity, pagesToRender, queueChanges, renderChanged } from "./update-plan.js";
import { renderOnThreads, startRenderThreads, stopRenderThreads } from "./workers/render-pool.js";

export type { BuildOptions, BuildState } from "./build-state.js";

export interface BuildResult {
  /**
   * The pages; after a one-shot build to disk their `output` has gone to the writer and is not
   * kept, nor is their `content` unless another page showed it (content-release.ts).
   */
  pages: Page[];
  paths: ProjectPaths;
  written: WriteSummary;
  passthroughCount: number;
  seconds: number;
  /** Pages rendered by this build (all of them for a full build). */
  rendered: number;
  /** True when this was a full build. */
  full: boolean;
  /**
   * After an update, the template files whose template or pages were made anew (absolute); the
   * rest are as the last build left them. Undefined after a full build.
   */
  remade?: ReadonlySet<string>;
  state: BuildState;
}

interface ContentMap {
  inputPathToUrl: Record<string, string[]>;
  urlToInputPath: Record<string, unknown>;
}

/**
 * Eleventy's `eleventy.contentMap` event: which URLs each input path produced, and back. The
 * maps are made on first read, since a dev server update emits the event for every save and
 * most listeners only look when a page uses them.
 */
export function contentMap(pages: Page[]): ContentMap {
  let maps: ContentMap | undefined;
  const make = (): ContentMap => {
    if (maps) return maps;
    const inputPathToUrl: Record<string, string[]> = {};
    const urlToInputPath: Record<string, unknown> = {};
    // Pages that are not written are listed too, with the URL `false`, as Eleventy does.
    for (const page of pages) {
      (inputPathToUrl[page.page.inputPath] ??= []).push(page.page.url as string);
      urlToInputPath[String(page.page.url)] = { inputPath: page.page.inputPath, groupNumber: page.pageNumber };
    }
    return (maps = { inputPathToUrl, urlToInputPath });
  };
  return {
    get inputPathToUrl() {
      return make().inputPathToUrl;
    },
    get urlToInputPath() {
      return make().urlToInputPath;
    },
  };
}

/** The passthrough files: listed afresh for a full build, or for an update with a change under a passthrough root. */
function currentPassthrough(state: BuildState, changed: ReadonlySet<string> | undefined): PassthroughFile[] {
  const { config, paths } = state;
  if (changed && state.passthrough) {
    const roots = passthroughRoots(config.passthroughCopies, paths);
    if (![...changed].some((file) => roots.some((root) => isInside(root, file)))) return state.passthrough;
  }
  return resolvePassthrough(config.passthroughCopies, paths);
}

function emit(state: BuildState, event: string, arg: unknown): Promise<void> {
  return runListeners(state.config, event, arg);
}

/** Per-phase timings on stderr when PLINTH_DEBUG includes "timing". */
function phaseTimer(): { lap: (name: string) => void } {
  const enabled = (process.env.PLINTH_DEBUG ?? "").split(",").includes("timing");
  let last = performance.now();
  return {
    lap(name: string) {
      if (!enabled) return;
      const now = performance.now();
      const memory = process.memoryUsage();
      const mib = (n: number): string => (n / 1048576).toFixed(0);
      process.stderr.write(`[timing] ${name}: ${(now - last).toFixed(1)} ms (rss ${mib(memory.rss)}, heap ${mib(memory.heapUsed)}/${mib(memory.heapTotal)}, external ${mib(memory.external)} MiB)\n`);
      last = now;
    },
  };
}

async function assemble(state: BuildState, changed: ReadonlySet<string> | undefined, started: number): Promise<BuildResult> {
  try {
    return await runPhases(state, changed, started);
  } finally {
    state.languages.endBuild();
    stopRenderThreads(state);
  }
}

/** The files pages' HTML linked to that an html-relative passthrough copy matched. */
function renderedCopies(state: BuildState): PassthroughFile[] {
  return [...state.config.renderedCopies.values()].map((copy) => ({ source: path.resolve(state.paths.cwd, copy.source), relative: copy.target }));
}

async function runPhases(state: BuildState, changed: ReadonlySet<string> | undefined, started: number): Promise<BuildResult> {
  const errors: PlinthError[] = [];
  const { config, paths, project } = state;
  const directories = directoryStrings(project);
  const previousByKey = state.pagesByKey;
  if (changed) {
    // Layouts are found where layouts and includes are: an edit of templates alone keeps them compiled.
    const { includes, layouts } = paths;
    if ([...changed].some((file) => !state.sources.has(file) || isInside(includes, file) || isInside(layouts, file))) state.layouts.invalidate();
    for (const file of changed) state.languages.invalidate(file);
  }

  const timer = phaseTimer();
  const progress = state.options.onProgress;
  progress?.({ phase: "read" });
  const passthrough = currentPassthrough(state, changed);
  if (!changed) startRenderThreads(state);
  const sources = await readSources(state, changed, errors);
  fail(errors);
  timer.lap("scan+read");
  progress?.({ phase: "data" });
  const templatesBefore = state.templates;
  const sizeBefore = templatesBefore.size;
  const remade = new Set<string>();
  // Templates the data phase replaced in the last build's map itself, by file.
  const replacedInPlace = new Map<string, Template>();
  const templates = await buildTemplates(state, sources, changed, errors, remade, replacedInPlace);
  const previousTemplates = { size: sizeBefore, get: (file: string) => replacedInPlace.get(file) ?? templatesBefore.get(file), inPlace: replacedInPlace };
  fail(errors);
  timer.lap("data");
  progress?.({ phase: "pages" });
  const built = await buildPages(state, templates, changed ? previousTemplates : undefined, errors, changed, remade);
  const { pages, byTemplate } = built;
  // The shortcuts that skip kept pages rely on every kept page having its record of what it read.
  const replaced = state.options.track ? built.replaced : undefined;
  // A kept page keeps its output path, so only re-made pages can newly clash or lack an extension.
  const samePaths = replaced && [...replaced].every(([old, now]) => old.outputRelative === now.outputRelative);
  errors.push(...(samePaths ? [] : checkDuplicateOutputs(pages)), ...checkMissingExtensions(replaced ? [...replaced.values()] : pages, config));
  fail(errors);
  if (config.listeners.has("eleventy.contentMap")) await emit(state, "eleventy.contentMap", contentMap(pages));
  timer.lap("pages+collections");

  // Re-made pages take their predecessors' places (a failed update is followed by a full build, so the last map need not survive it).
  const current = replaced ? withReplacements(previousByKey, replaced) : pagesByKey(pages);
  const { dirty, changedItems } = changed
    ? pagesToRender(state, pages, current, previousByKey, changed, replaced)
    : ((await state.options.remember?.plan(state, pages, current)) ?? { dirty: new Set(pages), changedItems: new Set<string>() });
  const writer = state.options.writer ?? new DiskWriter(paths.output, paths.cwd);
  const write = !state.options.dryRun;
  // A full build hands each page to the writer as soon as it has rendered, so writing overlaps
  // rendering. A one-shot build to disk then lets the output go: nothing later reads it. Its
  // content goes too, when the writer can give it back to a page that shows it (content-release.ts).
  const release = (state.options.remember !== undefined || (!state.options.writer && !state.options.track)) && !config.listeners.has("eleventy.after");
  const contents = release ? new ContentRelease(writer) : undefined;
  const handOver =
    write && !changed
      ? (page: Page) => {
          if (page.outputRelative !== false && !page.skipsWrite) {
            const output = page.output ?? "";
            writer.writeFile(page.outputRelative, output);
            contents?.handedOver(page, output);
          }
          if (release) page.output = undefined;
          return writer.ready?.();
        }
      : undefined;
  let rendered = 0;
  progress?.({ phase: "render", done: 0, total: dirty.size });
  const onOutput = progress
    ? (page: Page) => {
        progress({ phase: "render", done: ++rendered, total: dirty.size });
        return handOver?.(page);
      }
    : handOver;
  let written: WriteSummary = { written: 0, copied: 0, unchanged: 0, removed: 0 };
  // html-relative copies are found again while pages render; an update keeps those of pages it did not render.
  if (!changed) config.renderedCopies.clear();
  try {
    // Threads render every page; a build that remembers the last one renders only some.
    const everyPage = dirty.size === pages.length;
    if (changed || !everyPage || !(await renderOnThreads(state, pages, errors, onOutput))) await renderChanged(state, current, dirty, changedItems, changed ?? new Set(), errors, onOutput);
    fail(errors);
    // What a one-shot build keeps of the contents: those the build cache's page memory writes down.
    if (release && handOver) {
      const shown = state.options.track ? contentReadKeys(state.records) : new Set<string>();
      settleContents(pages, (page) => shown.has(itemKey(page)));
    }
    timer.lap(`render (${dirty.size} pages)`);
    progress?.({ phase: "write" });
    if (write) {
      // An update copies only what is new or changed: a file copied before and not among the
      // changes still exists and has the same bytes (a deletion would be a change).
      const fresh = (file: PassthroughFile): boolean => !changed || changed.has(file.source) || !state.copiedOutputs.has(file.relative);
      // A page and a copy at the same output path: the page is kept (in Eleventy the two race).
      const pageOutputs = passthrough.length ? new Set(pages.map((page) => page.outputRelative)) : undefined;
      const copies = [...passthrough, ...renderedCopies(state)].filter((file) => !isInside(paths.output, file.source) && !pageOutputs?.has(file.relative) && (!fresh(file) || existsSync(file.source)));
      if (changed) queueChanges(writer, pages, dirty, previousByKey, current, replaced, copies, state.copiedOutputs);
      for (const file of copies) if (fresh(file)) writer.copyFile(file.source, file.relative);
      written = await writer.commit(changed ? "changes" : "complete");
      state.copiedOutputs = new Set(copies.map((file) => file.relative));
    }
  } catch (error) {
    await writer.discard();
    throw error;
  }
  state.pages = pages;
  state.passthrough = passthrough;
  state.pagesByKey = current;
  state.pagesByTemplate = byTemplate;
  // Replacements keep every key: only an update that removed pages has records to drop.
  if (!replaced) {
    for (const key of [...state.records.keys()]) {
      if (!current.has(key)) {
        state.records.delete(key);
        state.graph.delete(key);
      }
    }
  }
  if (state.options.track) {
    for (const page of dirty) {
      const record = state.records.get(itemKey(page));
      if (record) state.graph.set(itemKey(page), record);
    }
    state.collectionIdentities = new Map([...state.graph.collectionNames()].map((name) => [name, currentIdentity(state, name)]));
  }
  timer.lap("write");
  if (config.listeners.has("eleventy.after")) await emit(state, "eleventy.after", {
    dir: project.dir,
    directories,
    runMode: state.runMode,
    outputMode: "fs",
    results: pages.filter((p) => p.outputRelative !== false).map((p) => ({ inputPath: p.page.inputPath, outputPath: p.page.outputPath, url: p.page.url, content: p.output })),
  });
  return {
    pages,
    paths,
    written,
    passthroughCount: passthrough.length,
    seconds: (performance.now() - started) / 1000,
    rendered: dirty.size,
    full: !changed,
    remade: changed ? remade : undefined,
    state,
  };
}

/** A full build from a state made by createBuildState (the build cache looks at the state first). */
export function buildFromState(state: BuildState, started: number): Promise<BuildResult> {
  return assemble(state, undefined, started);
}

/** A full build. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const state = await createBuildState(options);
  return assemble(state, undefined, started);
}

/**
 * An incremental update after `changedFiles` (absolute paths) changed. Falls back to a full
 * build when the change reaches everything. On error the previous state stays usable.
 */
export async function rebuild(state: BuildState, changedFiles: readonly string[], writer?: OutputWriter): Promise<BuildResult> {
  const started = performance.now();
  if (writer) state.options = { ...state.options, writer };
  if (state.failed || needsFullBuild(state, changedFiles)) {
    const fresh = await createBuildState(state.options);
    return assemble(fresh, undefined, started);
  }
  try {
    await emitBefore(state.config, state.project, state.runMode, true);
    // Data given by the config (often functions of other files, like the members roster) may have changed.
    if (stampOf(await configGlobalData(state.config.globalData)) !== state.configDataStamp) {
      const fresh = await createBuildState(state.options);
      return assemble(fresh, undefined, started);
    }
    return await assemble(state, new Set(changedFiles), started);
  } catch (error) {
    // A failed update may have left pages half-rendered: the next update starts afresh.
    state.failed = true;
    throw error;
  }
}
