/**
 * Everything a build knows, kept between builds so an incremental update can reuse what did
 * not change: the loaded config, template languages, layouts, global data, the sources read,
 * the templates with their cascaded data, the pages with their output, and what each page read.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { directoryStrings, loadConfig, type LoadConfigOptions, type LoadedConfig } from "../config/load-config.js";
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
import { eleventyGlobal, packageData, type RunMode } from "./eleventy-globals.js";
import { loadGlobalData } from "./global-data.js";
import { createIgnoreMatcher, type IgnoreMatcher } from "./ignore-rules.js";
import { LayoutResolver } from "./layouts.js";
import type { Page, Template } from "./page-model.js";
import { displayPath, resolveProjectPaths, type ProjectPaths } from "./project-paths.js";
import type { RenderRecord } from "./render-tracking.js";
import type { SourceOverlay, TemplateSource } from "./template-source.js";
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
  /** Output paths of the last build's passthrough copies. */
  copiedOutputs: Set<string>;
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
export async function emitBefore(config: UserConfig, project: ProjectOptions, runMode: RunMode, incremental: boolean): Promise<void> {
  const directories = directoryStrings(project);
  const arg = { dir: project.dir, directories, inputDir: directories.input, runMode, outputMode: "fs", incremental };
  for (const listener of config.listeners.get("eleventy.before") ?? []) await listener(arg);
}

/** Loads the config and everything global to a build: the part an incremental update reuses. */
export async function createBuildState(options: BuildOptions): Promise<BuildState> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let prefix = "/";
  const version = ++importVersion;
  const loaded = await loadConfig({
    ...options,
    cwd,
    importVersion: version,
    beforeConfig: (config) => {
      addBuiltinFilters(config, () => prefix);
      addDefaultPlugins(config);
      options.beforeConfig?.(config);
    },
  });
  const { options: project, userConfig: config } = loaded;
  prefix = project.pathPrefix;
  const paths = resolveProjectPaths(cwd, project);
  if (!existsSync(paths.input) || !statSync(paths.input).isDirectory()) {
    throw new PlinthError("InputNotFound", `The input folder ${displayPath(paths, paths.input)} does not exist.`);
  }
  const runMode = options.runMode ?? "build";
  const show = (abs: string) => displayPath(paths, abs);
  const eleventy = eleventyGlobal(project, paths, runMode, loaded.configFile);
  const dataContext: DataFileContext = { dataExtensions: config.dataExtensions, functionArgument: { eleventy }, importVersion: version, displayPath: show };
  await emitBefore(config, project, runMode, false);
  const global = await loadGlobalData(paths.data, config.globalData, dataContext);
  const languages = new LanguageSet(project, config, paths);
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
