/**
 * Whether two expansions of a template paginating a collection give their pages the same
 * pagination. Any page of a pagination may read any part of it: its own items, but also
 * `pagination.pages`, the neighbours in `pagination.page`, and every page's URL in
 * `pagination.hrefs`. When all of that holds the same pages in the same places with the same
 * URLs, a page whose other inputs are unchanged renders the same output. What a page reads of
 * those pages' fields is tracked separately, as for any page.
 */
import { itemKey, pageOfItem, type Page } from "./page-model.js";

interface PaginationShape {
  size?: unknown;
  pages?: unknown[];
  hrefs?: unknown[];
}

function paginationOf(page: Page): PaginationShape | undefined {
  const pagination = page.data.pagination as PaginationShape | undefined;
  return pagination && Array.isArray(pagination.hrefs) && Array.isArray(pagination.pages) ? pagination : undefined;
}

/** Pages nested in values compare by identity, not by their (circular) data. */
function pagesByIdentity(this: unknown, _key: string, value: unknown): unknown {
  const owner = pageOfItem(value);
  return owner ? `item:${itemKey(owner)}` : value;
}

/** Collection items are shared between builds unless their page was re-made: then compare identities. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const pa = pageOfItem(a);
  const pb = pageOfItem(b);
  if (pa || pb) return pa !== undefined && pb !== undefined && itemKey(pa) === itemKey(pb);
  return JSON.stringify(a, pagesByIdentity) === JSON.stringify(b, pagesByIdentity);
}

function sameList(a: readonly unknown[], b: readonly unknown[], same: (x: unknown, y: unknown) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

function sameChunk(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? sameList(a, b, sameValue) : sameValue(a, b);
}

/** Answers by the shared `hrefs` arrays of the two expansions: one comparison per template, not per page. */
const answers = new WeakMap<object, { before: object; same: boolean }>();

export function samePagination(before: Page, now: Page): boolean {
  const a = paginationOf(before);
  const b = paginationOf(now);
  if (!a || !b) return a === b;
  const known = answers.get(b.hrefs!);
  if (known && known.before === a.hrefs) return known.same;
  const same = Number(a.size) === Number(b.size) && sameList(a.hrefs!, b.hrefs!, (x, y) => x === y) && sameList(a.pages!, b.pages!, sameChunk);
  answers.set(b.hrefs!, { before: a.hrefs!, same });
  return same;
}
