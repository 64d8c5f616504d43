/**
 * Everything a build knows, kept between builds so an incremental update can reuse what did
 * not change: the loaded config, template languages, layouts, global data, the sources read,
 * the templates with their cascaded data, the pages with their output, and what each page read.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { directoryStrings, loadConfig, type LoadConfigOptions, type LoadedConfig } from "../config/load-config.js";
import type { PassthroughFile } from "./passthrough.js";
import type { ProjectOptions } from "../config/project-options.js";
import type { UserConfig } from "../config/user-config.js";
import { LanguageSet } from "../engines/language-set.js";
import { PlinthError } from "../errors/plinth-error.js";
import { addBuiltinFilters } from "../filters/builtin-filters.js";
import { addDefaultPlugins } from "../plugins/register-bundled.js";
import type { OutputWriter } from "../write/output-writer.js";
import { trackedCollections } from "./collections.js";
import type { DataFileContext } from "./data-file.js";
import type { DataObject } from "./data-merge.js";
import { runListeners } from "./events.js";
import { eleventyGlobal, packageData, setEleventyEnvironment, type RunMode } from "./eleventy-globals.js";
import { loadGlobalData } from "./global-data.js";
import { templateExtensionOf } from "./scan.js";
import { createIgnoreMatcher, type IgnoreMatcher } from "./ignore-rules.js";
import { LayoutResolver } from "./layouts.js";
import type { Page, Template } from "./page-model.js";
import { displayPath, isInside, resolveProjectPaths, toPosix, type ProjectPaths } from "./project-paths.js";
import type { RenderRecord } from "./render-tracking.js";
import type { TemplateOrder } from "./template-order.js";
import type { ParsedSourceMemory, SourceOverlay, TemplateSource } from "./template-source.js";
import type { ScanResult } from "./scan.js";
import { DependencyGraph } from "./dependency-graph.js";

export interface BuildOptions extends Omit<LoadConfigOptions, "cwd"> {
  cwd?: string;
  /** Where the output goes; by default the output folder on disk. */
  writer?: OutputWriter;
  dryRun?: boolean;
  runMode?: RunMode;
  /** Record what each page reads, so later incremental updates can be exact. */
  track?: boolean;
  /** Extra setup before the site's config runs (Plinth's own plugins). */
  beforeConfig?: (config: UserConfig) => void;
  /** Unsaved template text read instead of the files (the studio's preview). */
  sourceOverlay?: SourceOverlay;
  /** Told as each phase starts and as pages render, for a progress line. */
  onProgress?: (progress: BuildProgress) => void;
  /**
   * A full build that remembers the last one (src/cache/page-memory.ts): once the pages exist,
   * it says which must render; the others keep the output the last build wrote.
   */
  remember?: RenderPlanner;
  /** Template files as the last build parsed them, for the files unchanged since (src/cache/source-memory.ts). */
  parsedSources?: ParsedSourceMemory;
  /**
   * Threads a full build renders pages on, the main thread included (see src/engine/workers/).
   * Default: PLINTH_THREADS, else the number of cores from 4 cores on, else 1 (see thread-plan.ts); 1 renders on the main thread alone.
   */
  threads?: number;
  /** Templates a site needs before a build starts render threads. Default: PLINTH_THREAD_MIN_PAGES, else 300. */
  threadMinPages?: number;
  /** Set inside a render thread: it skips `eleventy.before` (the main thread runs it). */
  renderThread?: boolean;
}

/** The pages a build renders, and the keys of pages whose fields may differ from the last build's. */
export interface RenderPlan {
  dirty: Set<Page>;
  changedItems: Set<string>;
}

export interface RenderPlanner {
  plan(state: BuildState, pages: Page[], byKey: Map<string, Page>): RenderPlan | Promise<RenderPlan>;
}

/** Where a build is: its phase, and in the render phase how many pages are done of how many. */
export interface BuildProgress {
  phase: "read" | "data" | "pages" | "render" | "write";
  done?: number;
  total?: number;
}

export interface BuildState {
  options: BuildOptions;
  loaded: LoadedConfig;
  project: ProjectOptions;
  config: UserConfig;
  paths: ProjectPaths;
  runMode: RunMode;
  ignore: IgnoreMatcher;
  languages: LanguageSet;
  layouts: LayoutResolver;
  dataContext: DataFileContext;
  globalData: DataObject;
  globalDataFiles: string[];
  /** `addGlobalData` values as JSON: an update where they differ is a full build. */
  configDataStamp: string;
  /** Every file the scan found (absolute), for data-file lookups and change classification. */
  files: Set<string>;
  /** The last scan, reused by updates that only edit files it found. */
  scanned?: ScanResult;
  sources: Map<string, TemplateSource>;
  /** The same sources in input path order, the order templates are made in. */
  sourceList: TemplateSource[];
  templates: Map<string, Template>;
  pages: Page[];
  /** The same pages by itemKey, and by the template that made them. */
  pagesByKey: Map<string, Page>;
  pagesByTemplate: Map<Template, Page[]>;
  /** The order templates were expanded and collections made in, reused while the templates' roles hold. */
  order?: TemplateOrder;
  /** Output paths of the last build's passthrough copies. */
  copiedOutputs: Set<string>;
  /** The last build's passthrough files, kept so an update that touches none of them need not list them again. */
  passthrough?: PassthroughFile[];
  /** The object refilled on every build; pages hold `view`, which records reads of it. */
  collections: DataObject;
  collectionsView: DataObject;
  records: Map<string, RenderRecord>;
  /** Who read what, built from the records, for updates. */
  graph: DependencyGraph;
  /** Each collection some page read, with its identity at the last build. */
  collectionIdentities: Map<string, string>;
  show: (abs: string) => string;
  /** Set when an incremental update failed, so the next one is a full build. */
  failed?: boolean;
}

