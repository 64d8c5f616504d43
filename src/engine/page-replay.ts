/**
 * Phase 4 for an update in proportion to the edit (a body or title typed in the studio's
 * preview, a saved post). When the data phase re-made a few templates in place and the order
 * of the build holds, the last build's pages and collections stand but for those templates'
 * pages, and the pages of templates paginating collections whose expansion is stale. The steps
 * run again without a pass over every template: a re-made template is expanded at its step,
 * and must give pages with the same keys, dates and collection membership as before; then
 * every collection holds the same items in the same order (re-made pages took over their
 * predecessors' items) and is the last build's list again (collection-maker.ts). When anything
 * differs the replay gives up and buildPages runs every step.
 */
import type { BuildState } from "./build-state.js";
import { CollectionReplay } from "./collection-maker.js";
import { membership } from "./collections.js";
import { itemKey, type Page, type Template } from "./page-model.js";
import type { TemplateOrder } from "./template-order.js";

export interface ReplayInput {
  state: BuildState;
  plan: TemplateOrder;
  valid: readonly Template[];
  waits: ReadonlySet<Template>;
  /** Templates the data phase re-made, each with the one it replaced. */
  remade: ReadonlyMap<Template, Template>;
  /** Expands a template (adopting items, noting the pages as made). */
  expand(template: Template): Promise<Page[]>;
  /** The last build's pages of a template paginating collections, when its expansion holds. */
  kept(template: Template): Page[] | undefined;
}

export interface ReplayResult {
  pages: Page[];
  byTemplate: Map<Template, Page[]>;
  replaced: Map<Page, Page>;
}

/** Same keys, dates and collection membership, page by page: the collections cannot have changed. */
function sameShape(before: readonly Page[], now: readonly Page[]): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = before[i]!;
    const b = now[i]!;
    if (itemKey(a) !== itemKey(b) || a.page.date.getTime() !== b.page.date.getTime()) return false;
    const ma = membership(a);
    const mb = membership(b);
    if (ma.joins !== mb.joins || ma.tags.length !== mb.tags.length || ma.tags.some((tag, j) => tag !== mb.tags[j])) return false;
  }
  return true;
}

interface Swap {
  template: Template;
  /** The template it replaces, when the data phase re-made it. */
  old?: Template;
  before: Page[];
  now: Page[];
}

/** The pages and collections of the update, or undefined when it cannot be replayed. */
export async function replayPages(input: ReplayInput): Promise<ReplayResult | undefined> {
  const { state, plan, valid, waits, remade } = input;
  const replay = CollectionReplay.start(state.collections, state.config.collections);
  if (!replay) return undefined;
  const previousPages = state.pagesByTemplate;
  const swaps: Swap[] = [];
  for (const step of plan.steps) {
    if (typeof step === "string") {
      if (!(await replay.make(step))) return undefined;
      continue;
    }
    const template = valid[step]!;
    const old = remade.get(template);
    if (!old && (!waits.has(template) || input.kept(template))) continue;
    const before = previousPages.get(old ?? template);
    if (!before) return undefined;
    let now: Page[];
    try {
      now = await input.expand(template);
    } catch {
      // buildPages expands it again and reports the error with the others.
      return undefined;
    }
    if (!sameShape(before, now)) return undefined;
    swaps.push({ template, old, before, now });
  }
  if (!replay.done || swaps.filter((swap) => swap.old).length !== remade.size) return undefined;
  // Each template's pages stand together in the list, in the order of the steps.
  const pages = state.pages.slice();
  const replaced = new Map<Page, Page>();
  for (const { before, now } of swaps) {
    if (!before.length) continue;
    const at = pages.indexOf(before[0]!);
    if (at < 0) return undefined;
    for (let i = 0; i < before.length; i++) {
      if (pages[at + i] !== before[i]) return undefined;
      pages[at + i] = now[i]!;
      replaced.set(before[i]!, now[i]!);
    }
  }
  for (const { template, old, now } of swaps) {
    if (old) previousPages.delete(old);
    previousPages.set(template, now);
  }
  return { pages, byTemplate: previousPages, replaced };
}
