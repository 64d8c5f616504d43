/**
 * Phase 5, render: each page's content through its template languages, then its layouts
 * (innermost first), then the config's transforms and linters. Pages whose own content reads
 * collections render after the others, so `templateContent` is ready when they ask for it.
 * Errors are collected per page; the build reports them all at the end.
 */
import type { UserConfig } from "../config/user-config.js";
import type { LanguageSet } from "../engines/language-set.js";
import type { RenderFunction } from "../engines/template-language.js";
import type { PlinthError } from "../errors/plinth-error.js";
import { computedReadsCollections, applyComputedData } from "./computed-data.js";
import type { Page, Template } from "./page-model.js";
import { toRenderError } from "./render-error.js";

export interface RenderContext {
  languages: LanguageSet;
  config: UserConfig;
  displayPath: (abs: string) => string;
}

const compiled = new WeakMap<Template, RenderFunction>();

function compileTemplate(template: Template, languages: LanguageSet): RenderFunction {
  let fn = compiled.get(template);
  if (!fn) {
    fn = languages.compile(template.chain, template.source.frontMatter.body, template.source.file);
    compiled.set(template, fn);
  }
  return fn;
}

function readsCollections(page: Page): boolean {
  return page.template.source.frontMatter.body.includes("collections") || computedReadsCollections(page.data);
}

async function renderContent(page: Page, ctx: RenderContext): Promise<void> {
  if (computedReadsCollections(page.data)) {
    const render = (text: string, d: Record<string, unknown>) => ctx.languages.renderString(page.template.chain, text, d, page.template.source.file);
    await applyComputedData(page.data, render, page.page.inputPath);
  }
  try {
    page.content = await compileTemplate(page.template, ctx.languages)(page.data);
  } catch (error) {
    throw toRenderError(error, page.template.source, ctx.displayPath, `${page.page.inputPath} failed to render`);
  }
}

async function renderLayouts(page: Page, ctx: RenderContext): Promise<string> {
  let output = page.content ?? "";
  for (const layout of page.template.layouts) {
    try {
      output = await layout.render()({ ...page.data, content: output });
    } catch (error) {
      throw toRenderError(error, layout.source, ctx.displayPath, `The layout ${layout.source.inputPath} failed while rendering ${page.page.inputPath}`);
    }
  }
  return output;
}

async function applyTransforms(page: Page, content: string, ctx: RenderContext): Promise<string> {
  let output = content;
  const self = { page: page.page, inputPath: page.page.inputPath, outputPath: page.page.outputPath, url: page.page.url };
  for (const [name, fn] of ctx.config.transforms) {
    try {
      const result = await fn.call(self, output, page.page.outputPath);
      if (typeof result === "string") output = result;
    } catch (error) {
      throw toRenderError(error, page.template.source, ctx.displayPath, `The transform "${name}" failed on ${page.page.inputPath}`);
    }
  }
  for (const [name, fn] of ctx.config.linters) {
    try {
      await fn.call(self, output, page.page.inputPath, page.page.outputPath);
    } catch (error) {
      throw toRenderError(error, page.template.source, ctx.displayPath, `The linter "${name}" failed on ${page.page.inputPath}`);
    }
  }
  return output;
}

/** Runs `task` over `items` with at most `limit` in flight, keeping errors per item. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>, errors: PlinthError[], onError: (item: T, error: unknown) => PlinthError): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        errors.push(onError(item, error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function renderPages(pages: readonly Page[], ctx: RenderContext): Promise<PlinthError[]> {
  const errors: PlinthError[] = [];
  const first = pages.filter((p) => !readsCollections(p));
  const later = pages.filter((p) => readsCollections(p));
  const onError = (page: Page, error: unknown) => toRenderError(error, page.template.source, ctx.displayPath, `${page.page.inputPath} failed to render`);
  await eachLimited(first, 32, (p) => renderContent(p, ctx), errors, onError);
  await eachLimited(later, 32, (p) => renderContent(p, ctx), errors, onError);
  if (errors.length) return errors;
  await eachLimited(
    pages.filter((p) => p.outputRelative !== false),
    32,
    async (p) => {
      p.output = await applyTransforms(p, await renderLayouts(p, ctx), ctx);
    },
    errors,
    onError,
  );
  return errors;
}
