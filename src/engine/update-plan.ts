/**
 * What an update redoes once its pages exist: which pages render again, which pages that show
 * their content follow, and what the writers are handed. See incremental.ts for the rules.
 */
import type { PlinthError } from "../errors/plinth-error.js";
import type { OutputWriter } from "../write/output-writer.js";
import type { BuildState } from "./build-state.js";
import { computedReadsCollections } from "./computed-data.js";
import { collectionIdentity } from "./collections.js";
import { recordIsStale } from "./incremental.js";
import { itemKey, type Page } from "./page-model.js";
import type { Replacements } from "./page-phase.js";
import type { PassthroughFile } from "./passthrough.js";
import { renderAllContent, renderAllOutput, type RenderContext } from "./render.js";
import { samePagination } from "./same-pagination.js";

/**
 * Which pages must render. New pages always do; a page that existed before keeps its output
 * when its template is the same object and nothing it read has changed.
 */
export function pagesToRender(state: BuildState, pages: Page[], byKey: Map<string, Page>, previous: Map<string, Page>, changed: ReadonlySet<string>, replaced: Replacements): { dirty: Set<Page>; changedItems: Set<string> } {
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
  const check = { changedFiles: changed, pagesByKey: byKey, changedItems, collections: state.collections, ignoreContent: true, everyKeyKept: replaced !== undefined };
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
export function currentIdentity(state: BuildState, name: string): string {
  const value = state.collections[name];
  return Array.isArray(value) ? collectionIdentity(value) : `unknown:${Math.random()}`;
}

export async function renderChanged(state: BuildState, byKey: Map<string, Page>, dirty: Set<Page>, changedItems: Set<string>, changed: ReadonlySet<string>, errors: PlinthError[], onOutput?: (page: Page) => void | Promise<void>): Promise<void> {
  const ctx: RenderContext = { languages: state.languages, config: state.config, displayPath: state.show, records: state.options.track ? state.records : undefined, onOutput };
  let round = [...dirty];
  const contentBefore = new Map(round.map((p) => [p, p.content]));
  // Layouts may follow each page's content at once when nothing they read can change later:
  // every page renders anew (so no later round re-renders a content a layout has read), and
  // no page's computed data waits for collections (it lands in the page data as the page renders).
  const layoutsAtOnce = dirty.size === byKey.size && round.every((p) => p.content === undefined && !computedReadsCollections(p.data));
  const toLayOut = new Set<Page>();
  while (round.length) {
    for (const page of await renderAllContent(round, ctx, errors, layoutsAtOnce)) toLayOut.add(page);
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
  await renderAllOutput([...toLayOut], ctx, errors);
}

/**
 * An update hands the writer only what changed: the pages that rendered, and the outputs of
 * pages that are gone or moved. A page kept from the last build, or re-made with the same
 * output, writes what it wrote before.
 */
export function queueChanges(writer: OutputWriter, pages: Page[], dirty: Set<Page>, previous: Map<string, Page>, current: Map<string, Page>, replaced: Replacements, copies: readonly PassthroughFile[], copiedBefore: ReadonlySet<string>): void {
  for (const page of dirty) if (page.outputRelative !== false && !page.skipsWrite) writer.writeFile(page.outputRelative, page.output ?? "");
  const vacated = new Set(copiedBefore);
  for (const file of copies) vacated.delete(file.relative);
  const pairs: Iterable<[Page, Page | undefined]> = replaced ?? [...previous.values()].map((old): [Page, Page | undefined] => [old, current.get(itemKey(old))]);
  for (const [old, now] of pairs) if (old.outputRelative !== false && old.outputRelative !== now?.outputRelative) vacated.add(old.outputRelative);
  if (vacated.size) for (const page of pages) if (page.outputRelative !== false) vacated.delete(page.outputRelative);
  for (const relative of vacated) writer.removeFile(relative);
}
