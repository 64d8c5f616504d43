/**
 * A render thread. Filters, shortcodes, Markdown libraries and data files' functions cannot
 * cross threads, so the thread loads the site itself from the same inputs as the main thread
 * (config, plugins, scan, read, data cascade, pages and collections) and tells the main thread
 * a fingerprint of its page list; then it renders the batches of pages it is sent, by their
 * index in that list, and sends back their content and output. Pages that need another page's
 * content rendered elsewhere go back unrendered, for the main thread.
 *
 * It runs no `eleventy.before` listener (the main thread does; see thread-plan.ts) and writes
 * nothing: the main thread hands every page to the writer.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { PlinthError } from "../../errors/plinth-error.js";
import { isPlinthError } from "../../errors/plinth-error.js";
import { createBuildState } from "../build-state.js";
import { buildTemplates } from "../data-phase.js";
import { runListeners } from "../events.js";
import type { Page } from "../page-model.js";
import { buildPages } from "../page-phase.js";
import { readSources } from "../read-phase.js";
import { renderAllContent, type RenderContext } from "../render.js";
import { contentMap } from "../build.js";
import { siteFingerprint, toWire, type FromWorker, type PageResult, type ToWorker, type WorkerSetup } from "./wire.js";

const port = parentPort!;
const setup = workerData as WorkerSetup;

function send(message: FromWorker): void {
  port.postMessage(message);
}

async function loadSite(): Promise<{ pages: Page[]; ctx: RenderContext; copiesSent: Set<string>; copies: Map<string, { source: string }> } | undefined> {
  const errors: PlinthError[] = [];
  const state = await createBuildState({ ...setup, renderThread: true, threads: 1 });
  const sources = await readSources(state, undefined, errors);
  const templates = errors.length ? [] : await buildTemplates(state, sources, undefined, errors);
  const built = errors.length ? undefined : await buildPages(state, templates, undefined, errors);
  if (!built || errors.length) {
    send({ type: "unusable", reason: `loading the site failed here: ${errors[0]?.message ?? "unknown error"}` });
    return undefined;
  }
  // Filters such as inputPathToUrl and the I18n plugin's read the map as they render.
  if (state.config.listeners.has("eleventy.contentMap")) await runListeners(state.config, "eleventy.contentMap", contentMap(built.pages));
  send({ type: "ready", fingerprint: siteFingerprint(built.pages, state.globalData) });
  const ctx: RenderContext = { languages: state.languages, config: state.config, displayPath: state.show };
  return { pages: built.pages, ctx, copiesSent: new Set(), copies: state.config.renderedCopies };
}

async function renderBatch(site: NonNullable<Awaited<ReturnType<typeof loadSite>>>, batch: number, indices: number[]): Promise<void> {
  const batchPages = indices.map((index) => site.pages[index]!);
  const laidOut = new Set<Page>();
  const stuck = new Set<Page>();
  const failed = new Set<Page>();
  const errors: PlinthError[] = [];
  const ctx: RenderContext = { ...site.ctx, onOutput: (page) => void laidOut.add(page) };
  await renderAllContent(batchPages, ctx, errors, true, { onStuck: (pages) => pages.forEach((page) => stuck.add(page)), failed });
  const results: PageResult[] = [];
  const deferred: number[] = [];
  for (const [i, page] of batchPages.entries()) {
    const index = indices[i]!;
    if (laidOut.has(page)) results.push({ index, content: page.content, output: page.output, laidOut: true, skipsWrite: page.skipsWrite });
    else if (failed.has(page)) continue;
    else if (!stuck.has(page) && page.content !== undefined && page.outputRelative === false) results.push({ index, content: page.content, laidOut: false });
    // Waiting for content from elsewhere, in its content or in a layout: the main thread renders it whole.
    else deferred.push(index);
  }
  // Both are the main thread's now. A later page here that shows this content waits for it and goes back to the main thread, which has every page's.
  for (const page of batchPages) page.content = page.output = undefined;
  const copies: [string, string][] = [];
  for (const [target, copy] of site.copies) {
    if (site.copiesSent.has(target)) continue;
    site.copiesSent.add(target);
    copies.push([target, copy.source]);
  }
  send({ type: "done", batch, results, deferred, errors: errors.filter(isPlinthError).map(toWire), copies });
}

async function main(): Promise<void> {
  let site: Awaited<ReturnType<typeof loadSite>>;
  try {
    site = await loadSite();
  } catch (error) {
    send({ type: "unusable", reason: `loading the site failed here: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  if (!site) return;
  const loaded = site;
  // Batches render one after another, in the order they come.
  let queue = Promise.resolve();
  port.on("message", (message: ToWorker) => {
    queue = queue.then(() => renderBatch(loaded, message.batch, message.indices));
  });
}

void main();
