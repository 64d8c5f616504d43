/**
 * Phase 4a, pages: turns each template into its pages (one, or one per pagination chunk),
 * with per-page computed data, permalinks, output paths and URLs.
 */
import path from "node:path";
import type { LanguageSet } from "../engines/language-set.js";
import { PlinthError } from "../errors/plinth-error.js";
import { isPending, lazyProperty } from "../util/lazy-property.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import { applyComputedData, computedReadsPageLocation } from "./computed-data.js";
import type { DataObject } from "./data-merge.js";
import { defaultOutputPath } from "./file-slug.js";
import { createCollectionItem, type Page, type PageVariable, type Template } from "./page-model.js";
import { addPaginationLinks, paginationItems, paginationObject, paginationSpec, setAlias } from "./pagination.js";
import { locationFromLink, permalinkValue } from "./permalink.js";

export interface PageContext {
  languages: LanguageSet;
  /** The output folder as configured (`_site`), for `page.outputPath` as Eleventy shows it. */
  outputDir: string;
  javascriptFunctions: object;
  /** `setDynamicPermalinks(false)`: permalink strings are used as written, never rendered. */
  dynamicPermalinks: boolean;
  collections: DataObject;
  nextOrder: () => number;
}

/** A page tagged `news` that paginates `collections.news` would be one of its own items: Eleventy refuses it, so do we. */
function checkCircularPagination(template: Template, target: string): void {
  const match = /^collections\.(.+)$/.exec(target);
  const tags = Array.isArray(template.data.tags) ? (template.data.tags as unknown[]).map(String) : [];
  if (match && tags.includes(match[1]!) && !template.data.eleventyExcludeFromCollections) {
    throw new PlinthError("PaginationInvalid", `${template.source.inputPath} paginates ${target} but is itself in that collection.`, {
      location: { file: template.source.inputPath, ...frontMatterKeyLocation(template.source.text, "pagination") },
      source: template.source.text,
      hint: "Remove the tag from this page, or add `eleventyExcludeFromCollections: true`.",
    });
  }
}

function outputPathFor(outputDir: string, relative: string): string {
  const joined = path.posix.normalize(`${outputDir.replace(/\\/g, "/")}/${relative}`);
  return joined.startsWith("/") || joined.startsWith("./") || joined.startsWith("../") ? joined : `./${joined}`;
}

function hasOwnPermalink(data: DataObject): boolean {
  const computed = data.eleventyComputed as DataObject | undefined;
  return Boolean(data.permalink) || Boolean(computed && typeof computed === "object" && computed.permalink);
}

async function renderPermalink(template: Template, data: DataObject, ctx: PageContext): Promise<unknown> {
  const raw = data.permalink;
  // Eleventy's order: a boolean as it is, then raw strings when dynamic permalinks are off for the site or the page.
  if (typeof raw === "boolean") return raw;
  if (raw && (!ctx.dynamicPermalinks || data.dynamicPermalink === false)) return raw;
  const custom = ctx.languages.custom.customIn(template.chain);
  if (custom && typeof raw !== "function" && !(raw && typeof raw === "object")) {
    return ctx.languages.custom.permalink(custom, raw || undefined, template.source.inputPath, data);
  }
  if (typeof raw === "function") return (raw as (d: DataObject) => unknown)(data);
  if (typeof raw === "string") return ctx.languages.renderString(template.chain, raw, data, template.source.file);
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const build = (raw as DataObject).build;
    if (typeof build === "string") return { ...raw, build: await ctx.languages.renderString(template.chain, build, data, template.source.file) };
  }
  return raw;
}

