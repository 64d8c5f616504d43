/**
 * Phase 5, render: each page's content through its template languages, then its layouts
 * (innermost first), then the config's transforms and linters. Pages whose own content reads
 * collections render after the others, so `templateContent` is ready when they ask for it.
 * Errors are collected per page; the build reports them all at the end.
 */
import type { UserConfig } from "../config/user-config.js";
import type { LanguageSet } from "../engines/language-set.js";
import type { RenderFunction } from "../engines/template-language.js";
import type { PageRenderFunction } from "../engines/custom-languages.js";
import { PlinthError } from "../errors/plinth-error.js";
import { applyHtmlTransformer } from "../plugins/html-transformer.js";
import { transformSteps } from "../plugins/transform-steps.js";
import { computedReadsCollections, applyComputedData } from "./computed-data.js";
import { itemKey, type Page, type Template } from "./page-model.js";
import { newRecord, recordFile, trackRender, type RenderRecord } from "./render-tracking.js";
import { toRenderError } from "./render-error.js";
import { flatten } from "../util/flat-string.js";

export interface RenderContext {
  languages: LanguageSet;
  config: UserConfig;
  displayPath: (abs: string) => string;
  /** When present, what each page reads is recorded here (by item key) for incremental rebuilds. */
  records?: Map<string, RenderRecord>;
  /** Called as each page's output is ready; rendering waits for a promise it returns (a writer that is behind). */
  onOutput?: (page: Page) => void | Promise<void>;
}

function tracked<T>(page: Page, ctx: RenderContext, fresh: boolean, fn: () => Promise<T>): Promise<T> {
  if (!ctx.records) return fn();
  const key = itemKey(page);
  let record = ctx.records.get(key);
  if (fresh || !record) ctx.records.set(key, (record = newRecord()));
  return trackRender(record, fn);
}

const compiled = new WeakMap<Template, PageRenderFunction>();

function compileTemplate(template: Template, ctx: RenderContext): PageRenderFunction {
  let fn = compiled.get(template);
  if (!fn) {
    const javascript = template.source.javascript;
    const base: RenderFunction | undefined = javascript ? (data) => javascript.render(data, ctx.config.javascriptFunctions) : undefined;
    fn = ctx.languages.compilePage(template.chain, template.source.frontMatter.body, template.source.file, base);
    compiled.set(template, fn);
  }
  return fn;
}

const bodyReadsCollections = new WeakMap<Template, boolean>();

