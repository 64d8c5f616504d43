/**
 * The orchestrator: runs the phases in order — config, scan, read, data, pages and
 * collections, render, write — and reports every error of the build together.
 * The output is written only when the whole build succeeded.
 */
import path from "node:path";
import { existsSync, statSync } from "node:fs";
import { loadConfig, type LoadConfigOptions } from "../config/load-config.js";
import type { UserConfig } from "../config/user-config.js";
import { LanguageSet } from "../engines/language-set.js";
import { BuildFailure, PlinthError, isPlinthError } from "../errors/plinth-error.js";
import { addBuiltinFilters } from "../filters/builtin-filters.js";
import { addDefaultPlugins } from "../plugins/register-bundled.js";
import { DiskWriter } from "../write/disk-writer.js";
import type { OutputWriter, WriteSummary } from "../write/output-writer.js";
import { buildCollections } from "./collections.js";
import type { DataObject } from "./data-merge.js";
import { eleventyGlobal, packageData, type RunMode } from "./eleventy-globals.js";
import { loadGlobalData } from "./global-data.js";
import { createIgnoreMatcher } from "./ignore-rules.js";
import { LayoutResolver } from "./layouts.js";
import { LocalData } from "./local-data.js";
import type { Page, Template } from "./page-model.js";
import { expandTemplate, type PageContext } from "./pages.js";
import { paginatesCollections, paginationSpec } from "./pagination.js";
import { resolvePassthrough } from "./passthrough.js";
import { displayPath, isInside, resolveProjectPaths, type ProjectPaths } from "./project-paths.js";
import { renderPages } from "./render.js";
import { scan, templateExtensionOf } from "./scan.js";
import { buildTemplate, type TemplateDataContext } from "./template-data.js";
import { readTemplateSource, sourceFromText, type TemplateSource } from "./template-source.js";

export interface BuildOptions extends Omit<LoadConfigOptions, "cwd"> {
  cwd?: string;
  /** Where the output goes; by default the output folder on disk. */
  writer?: OutputWriter;
  dryRun?: boolean;
  runMode?: RunMode;
  /** Extra setup before the site's config runs (Plinth's own plugins). */
  beforeConfig?: (config: UserConfig) => void;
}

export interface BuildResult {
  pages: Page[];
  paths: ProjectPaths;
  written: WriteSummary;
  passthroughCount: number;
  seconds: number;
}

let importVersion = 0;

function readAll(templateFiles: string[], paths: ProjectPaths, extensions: string[], errors: PlinthError[]): TemplateSource[] {
  const out: TemplateSource[] = [];
  for (const file of templateFiles) {
    try {
      out.push(readTemplateSource(file, paths.input, displayPath(paths, file), templateExtensionOf(file, extensions)!));
    } catch (error) {
      errors.push(asPlinthError(error, displayPath(paths, file)));
    }
  }
  return out;
}

function asPlinthError(error: unknown, file: string): PlinthError {
  if (isPlinthError(error)) return error;
  return new PlinthError("TemplateRender", `${file}: ${(error as Error).message ?? String(error)}`, { location: { file }, cause: error });
}

function checkDuplicateOutputs(pages: Page[]): PlinthError[] {
  const seen = new Map<string, Page>();
  const errors: PlinthError[] = [];
  for (const page of pages) {
    if (page.outputRelative === false) continue;
    const other = seen.get(page.outputRelative);
    if (other) {
      errors.push(
        new PlinthError("DuplicateOutput", `${other.page.inputPath} and ${page.page.inputPath} both write ${page.page.outputPath}.`, {
          location: { file: page.page.inputPath },
        }),
      );
    } else seen.set(page.outputRelative, page);
  }
  return errors;
}

/** Eleventy's `eleventy.contentMap` event: which URLs each input path produced, and back. */
function contentMap(pages: Page[]): { inputPathToUrl: Record<string, string[]>; urlToInputPath: Record<string, unknown> } {
  const inputPathToUrl: Record<string, string[]> = {};
  const urlToInputPath: Record<string, unknown> = {};
  for (const page of pages) {
    if (page.page.url === false) continue;
    (inputPathToUrl[page.page.inputPath] ??= []).push(page.page.url);
    urlToInputPath[page.page.url] = { inputPath: page.page.inputPath, groupNumber: page.pageNumber };
  }
  return { inputPathToUrl, urlToInputPath };
}