async function locate(template: Template, data: DataObject, page: PageVariable, extraSubdir: string, ctx: PageContext): Promise<string | false> {
  const rendered = await renderPermalink(template, data, ctx);
  if (rendered === "" && typeof data.permalink === "string" && data.permalink !== "") {
    throw new PlinthError("PermalinkInvalid", `The permalink "${data.permalink}" rendered to an empty string.`, {
      location: { file: template.source.inputPath, ...frontMatterKeyLocation(template.source.text, "permalink") },
      source: template.source.text,
      hint: "Check the variables the permalink uses: one of them is probably empty or misspelled.",
    });
  }
  const value = permalinkValue(rendered, template.source.inputPath);
  const link = value === undefined ? defaultOutputPath(template.names, page.outputFileExtension) : value;
  if (link === false) {
    page.url = false;
    page.outputPath = false;
    return false;
  }
  const location = locationFromLink(link, extraSubdir, template.source.inputPath);
  page.url = location.url;
  page.outputPath = location.relative === false ? false : outputPathFor(ctx.outputDir, location.relative);
  return location.relative;
}

function pageVariable(template: Template, ctx: PageContext): PageVariable {
  const variable: PageVariable = {
    inputPath: template.source.inputPath,
    fileSlug: template.names.fileSlug,
    filePathStem: template.names.filePathStem,
    // The language's output extension, whatever the permalink says (Eleventy's `defaultTemplateFileExtension`).
    outputFileExtension: ctx.languages.custom.customIn(template.chain)?.outputFileExtension ?? "html",
    templateSyntax: template.chain.join(","),
    date: template.date,
    url: false,
    outputPath: false,
    rawInput: "",
    ...(template.source.frontMatter.excerpt !== undefined ? { excerpt: template.source.frontMatter.excerpt } : {}),
  };
  const { frontMatter } = template.source;
  // A recalled source's body is read when a template asks: a build that renders a few pages of many leaves the others' files unread.
  if (isPending(frontMatter, "body")) lazyProperty(variable, "rawInput", () => frontMatter.body);
  else variable.rawInput = frontMatter.body;
  return variable;
}

async function makePage(template: Template, data: DataObject, pageNumber: number, extraSubdir: string, ctx: PageContext): Promise<Page> {
  const page = pageVariable(template, ctx);
  data.page = page;
  data.collections = ctx.collections;
  const render = (text: string, d: DataObject) => ctx.languages.renderString(template.chain, text, d, template.source.file);
  await applyComputedData(data, render, template.source.inputPath);
  const outputRelative = await locate(template, data, page, extraSubdir, ctx);
  // Eleventy computes values that read page.url after the permalink is known (the I18n plugin's page.lang does).
  if (computedReadsPageLocation(data)) await applyComputedData(data, render, template.source.inputPath, true);
  const record = { template, data, page, outputRelative, pageNumber, order: ctx.nextOrder() } as Page;
  record.item = createCollectionItem(record);
  return record;
}

export async function expandTemplate(template: Template, ctx: PageContext): Promise<Page[]> {
  const spec = paginationSpec(template.data, template.source.inputPath);
  if (!spec) return [await makePage(template, { ...template.data }, 0, "", ctx)];
  checkCircularPagination(template, spec.data);

  const base = { ...template.data, collections: ctx.collections };
  const chunks = paginationItems(spec, base, template.source.inputPath, ctx.javascriptFunctions);
  const ownPermalink = hasOwnPermalink(template.data);
  const pages: Page[] = [];
  for (let n = 0; n < chunks.length; n++) {
    const data: DataObject = { ...template.data, pagination: paginationObject(spec, chunks, n) };
    if (spec.alias) setAlias(data, spec.alias, Number(spec.size) === 1 ? chunks[n]![0] : chunks[n]);
    pages.push(await makePage(template, data, n, n > 0 && !ownPermalink ? String(n) : "", ctx));
  }
  const hrefs = pages.map((p) => p.page.url);
  const links = pages.filter((p) => p.outputRelative !== false).map((p) => `/${p.outputRelative as string}`);
  pages.forEach((p, n) => addPaginationLinks(p.data.pagination as DataObject, n, hrefs, links));
  return pages;
}