let importVersion = 0;

/** Eleventy's `eleventy.before` event, fired before data is loaded. */
/**
 * Eleventy's `eleventy.extensionmap` event, which it sends once its template formats are known:
 * the I18n plugin takes the map's `removeTemplateExtension` to pair translations of one file.
 */
async function emitExtensionMap(config: UserConfig, project: ProjectOptions): Promise<void> {
  const listeners = config.listeners.get("eleventy.extensionmap");
  if (!listeners) return;
  const extensions = [...new Set([...project.templateFormats, ...config.extensions.keys(), "11ty.cjs", "11ty.mjs"])].sort((a, b) => b.length - a.length);
  const map = {
    removeTemplateExtension: (file: string): string => {
      const extension = extensions.find((ext) => file === ext || file.endsWith(`.${ext}`));
      return extension ? file.slice(0, Math.max(0, file.length - extension.length - 1)) : file;
    },
  };
  for (const listener of listeners) await listener(map);
}

export async function emitBefore(config: UserConfig, project: ProjectOptions, runMode: RunMode, incremental: boolean): Promise<void> {
  const directories = directoryStrings(project);
  const arg = { dir: project.dir, directories, inputDir: directories.input, runMode, outputMode: "fs", incremental };
  await runListeners(config, "eleventy.before", arg);
}

/** Loads the config and everything global to a build: the part an incremental update reuses. */
export async function createBuildState(options: BuildOptions): Promise<BuildState> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let prefix = "/";
  const version = ++importVersion;
  const runMode = options.runMode ?? "build";
  setEleventyEnvironment(cwd, runMode);
  const loaded = await loadConfig({
    ...options,
    cwd,
    importVersion: version,
    beforeConfig: (config) => {
      addBuiltinFilters(config, () => prefix);
      addDefaultPlugins(config);
      // The bundle plugin's `eleventy.before` resets its buckets, which a fresh render thread starts without.
      for (const listener of config.listeners.get("eleventy.before") ?? []) config.mainThreadListeners.add(listener);
      options.beforeConfig?.(config);
    },
  });
  const { options: project, userConfig: config } = loaded;
  prefix = project.pathPrefix;
  const paths = resolveProjectPaths(cwd, project);
  if (!existsSync(paths.input) || !statSync(paths.input).isDirectory()) {
    throw new PlinthError("InputNotFound", `The input folder ${displayPath(paths, paths.input)} does not exist.`);
  }
  // Checked before anything runs or is written: a build replaces its output folder as a whole.
  if (isInside(paths.output, paths.input)) {
    const folder = (abs: string) => toPosix(path.relative(cwd, abs)) || ".";
    const same = path.relative(paths.output, paths.input) === "";
    throw new PlinthError(
      "OutputHoldsInput",
      `The output folder "${folder(paths.output)}" ${same ? "is the input folder" : `holds the input folder "${folder(paths.input)}"`}.`,
    );
  }
  const show = (abs: string) => displayPath(paths, abs);
  const eleventy = eleventyGlobal(project, paths, runMode, loaded.configFile);
  const dataContext: DataFileContext = {
    dataExtensions: config.dataExtensions,
    functionArgument: { eleventy },
    importVersion: version,
    displayPath: show,
    dataFileSuffixes: config.dataFileSuffixes,
    dataFileBaseName: config.dataFileBaseName,
  };
  await emitExtensionMap(config, project);
  if (!options.renderThread) await emitBefore(config, project, runMode, false);
  const global = await loadGlobalData(paths.data, config.globalData, dataContext);
  const languages = new LanguageSet(project, config, paths);
  config.templateRenderer = {
    cwd,
    compile: (names, text, file) => languages.compile(names.split(",").map((name) => name.trim()).filter(Boolean), text, file),
    languagesOfFile: (file) => {
      const extension = templateExtensionOf(file, [...project.templateFormats, ...config.extensions.keys()]);
      return extension === undefined ? undefined : languages.chainFor(extension, undefined).join(",");
    },
  };
  const collections: DataObject = {};
  return {
    options,
    loaded,
    project,
    config,
    paths,
    runMode,
    ignore: createIgnoreMatcher(paths, config.ignores, config.useGitIgnore),
    languages,
    layouts: new LayoutResolver({
      paths,
      aliases: config.layoutAliases,
      templateExtensions: project.templateFormats,
      extensionlessResolution: config.layoutResolution,
      languages,
    }),
    dataContext,
    globalData: { eleventy, pkg: packageData(cwd), ...global.data },
    globalDataFiles: global.files,
    configDataStamp: global.configStamp,
    files: new Set(),
    sources: new Map(),
    sourceList: [],
    templates: new Map(),
    pages: [],
    pagesByKey: new Map(),
    pagesByTemplate: new Map(),
    copiedOutputs: new Set(),
    collections,
    collectionsView: trackedCollections(collections),
    records: new Map(),
    graph: new DependencyGraph(),
    collectionIdentities: new Map(),
    show,
  };
}
