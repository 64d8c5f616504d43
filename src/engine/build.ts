/**
 * The orchestrator: runs the phases in order — scan, read, data, pages and collections,
 * render, write — for a full build, and the same phases over what changed for an
 * incremental update. Every error of a build is reported together, and the output is
 * written only when the whole build succeeded.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { BuildFailure, PlinthError, isPlinthError } from "../errors/plinth-error.js";
import { directoryStrings } from "../config/load-config.js";
import { DiskWriter } from "../write/disk-writer.js";
import type { OutputWriter, WriteSummary } from "../write/output-writer.js";
import { createBuildState, emitBefore, type BuildOptions, type BuildState } from "./build-state.js";
import { configGlobalData, stampOf } from "./global-data.js";
import { buildCollections, collectionIdentity } from "./collections.js";
import { isLocalDataFile, needsFullBuild, pagesByKey, recordIsStale } from "./incremental.js";
import { LocalData } from "./local-data.js";
import { itemKey, type Page, type Template } from "./page-model.js";
import { expandTemplate, type PageContext } from "./pages.js";
import { paginatesCollections, paginationSpec } from "./pagination.js";
import { samePagination } from "./same-pagination.js";
import { resolvePassthrough, type PassthroughFile } from "./passthrough.js";
import type { ProjectPaths } from "./project-paths.js";
import { isInside } from "./project-paths.js";
import { renderAllContent, renderAllOutput, type RenderContext } from "./render.js";
import { scan, templateExtensionOf } from "./scan.js";
import { javascriptTemplate, loadJavaScriptTemplate, type JavaScriptTemplate } from "./javascript-template.js";
import { buildTemplate, type TemplateDataContext } from "./template-data.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import { readTemplateSource, sourceFromText, type TemplateSource } from "./template-source.js";

export type { BuildOptions, BuildState } from "./build-state.js";

export interface BuildResult {
  pages: Page[];
  paths: ProjectPaths;
  written: WriteSummary;
  passthroughCount: number;
  seconds: number;
  /** Pages rendered by this build (all of them for a full build). */
  rendered: number;
  /** True when this was a full build. */
  full: boolean;
  state: BuildState;
}

function asPlinthError(error: unknown, file: string): PlinthError {
  if (isPlinthError(error)) return error;
  return new PlinthError("TemplateRender", `${file}: ${(error as Error).message ?? String(error)}`, { location: { file }, cause: error });
}

function fail(errors: PlinthError[]): void {
  if (errors.length) throw new BuildFailure(errors);
}

/** Files hosts know how to serve without an extension; Eleventy allows these too. */
const EXTENSIONLESS_ALLOWED = ["/_redirects", "/.htaccess", "/_headers"];

/** Pages already checked: a dev server update keeps most pages, and their permalinks, as they were. */
const extensionChecked = new WeakSet<Page>();

/**
 * A permalink without a file extension (`/about` rather than `/about/`) is almost always a
 * mistake: hosts serve such files with no type. Eleventy 3 stops the build for it, so do we.
 */
function missesExtension(page: Page): boolean {
  if (page.outputRelative === false || page.page.url === false || page.data.eleventyAllowMissingExtension) return false;
  if (EXTENSIONLESS_ALLOWED.some((u) => (page.page.url as string).endsWith(u))) return false;
  return path.posix.extname(page.outputRelative) === "";
}

function checkMissingExtensions(pages: Page[], config: BuildState["config"]): PlinthError[] {
  if ((config.errorReporting as { allowMissingExtensions?: boolean }).allowMissingExtensions === true) return [];
  const errors: PlinthError[] = [];
  for (const page of pages) {
    if (extensionChecked.has(page)) continue;
    if (!missesExtension(page)) {
      extensionChecked.add(page);
      continue;
    }
    errors.push(
      new PlinthError("PermalinkInvalid", `${page.page.inputPath} would write ${page.page.outputPath}, a file with no extension.`, {
        location: { file: page.page.inputPath },
        hint: "End the permalink with `/` (for /about/index.html) or a file name with an extension. If the missing extension is intended, set `eleventyAllowMissingExtension: true`.",
      }),
    );
  }
  return errors;
}