async function emit(config: UserConfig, event: string, arg: unknown): Promise<void> {
  for (const listener of config.listeners.get(event) ?? []) await listener(arg);
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  let prefix = "/";
  const loaded = await loadConfig({
    ...options,
    cwd,
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
  await emit(config, "eleventy.before", { dir: project.dir, directories: project.dir, runMode, outputMode: "fs", incremental: false });

  const show = (abs: string) => displayPath(paths, abs);
  const errors: PlinthError[] = [];
  const extensions = project.templateFormats;
  const ignore = createIgnoreMatcher(paths, config.ignores, config.useGitIgnore);
  const passthrough = resolvePassthrough(config.passthroughCopies, paths, ignore);
  const passthroughSources = new Set(passthrough.map((p) => p.source));

  // Phase 1 and 2: scan and read.
  const scanned = scan({ paths, ignore, templateExtensions: extensions });
  const unsupported = scanned.templates.filter((f) => f.endsWith(".11ty.js") || f.endsWith(".11ty.cjs") || f.endsWith(".11ty.mjs"));
  for (const file of unsupported) {
    errors.push(new PlinthError("UnsupportedApi", `JavaScript templates (${show(file)}) are not supported yet by Plinth; see COMPAT.md`, { location: { file: show(file) } }));
  }
  const templateFiles = scanned.templates.filter((f) => !passthroughSources.has(f) && !unsupported.includes(f));
  const sources = readAll(templateFiles, paths, extensions, errors);
  for (const virtual of config.virtualTemplates) {
    const file = path.join(paths.input, virtual.path);
    const ext = templateExtensionOf(file, [...extensions, "njk", "liquid", "md", "html"]);
    if (!ext || typeof virtual.content !== "string") {
      errors.push(new PlinthError("UnsupportedApi", `The virtual template ${virtual.path} is not supported yet by Plinth; see COMPAT.md`));
      continue;
    }
    const source = sourceFromText(file, paths.input, show(file), ext, virtual.content, true);
    source.frontMatter.data = { ...virtual.data, ...source.frontMatter.data };
    sources.push(source);
  }

  // Phase 3: data.
  const dataCtx = { dataExtensions: config.dataExtensions, functionArgument: undefined as unknown, importVersion: ++importVersion, displayPath: show };
  const eleventy = eleventyGlobal(project, paths, runMode, loaded.configFile);
  dataCtx.functionArgument = { eleventy };
  const global = await loadGlobalData(paths.data, config.globalData, dataCtx);
  const globalData: DataObject = { eleventy, pkg: packageData(cwd), ...global.data };
  const languages = new LanguageSet(project, config, paths);
  const layouts = new LayoutResolver({
    paths,
    aliases: config.layoutAliases,
    templateExtensions: extensions,
    extensionlessResolution: config.layoutResolution,
    languages,
  });
  const templateCtx: TemplateDataContext = {
    globalData,
    localData: new LocalData(paths.input, dataCtx, new Set(scanned.files)),
    layouts,
    languages,
    deepMerge: config.dataDeepMerge,
  };
  const templates: Template[] = [];
  await Promise.all(
    sources.map(async (source) => {
      try {
        templates.push(await buildTemplate(source, templateCtx));
      } catch (error) {
        errors.push(asPlinthError(error, source.inputPath));
      }
    }),
  );
  templates.sort((a, b) => (a.source.inputPath < b.source.inputPath ? -1 : 1));
  if (errors.length) throw new BuildFailure(errors);

  // Phase 4: pages, permalinks and collections. Templates that paginate collections wait for them.
  const collections: DataObject = {};
  let order = 0;
  const pageCtx: PageContext = {
    languages,
    outputDir: project.dir.output,
    javascriptFunctions: config.javascriptFunctions,
    collections,
    nextOrder: () => order++,
  };
  const waiting: Template[] = [];
  const pages: Page[] = [];
  for (const template of templates) {
    try {
      const spec = paginationSpec(template.data, template.source.inputPath);
      if (spec && paginatesCollections(spec)) waiting.push(template);
      else pages.push(...(await expandTemplate(template, pageCtx)));
    } catch (error) {
      errors.push(asPlinthError(error, template.source.inputPath));
    }
  }
  if (errors.length) throw new BuildFailure(errors);
  await buildCollections(collections, pages, config.collections);
  if (waiting.length) {
    for (const template of waiting) {
      try {
        pages.push(...(await expandTemplate(template, pageCtx)));
      } catch (error) {
        errors.push(asPlinthError(error, template.source.inputPath));
      }
    }
    if (errors.length) throw new BuildFailure(errors);
    await buildCollections(collections, pages, config.collections);
  }
  errors.push(...checkDuplicateOutputs(pages));
  if (errors.length) throw new BuildFailure(errors);
  await emit(config, "eleventy.contentMap", contentMap(pages));

  // Phase 5: render.
  errors.push(...(await renderPages(pages, { languages, config, displayPath: show })));
  if (errors.length) throw new BuildFailure(errors);

  // Phase 6: write.
  const writer = options.writer ?? new DiskWriter(paths.output, cwd);
  let written: WriteSummary = { written: 0, copied: 0, unchanged: 0, removed: 0 };
  if (!options.dryRun) {
    for (const page of pages) if (page.outputRelative !== false) writer.writeFile(page.outputRelative, page.output ?? "");
    for (const file of passthrough) if (!isInside(paths.output, file.source)) writer.copyFile(file.source, file.relative);
    written = await writer.commit();
  }
  await emit(config, "eleventy.after", {
    dir: project.dir,
    directories: project.dir,
    runMode,
    outputMode: "fs",
    results: pages.filter((p) => p.outputRelative !== false).map((p) => ({ inputPath: p.page.inputPath, outputPath: p.page.outputPath, url: p.page.url, content: p.output })),
  });
  return { pages, paths, written, passthroughCount: passthrough.length, seconds: (performance.now() - started) / 1000 };
}
