/**
 * An update's shortcut for templates that paginate collections (a news index in pages of 20,
 * one page per tag). Expanding them makes a page per chunk, each with its permalink rendered:
 * at 10,000 posts that is hundreds of pages on every keystroke of the studio's preview, for an
 * edit that left every collection holding the same pages in the same order.
 *
 * So an expansion is tracked as a page render is (render-tracking.ts): which collections it
 * read, which fields of which pages (a permalink made from `post.data.title`), which files.
 * An update keeps the last expansion's pages when the template is the same object and none of
 * that changed. Collection items keep their identity across re-made pages (page-model.ts,
 * `adoptItem`), so the kept pages' `pagination.items` show the current pages.
 */
import type { DataObject } from "./data-merge.js";
import { collectionIdentity } from "./collections.js";
import { currentValue } from "./incremental.js";
import type { Page, Template } from "./page-model.js";
import { markWholeDataReads, newRecord, trackRender, type RenderRecord } from "./render-tracking.js";

interface Expansion {
  record: RenderRecord;
  /** The names in `collections` when the template paginates `collections` itself (their keys). */
  keys?: string;
}

/** The last expansion of each template, kept while the template object lives. */
const expansions = new WeakMap<Template, Expansion>();

function collectionKeys(collections: DataObject): string {
  return Object.keys(collections).join("\u0000");
}

/** Expands `template` with `expand`, recording what the expansion read. */
export async function trackedExpansion(template: Template, paginatesKeys: boolean, collections: DataObject, expand: () => Promise<Page[]>): Promise<Page[]> {
  const record = markWholeDataReads(newRecord());
  const keys = paginatesKeys ? collectionKeys(collections) : undefined;
  const pages = await trackRender(record, expand);
  expansions.set(template, { record, keys });
  return pages;
}

export interface ExpansionCheck {
  changedFiles: ReadonlySet<string>;
  /** The collections as made so far by this build (each step sees what it saw last time). */
  collections: DataObject;
  /** Pages made anew by this build so far, by key; every other page is last build's object. */
  made: ReadonlyMap<string, Page>;
}

/** True when the last expansion of `template` may differ from expanding it now. */
export function expansionIsStale(template: Template, check: ExpansionCheck): boolean {
  const last = expansions.get(template);
  if (!last) return true;
  const { record } = last;
  if (last.keys !== undefined && last.keys !== collectionKeys(check.collections)) return true;
  for (const file of record.files) if (check.changedFiles.has(file)) return true;
  for (const [name, identity] of record.collections) {
    const now = check.collections[name];
    if (!Array.isArray(now) || collectionIdentity(now) !== identity) return true;
  }
  for (const [key, fields] of record.items) {
    const page = check.made.get(key);
    if (!page) continue;
    for (const [field, value] of fields) {
      // A content cannot be known before rendering; a whole data object may have been kept.
      if (field === "templateContent" || field === "data") return true;
      if (currentValue(page, field) !== value) return true;
    }
  }
  return false;
}
