/** Phase 4, pages and collections: each template's pages, then the collections they form. */
import type { PlinthError } from "../errors/plinth-error.js";
import { asPlinthError, fail } from "./build-errors.js";
import type { BuildState } from "./build-state.js";
import { CollectionMaker } from "./collection-maker.js";
import { expansionIsStale, trackedExpansion } from "./expansion-reuse.js";
import { adoptItem, itemKey, type Page, type Template } from "./page-model.js";
import { replayPages } from "./page-replay.js";
import { expandTemplate, type PageContext } from "./pages.js";
import { planPages } from "./page-plan.js";

/**
 * Pages re-made by an update, each paired with the page it replaces: the same identity in the
 * same place. Undefined when the update added, removed or moved pages.
 */
export type Replacements = Map<Page, Page> | undefined;

/** `byKey` with the re-made pages in their predecessors' places; changes `byKey` itself, in proportion to the change. */
export function withReplacements(byKey: Map<string, Page>, replaced: Map<Page, Page>): Map<string, Page> {
  for (const page of replaced.values()) byKey.set(itemKey(page), page);
  return byKey;
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

/** The last build's templates by file; `inPlace` holds those the data phase replaced in place (see data-phase.ts). */
export interface PreviousTemplates {
  readonly size: number;
  get(file: string): Template | undefined;
  readonly inPlace: ReadonlyMap<string, Template>;
}

/**
 * Phase 4: pages and collections, in Eleventy's order (template-order.ts): a template that
 * paginates a collection is expanded once the pages that collection holds exist. An update
 * reuses the pages of templates it kept, and of kept templates paginating collections when
 * nothing their expansion read has changed (expansion-reuse.ts); `previousTemplates` names the
 * templates of the last build by file, to pair re-made pages with the pages they replace.
 * A re-made page takes over the collection item of the page it replaces.
 */
export async function buildPages(
  state: BuildState,
  templates: Template[],
  previousTemplates: PreviousTemplates | undefined,
  errors: PlinthError[],
  changed: ReadonlySet<string> = new Set(),
  remade?: Set<string>,
): Promise<{ pages: Page[]; byTemplate: Map<Template, Page[]>; replaced: Replacements }> {
  let order = 0;
  const ctx: PageContext = {
    languages: state.languages,
    outputDir: state.project.dir.output,
    javascriptFunctions: state.config.javascriptFunctions,
    dynamicPermalinks: state.config.dynamicPermalinks,
    collections: state.collectionsView,
    nextOrder: () => order++,
  };
  const previousPages = previousTemplates ? state.pagesByTemplate : new Map<Template, Page[]>();
  const pagesBefore = (template: Template): Page[] | undefined => {
    const old = previousTemplates?.get(template.source.file);
    return old && previousPages.get(old);
  };
  let replaced: Replacements = previousTemplates && templates.length === previousTemplates.size ? new Map() : undefined;
  const pages: Page[] = [];
  const byTemplate = new Map<Template, Page[]>();
  const { valid, waits, paginatesNames, plan, sameOrder } = planPages(state, templates, previousTemplates?.inPlace, errors);
  const track = Boolean(state.options.track);
  const previousByKey = previousTemplates && state.pagesByKey;
  const made = new Map<string, Page>();
  // Templates expanded in this build: a replay that gave up may have replaced their expansion records.
  const expanded = new Set<Template>();
  const expand = async (template: Template): Promise<Page[]> => {
    expanded.add(template);
    const run = () => expandTemplate(template, ctx);
    const list = await (track && waits.has(template) ? trackedExpansion(template, paginatesNames.has(template), state.collections, run) : run());
    remade?.add(template.source.file);
    for (const page of list) {
      const previous = previousByKey?.get(itemKey(page));
      if (previous && previous !== page) adoptItem(page, previous);
      made.set(itemKey(page), page);
    }
    return list;
  };
  /** The last build's pages of `template` when they still hold: it was kept, and paginates no collection or one that holds as it was. */
  const kept = (template: Template): Page[] | undefined => {
    const pages = previousPages.get(template);
    if (!pages || !waits.has(template)) return pages;
    if (expanded.has(template)) return undefined;
    return track && !expansionIsStale(template, { changedFiles: changed, collections: state.collections, made }) ? pages : undefined;
  };
  if (track && previousTemplates?.inPlace.size && errors.length === 0 && sameOrder) {
    const remadeTemplates = new Map<Template, Template>();
    for (const [file, old] of previousTemplates.inPlace) {
      const template = state.templates.get(file);
      if (template) remadeTemplates.set(template, old);
    }
    const replayed = await replayPages({ state, plan, valid, waits, remade: remadeTemplates, expand, kept });
    if (replayed) return replayed;
  }
  const collections = new CollectionMaker(state.collections, state.config.collections);
  for (const step of plan.steps) {
    // After an error, only the templates that read no collection go on, for their own errors.
    if (typeof step === "string") {
      if (errors.length === 0) await collections.make(step);
      continue;
    }
    const template = valid[step]!;
    if (errors.length && waits.has(template)) continue;
    try {
      let list = kept(template);
      if (!list) {
        list = await expand(template);
        replaced = pairPages(replaced, pagesBefore(template), list);
      }
      byTemplate.set(template, list);
      pages.push(...list);
      collections.add(list);
    } catch (error) {
      errors.push(asPlinthError(error, template.source.inputPath));
    }
  }
  fail(errors);
  return { pages, byTemplate, replaced };
}