function checkDuplicateOutputs(pages: Page[]): PlinthError[] {
  const seen = new Map<string, Page>();
  const errors: PlinthError[] = [];
  for (const page of pages) {
    if (page.outputRelative === false) continue;
    const other = seen.get(page.outputRelative);
    if (other) {
      const text = page.template.source.text;
      errors.push(
        new PlinthError("DuplicateOutput", `${other.page.inputPath} and ${page.page.inputPath} both write ${page.page.outputPath}.`, {
          location: { file: page.page.inputPath, ...frontMatterKeyLocation(text, "permalink") },
          source: text,
        }),
      );
    } else seen.set(page.outputRelative, page);
  }
  return errors;
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
function contentMap(pages: Page[]): ContentMap {
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

async function emit(state: BuildState, event: string, arg: unknown): Promise<void> {
  for (const listener of state.config.listeners.get(event) ?? []) await listener(arg);
}

/** Per-phase timings on stderr when PLINTH_DEBUG includes "timing". */
function phaseTimer(): { lap: (name: string) => void } {
  const enabled = (process.env.PLINTH_DEBUG ?? "").split(",").includes("timing");
  let last = performance.now();
  return {
    lap(name: string) {
      if (!enabled) return;
      const now = performance.now();
      process.stderr.write(`[timing] ${name}: ${(now - last).toFixed(1)} ms\n`);
      last = now;
    },
  };
}

function byInputPath(a: TemplateSource, b: TemplateSource): number {
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

/** Reads one template file: its front matter and body, or a JavaScript template's module. */
async function readSource(state: BuildState, file: string): Promise<TemplateSource> {
  const { paths, project, config, show } = state;
  const extension = templateExtensionOf(file, project.templateFormats)!;
  if (extension === "11ty.js") {
    const javascript = await loadJavaScriptTemplate(file, show(file), ++javascriptVersion);
    return javascriptSource(file, paths.input, show(file), javascript, false);
  }
  return readTemplateSource(file, paths.input, show(file), extension, config.frontMatterParsingOptions);
}

/**
 * Phases 1 and 2: scan and read, in input path order. With `changed`, only changed template
 * files are read again; when every changed file is one the last scan found and it still
 * exists, nothing was added or removed, so the folder walk is skipped and the order stands.
 */
async function readSources(state: BuildState, changed: ReadonlySet<string> | undefined, passthrough: readonly PassthroughFile[], errors: PlinthError[]): Promise<TemplateSource[]> {
  const onlyEdits = changed && state.scanned && [...changed].every((f) => state.files.has(f) && existsSync(f));
  if (onlyEdits) {
    const next = new Map(state.sources);
    for (const file of changed) {
      const previous = next.get(file);
      if (!previous || previous.virtual) continue;
      try {
        next.set(file, await readSource(state, file));
      } catch (error) {
        errors.push(asPlinthError(error, state.show(file)));
      }
    }
    state.sources = next;
    state.sourceList = state.sourceList.map((source) => next.get(source.file)!);
    return state.sourceList;
  }
  const { paths, project, config, show } = state;
  const extensions = project.templateFormats;
  // Files that are copied as they are are not also templates.
  const passthroughSources = new Set(passthrough.map((p) => p.source));
  const scanned = scan({ paths, ignore: state.ignore, templateExtensions: extensions });
  state.scanned = scanned;
  state.files = new Set(scanned.files);
  const next = new Map<string, TemplateSource>();
  for (const file of scanned.templates) {
    if (passthroughSources.has(file)) continue;
    const previous = state.sources.get(file);
    if (previous && changed && !changed.has(file)) {
      next.set(file, previous);
      continue;
    }
    try {
      next.set(file, await readSource(state, file));
    } catch (error) {
      errors.push(asPlinthError(error, show(file)));
    }
  }
  for (const virtual of config.virtualTemplates) {
    const file = `${paths.input}/${virtual.path}`;
    const previous = state.sources.get(file);
    if (previous?.virtual) {
      next.set(file, previous);
      continue;
    }
    const ext = templateExtensionOf(file, [...extensions, "njk", "liquid", "md", "html", "11ty.js"]);
    try {
      if (ext === "11ty.js" || (ext && typeof virtual.content !== "string")) {
        const javascript = await javascriptTemplate(virtual.content, show(file));
        const source = javascriptSource(file, paths.input, show(file), javascript, true);
        source.frontMatter.data = { ...javascript.data, ...virtual.data };
        next.set(file, source);
        continue;
      }
      if (!ext) throw new PlinthError("UnsupportedApi", `The virtual template ${virtual.path} has no known template extension; see COMPAT.md`);
      const source = sourceFromText(file, paths.input, show(file), ext, virtual.content as string, true);
      source.frontMatter.data = { ...virtual.data, ...source.frontMatter.data };
      next.set(file, source);
    } catch (error) {
      errors.push(asPlinthError(error, show(file)));
    }
  }
  state.sources = next;
  state.sourceList = [...next.values()].sort(byInputPath);
  return state.sourceList;
}

let javascriptVersion = 0;

function javascriptSource(file: string, inputDir: string, inputPath: string, javascript: JavaScriptTemplate, virtual: boolean): TemplateSource {
  const source = sourceFromText(file, inputDir, inputPath, "11ty.js", "", virtual);
  source.frontMatter.data = javascript.data;
  source.javascript = javascript;
  return source;
}

/** Phase 3: each template's data. A template is reused when nothing it was made from changed. */
async function buildTemplates(state: BuildState, sources: TemplateSource[], changed: ReadonlySet<string> | undefined, errors: PlinthError[]): Promise<Template[]> {
  const dataChanged = changed ? [...changed].some(isLocalDataFile) : true;
  const ctx: TemplateDataContext = {
    globalData: state.globalData,
    localData: new LocalData(state.paths.input, state.dataContext, state.files),
    layouts: state.layouts,
    languages: state.languages,
    deepMerge: state.config.dataDeepMerge,
  };
  const next = new Map<string, Template>();
  // In source order, which is input path order; a preprocessor may drop a template.
  const made: (Template | undefined)[] = new Array(sources.length);
  const pending: Promise<void>[] = [];
  sources.forEach((source, index) => {
    const previous = state.templates.get(source.file);
    const reusable = previous && previous.source === source && changed && !dataChanged && !previous.layouts.some((l) => changed.has(l.source.file));
    if (reusable) {
      made[index] = previous;
      return;
    }
    pending.push(
      (async () => {
        try {
          made[index] = await preprocess(state, await buildTemplate(source, ctx));
        } catch (error) {
          errors.push(asPlinthError(error, source.inputPath));
        }
      })(),
    );
  });
  await Promise.all(pending);
  const list: Template[] = [];
  for (const template of made) {
    if (!template) continue;
    next.set(template.source.file, template);
    list.push(template);
  }
  state.templates = next;
  return list;
}

/**
 * `addPreprocessor`: runs on a template's body with its data before rendering. `false` drops
 * the template from the build; a string replaces the body.
 */
async function preprocess(state: BuildState, template: Template): Promise<Template | undefined> {
  let current = template;
  for (const [, { extensions, fn }] of state.config.preprocessors) {
    if (!extensions.includes("*") && !extensions.includes(current.source.extension)) continue;
    const result = await fn(current.data, current.source.frontMatter.body);
    if (result === false) return undefined;
    if (typeof result === "string") {
      current = { ...current, source: { ...current.source, frontMatter: { ...current.source.frontMatter, body: result } } };
    }
  }
  return current;
}

/**
 * Pages re-made by an update, each paired with the page it replaces: the same identity in the
 * same place. Undefined when the update added, removed or moved pages.
 */
type Replacements = Map<Page, Page> | undefined;

function withReplacements(byKey: Map<string, Page>, replaced: Map<Page, Page>): Map<string, Page> {
  const next = new Map(byKey);
  for (const page of replaced.values()) next.set(itemKey(page), page);
  return next;
}

/** Pairs a re-made template's pages with its previous ones, or gives up the pairing. */
function pairPages(replaced: Replacements, before: Page[] | undefined, made: Page[]): Replacements {
  if (!replaced || !before || before.length !== made.length) return undefined;
  for (let i = 0; i < made.length; i++) {
    if (itemKey(before[i]!) !== itemKey(made[i]!)) return undefined;
    replaced.set(before[i]!, made[i]!);
  }
  return replaced;
}

/**
 * Phase 4: pages and collections. Templates that paginate collections wait until they exist.
 * An update reuses the pages of templates it kept; `previousTemplates` names the templates
 * of the last build by file, to pair re-made pages with the pages they replace.
 */
async function buildPages(state: BuildState, templates: Template[], previousTemplates: Map<string, Template> | undefined, errors: PlinthError[]): Promise<{ pages: Page[]; byTemplate: Map<Template, Page[]>; replaced: Replacements }> {
  let order = 0;
  const ctx: PageContext = {
    languages: state.languages,
    outputDir: state.project.dir.output,
    javascriptFunctions: state.config.javascriptFunctions,
    collections: state.collectionsView,
    nextOrder: () => order++,
  };
  const previousPages = previousTemplates ? state.pagesByTemplate : new Map<Template, Page[]>();
  const pagesBefore = (template: Template): Page[] | undefined => {
    const old = previousTemplates?.get(template.source.file);
    return old && previousPages.get(old);
  };
  let replaced: Replacements = previousTemplates && templates.length === previousTemplates.size ? new Map() : undefined;
  const waiting: Template[] = [];
  const pages: Page[] = [];
  const byTemplate = new Map<Template, Page[]>();
  for (const template of templates) {
    try {
      const spec = paginationSpec(template.data, template.source.inputPath);
      if (spec && paginatesCollections(spec)) waiting.push(template);
      else {
        let made = previousPages.get(template);
        if (!made) {
          made = await expandTemplate(template, ctx);
          replaced = pairPages(replaced, pagesBefore(template), made);
        }
        byTemplate.set(template, made);
        pages.push(...made);
      }
    } catch (error) {
      errors.push(asPlinthError(error, template.source.inputPath));
    }
  }
  fail(errors);
  await buildCollections(state.collections, pages, state.config.collections, 0, replaced);
  if (waiting.length) {
    for (const template of waiting) {
      try {
        const made = await expandTemplate(template, ctx);
        replaced = pairPages(replaced, pagesBefore(template), made);
        byTemplate.set(template, made);
        pages.push(...made);
      } catch (error) {
        errors.push(asPlinthError(error, template.source.inputPath));
      }
    }
    fail(errors);
    await buildCollections(state.collections, pages, state.config.collections, 1, replaced);
  }
  return { pages, byTemplate, replaced };
}

/**
 * Which pages must render. New pages always do; a page that existed before keeps its output
 * when its template is the same object and nothing it read has changed.
 */
function pagesToRender(state: BuildState, pages: Page[], byKey: Map<string, Page>, previous: Map<string, Page>, changed: ReadonlySet<string>, replaced: Replacements): { dirty: Set<Page>; changedItems: Set<string> } {
  const changedItems = new Set<string>();
  const dirty = new Set<Page>();
  // With the replacements known, every other page is the very page the last build rendered.
  const pairs: Iterable<[Page | undefined, Page]> = replaced ?? pages.map((page): [Page | undefined, Page] => [previous.get(itemKey(page)), page]);
  for (const [old, page] of pairs) {
    if (old === page && page.content !== undefined) continue;
    const key = itemKey(page);
    if (old !== page) changedItems.add(key);
    // A page re-made from the same template (pagination over collections) over the same pages, with the same URLs, keeps its output.
    if (!old || old === page || old.template !== page.template || old.content === undefined || old.outputRelative !== page.outputRelative || !samePagination(old, page)) {
      dirty.add(page);
      continue;
    }
    page.content = old.content;
    page.output = old.output;
  }
  if (!replaced) for (const page of previous.values()) if (!byKey.has(itemKey(page))) changedItems.add(itemKey(page));
  const check = { changedFiles: changed, pagesByKey: byKey, changedItems, collections: state.collections, ignoreContent: true };
  // Only pages that read something that changed can be stale: ask the dependency graph who they are.
  const changedCollections = [...state.collectionIdentities].filter(([name, identity]) => currentIdentity(state, name) !== identity).map(([name]) => name);
  const suspects = state.graph.readersOf(changedItems, changed, changedCollections);
  const stale = (page: Page): boolean => recordIsStale(state.records.get(itemKey(page)), check);
  if (replaced) {
    for (const key of suspects) {
      const page = byKey.get(key);
      if (page && !dirty.has(page) && stale(page)) dirty.add(page);
    }
  } else {
    for (const page of pages) if (!dirty.has(page) && (!state.records.has(itemKey(page)) || (suspects.has(itemKey(page)) && stale(page)))) dirty.add(page);
  }
  return { dirty, changedItems };
}

/** A collection's identity now; anything but a list of pages counts as changed on every build. */
function currentIdentity(state: BuildState, name: string): string {
  const value = state.collections[name];
  return Array.isArray(value) ? collectionIdentity(value) : `unknown:${Math.random()}`;
}

async function renderChanged(state: BuildState, byKey: Map<string, Page>, dirty: Set<Page>, changedItems: Set<string>, changed: ReadonlySet<string>, errors: PlinthError[]): Promise<void> {
  const ctx: RenderContext = { languages: state.languages, config: state.config, displayPath: state.show, records: state.options.track ? state.records : undefined };
  let round = [...dirty];
  const contentBefore = new Map(round.map((p) => [p, p.content]));
  while (round.length) {
    await renderAllContent(round, ctx, errors);
    if (errors.length) return;
    // Pages that show the content of a page that just changed must render too.
    const contentChangedKeys = round.filter((p) => p.content !== contentBefore.get(p)).map((p) => itemKey(p));
    for (const key of contentChangedKeys) changedItems.add(key);
    const check = { changedFiles: changed, pagesByKey: byKey, changedItems: new Set(contentChangedKeys), collections: state.collections, ignoreContent: false };
    const suspects = state.graph.readersOf(contentChangedKeys, [], []);
    round = [...suspects].map((key) => byKey.get(key)).filter((p): p is Page => p !== undefined && !dirty.has(p) && recordIsStale(state.records.get(itemKey(p)), check));
    for (const page of round) {
      dirty.add(page);
      contentBefore.set(page, page.content);
    }
  }
  await renderAllOutput([...dirty], ctx, errors);
}

/**
 * An update hands the writer only what changed: the pages that rendered, and the outputs of
 * pages that are gone or moved. A page kept from the last build, or re-made with the same
 * output, writes what it wrote before.
 */
function queueChanges(writer: OutputWriter, pages: Page[], dirty: Set<Page>, previous: Map<string, Page>, current: Map<string, Page>, replaced: Replacements, copies: readonly PassthroughFile[], copiedBefore: ReadonlySet<string>): void {
  for (const page of dirty) if (page.outputRelative !== false) writer.writeFile(page.outputRelative, page.output ?? "");
  const vacated = new Set(copiedBefore);
  for (const file of copies) vacated.delete(file.relative);
  const pairs: Iterable<[Page, Page | undefined]> = replaced ?? [...previous.values()].map((old): [Page, Page | undefined] => [old, current.get(itemKey(old))]);
  for (const [old, now] of pairs) if (old.outputRelative !== false && old.outputRelative !== now?.outputRelative) vacated.add(old.outputRelative);
  if (vacated.size) for (const page of pages) if (page.outputRelative !== false) vacated.delete(page.outputRelative);
  for (const relative of vacated) writer.removeFile(relative);
}

async function assemble(state: BuildState, changed: ReadonlySet<string> | undefined, started: number): Promise<BuildResult> {
  const errors: PlinthError[] = [];
  const { config, paths, project } = state;
  const directories = directoryStrings(project);
  const previousByKey = state.pagesByKey;
  if (changed) {
    state.layouts.invalidate();
    for (const file of changed) state.languages.invalidate(file);
  }

  const timer = phaseTimer();
  const passthrough = resolvePassthrough(config.passthroughCopies, paths);
  const sources = await readSources(state, changed, passthrough, errors);
  fail(errors);
  timer.lap("scan+read");
  const templatesBefore = state.templates;
  const templates = await buildTemplates(state, sources, changed, errors);
  fail(errors);
  timer.lap("data");
  const built = await buildPages(state, templates, changed ? templatesBefore : undefined, errors);
  const { pages, byTemplate } = built;
  // The shortcuts that skip kept pages rely on every kept page having its record of what it read.
  const replaced = state.options.track ? built.replaced : undefined;
  // A kept page keeps its output path, so only re-made pages can newly clash or lack an extension.
  const samePaths = replaced && [...replaced].every(([old, now]) => old.outputRelative === now.outputRelative);
  errors.push(...(samePaths ? [] : checkDuplicateOutputs(pages)), ...checkMissingExtensions(replaced ? [...replaced.values()] : pages, config));
  fail(errors);
  if (config.listeners.has("eleventy.contentMap")) await emit(state, "eleventy.contentMap", contentMap(pages));
  timer.lap("pages+collections");

  const current = replaced ? withReplacements(previousByKey, replaced) : pagesByKey(pages);
  const { dirty, changedItems } = changed ? pagesToRender(state, pages, current, previousByKey, changed, replaced) : { dirty: new Set(pages), changedItems: new Set<string>() };
  await renderChanged(state, current, dirty, changedItems, changed ?? new Set(), errors);
  fail(errors);
  timer.lap(`render (${dirty.size} pages)`);
  state.pages = pages;
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

  const writer = state.options.writer ?? new DiskWriter(paths.output, paths.cwd);
  let written: WriteSummary = { written: 0, copied: 0, unchanged: 0, removed: 0 };
  if (!state.options.dryRun) {
    const copies = passthrough.filter((file) => !isInside(paths.output, file.source) && existsSync(file.source));
    if (changed) queueChanges(writer, pages, dirty, previousByKey, current, replaced, copies, state.copiedOutputs);
    else for (const page of pages) if (page.outputRelative !== false) writer.writeFile(page.outputRelative, page.output ?? "");
    for (const file of copies) writer.copyFile(file.source, file.relative);
    written = await writer.commit(changed ? "changes" : "complete");
    state.copiedOutputs = new Set(copies.map((file) => file.relative));
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
