/**
 * Phase 3, data: the data cascade for one template, lowest precedence first:
 * global data files < config global data < layout front matter (outermost first)
 * < directory data files (parents first) < template data files < front matter.
 * Computed data comes later, per page.
 */
import { statSync } from "node:fs";
import type { LanguageSet } from "../engines/language-set.js";
import { cleanLayer, mergeLayers, type DataObject } from "./data-merge.js";
import { pathNames } from "./file-slug.js";
import type { LayoutResolver } from "./layouts.js";
import type { LocalData } from "./local-data.js";
import { resolvePageDate } from "./page-date.js";
import type { Template } from "./page-model.js";
import type { TemplateSource } from "./template-source.js";
import { PlinthError } from "../errors/plinth-error.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import { checkReservedData } from "./reserved-data.js";
import { mapDate } from "./date-parsing.js";
import type { UserFunction } from "../config/user-config.js";

export interface TemplateDataContext {
  globalData: DataObject;
  localData: LocalData;
  layouts: LayoutResolver;
  languages: LanguageSet;
  deepMerge: boolean;
  /** `setFreezeReservedData`: on by default, a page's data may not set reserved names. */
  freezeReservedData: boolean;
  /** `addDateParsing` callbacks, in the order added. */
  dateParsing: readonly UserFunction[];
}

export async function buildTemplate(source: TemplateSource, ctx: TemplateDataContext): Promise<Template> {
  const names = pathNames(source.relativePath, source.extension);
  const local = source.virtual ? [] : await ctx.localData.layersFor(source.file, names.baseName);
  let frontMatter: DataObject;
  try {
    frontMatter = cleanLayer(source.frontMatter.data);
  } catch (error) {
    if (error instanceof PlinthError && !error.location) {
      throw new PlinthError(error.code, error.message, { location: { file: source.inputPath, ...frontMatterKeyLocation(source.text, "tags") }, source: source.text });
    }
    throw error;
  }
  const localLayers = local.map((l) => l.data);

  // Which layout applies is itself decided by the cascade without layout data.
  const withoutLayouts = mergeLayers([ctx.globalData, ...localLayers, frontMatter], ctx.deepMerge);
  let layouts;
  // A custom language may opt out of layouts (addExtension's `useLayouts: false`); then no layout data either.
  const custom = ctx.languages.custom;
  const layoutKey = custom.size && !custom.useLayouts(custom.languageOf(source.extension)) ? undefined : withoutLayouts.layout;
  try {
    layouts = ctx.layouts.chainFor(layoutKey, source.inputPath);
  } catch (error) {
    // Point at this page's own `layout:` line when the problem starts there.
    if (error instanceof PlinthError && error.location?.file === source.inputPath && !error.location.line) {
      throw new PlinthError(error.code, error.message, { location: { file: source.inputPath, ...frontMatterKeyLocation(source.text, "layout") }, source: source.text, cause: error.cause });
    }
    throw error;
  }
  const layoutLayers = layouts.map((l) => l.data).reverse();
  const data = layoutLayers.length ? mergeLayers([ctx.globalData, ...layoutLayers, ...localLayers, frontMatter], ctx.deepMerge) : withoutLayouts;
  if (layouts.length) data.layout = withoutLayouts.layout;
  if (ctx.freezeReservedData) checkReservedData(data, source);

  const chain = ctx.languages.chainFor(source.extension, data.templateEngineOverride);
  const datePage = {
    inputPath: source.inputPath,
    fileSlug: names.fileSlug,
    filePathStem: names.filePathStem,
    outputFileExtension: ctx.languages.custom.customIn(chain)?.outputFileExtension ?? "html",
    templateSyntax: chain.join(","),
  };
  const dataDate = ctx.dateParsing.length ? mapDate(ctx.dateParsing, data.date, datePage) : data.date;
  const date = resolvePageDate({
    dataDate,
    inputPath: source.inputPath,
    stats: () => {
      try {
        return source.virtual ? undefined : statSync(source.file);
      } catch {
        return undefined;
      }
    },
  });
  return { source, names, chain, layouts, data, date, dataFiles: local.flatMap((l) => l.files) };
}
