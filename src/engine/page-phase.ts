/** Phase 4, pages and collections: each template's pages, then the collections they form. */
import type { PlinthError } from "../errors/plinth-error.js";
import { asPlinthError, fail } from "./build-errors.js";
import type { BuildState } from "./build-state.js";
import { buildCollections } from "./collections.js";
import { itemKey, type Page, type Template } from "./page-model.js";
import { expandTemplate, type PageContext } from "./pages.js";
import { paginatesCollections, paginationSpec } from "./pagination.js";

/**
 * Pages re-made by an update, each paired with the page it replaces: the same identity in the
 * same place. Undefined when the update added, removed or moved pages.
 */
export type Replacements = Map<Page, Page> | undefined;

export function withReplacements(byKey: Map<string, Page>, replaced: Map<Page, Page>): Map<string, Page> {
  const next = new Map(byKey);
  for (const page of replaced.values()) next.set(itemKey(page), page);
  return next;
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

/**
 * Phase 4: pages and collections. Templates that paginate collections wait until they exist.
 * An update reuses the pages of templates it kept; `previousTemplates` names the templates
 * of the last build by file, to pair re-made pages with the pages they replace.
 */
export async function buildPages(state: BuildState, templates: Template[], previousTemplates: Map<string, Template> | undefined, errors: PlinthError[]): Promise<{ pages: Page[]; byTemplate: Map<Template, Page[]>; replaced: Replacements }> {
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
  const waiting: Template[] = [];
  const pages: Page[] = [];
  const byTemplate = new Map<Template, Page[]>();
  // Waiting templates are never reused: the collections they paginate are new each time.
  const add = async (template: Template, reusable: boolean): Promise<void> => {
    try {
      let made = reusable ? previousPages.get(template) : undefined;
      if (!made) {
        made = await expandTemplate(template, ctx);
        replaced = pairPages(replaced, pagesBefore(template), made);
      }
      byTemplate.set(template, made);
      pages.push(...made);
    } catch (error) {
      errors.push(asPlinthError(error, template.source.inputPath));
    }
  };
  for (const template of templates) {
    let spec;
    try {
      spec = paginationSpec(template.data, template.source.inputPath);
    } catch (error) {
      errors.push(asPlinthError(error, template.source.inputPath));
      continue;
    }
    if (spec && paginatesCollections(spec)) waiting.push(template);
    else await add(template, true);
  }
  fail(errors);
  await buildCollections(state.collections, pages, state.config.collections, 0, replaced);
  if (waiting.length) {
    for (const template of waiting) await add(template, false);
    fail(errors);
    await buildCollections(state.collections, pages, state.config.collections, 1, replaced);
  }
  return { pages, byTemplate, replaced };
}