/** A cheap first guess at which pages read collections in template syntax; retries cover the rest. */
function readsCollections(page: Page): boolean {
  let reads = bodyReadsCollections.get(page.template);
  if (reads === undefined) {
    reads = /(\{\{|\{%)[^}]*collections/.test(page.template.source.frontMatter.body);
    bodyReadsCollections.set(page.template, reads);
  }
  return reads || computedReadsCollections(page.data);
}

function isTooEarly(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < 6 && current; i++) {
    if (current instanceof PlinthError && current.code === "TemplateContentTooEarly") return true;
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return false;
}

function renderContent(page: Page, ctx: RenderContext): Promise<void> {
  return tracked(page, ctx, true, () => renderContentUntracked(page, ctx));
}

async function renderContentUntracked(page: Page, ctx: RenderContext): Promise<void> {
  if (computedReadsCollections(page.data)) {
    const render = (text: string, d: Record<string, unknown>) => ctx.languages.renderString(page.template.chain, text, d, page.template.source.file);
    await applyComputedData(page.data, render, page.page.inputPath);
  }
  try {
    const content = await compileTemplate(page.template, ctx)(page.data);
    // Kept until the build ends, so kept flat (see flat-string.ts).
    page.content = typeof content === "string" ? flatten(content) : content;
  } catch (error) {
    throw toRenderError(error, page.template.source, ctx.displayPath, `${page.page.inputPath} failed to render`);
  }
}

function renderLayouts(page: Page, ctx: RenderContext): Promise<string> {
  return tracked(page, ctx, false, () => renderLayoutsUntracked(page, ctx));
}

async function renderLayoutsUntracked(page: Page, ctx: RenderContext): Promise<string> {
  let output = page.content ?? "";
  for (const layout of page.template.layouts) {
    recordFile(layout.source.file);
    try {
      // Eleventy spreads the page's data after `content`, so data that sets `content` (allowed by setFreezeReservedData(false)) wins.
      output = await layout.render()({ content: output, ...page.data });
    } catch (error) {
      throw toRenderError(error, layout.source, ctx.displayPath, `The layout ${layout.source.inputPath} failed while rendering ${page.page.inputPath}`);
    }
  }
  return output;
}

async function applyTransforms(page: Page, content: string, ctx: RenderContext): Promise<string> {
  let output = content;
  const self = { page: page.page, inputPath: page.page.inputPath, outputPath: page.page.outputPath, url: page.page.url };
  // Linters see the page before any transform, as in Eleventy.
  for (const [name, fn] of ctx.config.linters) {
    try {
      await fn.call(self, output, page.page.inputPath, page.page.outputPath);
    } catch (error) {
      throw toRenderError(error, page.template.source, ctx.displayPath, `The linter "${name}" failed on ${page.page.inputPath}`);
    }
  }
  for (const step of transformSteps(ctx.config)) {
    if (step.kind === "html") {
      try {
        output = await applyHtmlTransformer(ctx.config, output, self);
      } catch (error) {
        throw toRenderError(error, page.template.source, ctx.displayPath, `The HTML transformer (htmlTransformer plugins) failed on ${page.page.inputPath}`);
      }
      continue;
    }
    try {
      const result = await step.fn.call(self, output, page.page.outputPath);
      if (typeof result === "string") output = result;
    } catch (error) {
      throw toRenderError(error, page.template.source, ctx.displayPath, `The transform "${step.name}" failed on ${page.page.inputPath}`);
    }
  }
  return output;
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
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

/** Layouts, transforms and linters for one page whose content is rendered; then the page is handed on. */
async function renderOutput(page: Page, ctx: RenderContext): Promise<void> {
  // A custom language's `compile` that returns nothing writes nothing (Eleventy skips the write).
  page.skipsWrite = page.content === undefined && page.template.layouts.length === 0;
  page.output = page.skipsWrite ? undefined : await applyTransforms(page, await renderLayouts(page, ctx), ctx);
  await ctx.onOutput?.(page);
}

function contentError(ctx: RenderContext) {
  return (page: Page, error: unknown): PlinthError => toRenderError(error, page.template.source, ctx.displayPath, `${page.page.inputPath} failed to render`);
}

/** Pages in the order a full build renders them: pages that read collections last, as they may show others' content. */
export function renderOrder(pages: readonly Page[]): Page[] {
  const [readers, others] = partition(pages, readsCollections);
  return [...others, ...readers];
}

export interface RenderRoundOptions {
  /**
   * Takes the pages that wait for content no page of this call renders, instead of reporting
   * them as a cycle: a render thread's batch hands them back to the main thread.
   */
  onStuck?: (pages: Page[]) => void;
  /** Collects the pages whose content or layouts failed (their errors are in `errors`). */
  failed?: Set<Page>;
}

/**
 * Renders every page's content. A page that reads another page's `templateContent` before it
 * exists is tried again after the rest: rounds continue while each one makes progress.
 *
 * With `layoutsAtOnce` (a full build, where no page has content yet, so reading content not
 * rendered yet fails instead of seeing an old one), each page's layouts follow its content
 * straight away: the main thread lays out one page while the Markdown thread renders the next,
 * and the writer gets pages from the start. A layout that reads content not rendered yet
 * waits for the end. Returns the pages whose layouts are still to render.
 */
export async function renderAllContent(pages: readonly Page[], ctx: RenderContext, errors: PlinthError[], layoutsAtOnce = false, options: RenderRoundOptions = {}): Promise<Page[]> {
  const { onStuck, failed } = options;
  const pageError = contentError(ctx);
  const onError = failed
    ? (page: Page, error: unknown): PlinthError => {
        failed.add(page);
        return pageError(page, error);
      }
    : pageError;
  const laidOut = new Set<Page>();
  const layoutErrors: PlinthError[] = [];
  let pending = renderOrder(pages);
  while (pending.length) {
    const retry: Page[] = [];
    const roundErrors: PlinthError[] = [];
    await eachLimited(
      pending,
      32,
      async (page) => {
        try {
          await renderContent(page, ctx);
        } catch (error) {
          if (isTooEarly(error)) return void retry.push(page);
          throw error;
        }
        if (!layoutsAtOnce || page.outputRelative === false) return;
        try {
          await renderOutput(page, ctx);
          laidOut.add(page);
        } catch (error) {
          if (isTooEarly(error)) return;
          layoutErrors.push(onError(page, error));
          laidOut.add(page);
        }
      },
      roundErrors,
      onError,
    );
    errors.push(...roundErrors);
    if (retry.length === pending.length) {
      // A part of the site (a render thread's batch) hands on pages that wait for content rendered elsewhere.
      if (onStuck) {
        onStuck(retry);
        break;
      }
      // No progress: these pages read each other's content in a cycle.
      for (const page of retry) {
        errors.push(
          new PlinthError("TemplateContentTooEarly", `${page.page.inputPath} reads the content of pages that in turn read its own.`, {
            location: { file: page.page.inputPath },
          }),
        );
      }
      break;
    }
    pending = retry.sort((a, b) => a.order - b.order);
  }
  errors.push(...layoutErrors);
  return pages.filter((p) => !laidOut.has(p));
}

/** Layouts, transforms and linters for pages whose content is rendered. */
export async function renderAllOutput(pages: readonly Page[], ctx: RenderContext, errors: PlinthError[]): Promise<void> {
  await eachLimited(
    pages.filter((p) => p.outputRelative !== false),
    32,
    (page) => renderOutput(page, ctx),
    errors,
    contentError(ctx),
  );
}
