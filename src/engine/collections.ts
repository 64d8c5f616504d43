/**
 * Phase 4b, collections: `collections.all`, one collection per tag, and the site's own
 * collections from `addCollection`. Items are shared references to the pages' items,
 * sorted by date, then input path.
 */
import { createHash } from "node:crypto";
import picomatch from "picomatch";
import type { UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { normalizeTags, type DataObject } from "./data-merge.js";
import { itemKey, pageOfItem, type CollectionItem, type CollectionMembership, type Page } from "./page-model.js";
import { currentRecord, recordCollection, snapshot } from "./render-tracking.js";

export function compareItems(a: CollectionItem, b: CollectionItem): number {
  const da = a.date.getTime();
  const db = b.date.getTime();
  if (da !== db) return da < db ? -1 : 1;
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

/** The same order as compareItems, on pages: sorting large collections skips the items' getters. */
function comparePages(a: Page, b: Page): number {
  const da = a.page.date.getTime();
  const db = b.page.date.getTime();
  if (da !== db) return da < db ? -1 : 1;
  return a.page.inputPath < b.page.inputPath ? -1 : a.page.inputPath > b.page.inputPath ? 1 : 0;
}

interface SortedList {
  inputs: Page[];
  items: CollectionItem[];
  /** The items as sorted, to notice a template that reordered the array in place. */
  snapshot: CollectionItem[];
  /** Where each page stands in `inputs` and its item in `items`; made when first patched. */
  places?: { inputs: Map<Page, number>; items: Map<CollectionItem, number> };
}

/**
 * Sorted collections from the last build of a site, per stage (before and after the templates
 * that paginate collections add their pages). When an update leaves a collection's pages as
 * they were, the same array is used again: no sort, and the caches keyed by the array
 * (neighbour lookups, identities) stay warm.
 */
const previousLists = new WeakMap<DataObject, Map<string, SortedList>[]>();

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * When only re-made pages differ from last time, each with the same identity and date as the
 * page it replaces (a body or title edit), the order cannot have changed: the new pages take
 * their predecessors' places in the previous array, without sorting. The array stays the same
 * object with the same identities in the same order, so what is cached by the array (neighbour
 * lookups, the collection's identity) stays valid.
 */
function replacedInPlace(previous: SortedList, pages: Page[]): boolean {
  if (previous.inputs.length !== pages.length || !sameList(previous.items, previous.snapshot)) return false;
  const pairs: [Page, Page][] = [];
  for (let i = 0; i < pages.length; i++) {
    const before = previous.inputs[i]!;
    const now = pages[i]!;
    if (before === now) continue;
    if (!keepsItsPlace(before, now)) return false;
    pairs.push([before, now]);
  }
  patchList(previous, pairs);
  return true;
}

/** A re-made page with its predecessor's identity and date sorts where its predecessor did. */
function keepsItsPlace(before: Page, now: Page): boolean {
  return itemKey(before) === itemKey(now) && before.page.date.getTime() === now.page.date.getTime();
}

function placesOf(list: SortedList): NonNullable<SortedList["places"]> {
  list.places ??= { inputs: new Map(list.inputs.map((page, i) => [page, i])), items: new Map(list.items.map((item, i) => [item, i])) };
  return list.places;
}

/** Whether every page in `pairs` (before, now) has a place in `list`. */
function holdsAll(list: SortedList, pairs: readonly [Page, Page][]): boolean {
  const { inputs, items } = placesOf(list);
  return pairs.every(([before]) => inputs.has(before) && items.has(before.item));
}

/** Puts each re-made page, and its item, in its predecessor's place in `list`. */
function patchList(list: SortedList, pairs: readonly [Page, Page][]): void {
  const places = placesOf(list);
  for (const [before, now] of pairs) {
    const input = places.inputs.get(before)!;
    const item = places.items.get(before.item)!;
    list.inputs[input] = now;
    list.items[item] = list.snapshot[item] = now.item;
    places.inputs.delete(before);
    places.items.delete(before.item);
    places.inputs.set(now, input);
    places.items.set(now.item, item);
  }
}

/** `pages` as a collection: last build's list when it still holds, else `sorted()`'s order. */
function sortedItems(pages: Page[], previous: SortedList | undefined, store: Map<string, SortedList>, name: string, sorted: () => readonly Page[]): CollectionItem[] {
  if (previous && (sameList(previous.inputs, pages) ? sameList(previous.items, previous.snapshot) : replacedInPlace(previous, pages))) {
    store.set(name, previous);
    return previous.items;
  }
  const items = sorted().map((p) => p.item);
  store.set(name, { inputs: pages, items, snapshot: items.slice() });
  return items;
}

interface Exclusion {
  all: boolean;
  tags: Set<string>;
}

const exclusions = new WeakMap<DataObject, Exclusion>();

function excluded(data: DataObject): Exclusion {
  let found = exclusions.get(data);
  if (!found) {
    const value = data.eleventyExcludeFromCollections;
    const list = Array.isArray(value) ? value.map(String) : typeof value === "string" ? value.split(",") : [];
    found = value === true ? { all: true, tags: new Set() } : { all: false, tags: new Set(list) };
    exclusions.set(data, found);
  }
  return found;
}

/**
 * Which collections a page joins: none when excluded; only the first page of a pagination
 * unless it adds all its pages; its tags less those it is excluded from. Kept on the page, as
 * every update of a large site asks again for every page.
 */
function membership(page: Page): CollectionMembership {
  if (page.membership) return page.membership;
  const skip = excluded(page.data);
  const pagination = page.template.data.pagination as DataObject | undefined;
  const joins = !skip.all && (page.pageNumber === 0 || Boolean(pagination?.addAllPagesToCollections));
  page.membership = { joins, tags: joins ? tagsOf(page.data).filter((tag) => !skip.tags.has(tag)) : [] };
  return page.membership;
}

/** Pages that take part in collections. */
export function collectionPages(pages: readonly Page[]): Page[] {
  return pages.filter((page) => membership(page).joins);
}

/** The API handed to `addCollection` callbacks. */
export class CollectionApi {
  /**
   * @param sorted the items already in `compareItems` order when the caller has them
   *   (`collections.all`), so each `addCollection` callback does not sort the site again.
   */
  constructor(
    private readonly items: readonly CollectionItem[],
    private sortedCache?: readonly CollectionItem[],
  ) {}

  getAll(): CollectionItem[] {
    return this.items.slice();
  }
  getAllSorted(): CollectionItem[] {
    this.sortedCache ??= this.items.slice().sort(compareItems);
    return this.sortedCache.slice();
  }
  getFilteredByTag(tag: string): CollectionItem[] {
    return this.getAllSorted().filter((item) => includedTags(item.data).includes(tag));
  }
  getFilteredByTags(...tags: string[]): CollectionItem[] {
    return this.getAllSorted().filter((item) => {
      const own = includedTags(item.data);
      return tags.every((t) => own.includes(t));
    });
  }
  getFilteredByGlob(globs: string | string[]): CollectionItem[] {
    const list = (Array.isArray(globs) ? globs : [globs]).map((g) => g.replace(/^\.\//, ""));
    const match = picomatch(list, { nocase: true, dot: true });
    return this.getAllSorted().filter((item) => match(item.inputPath.replace(/^\.\//, "")));
  }
}

const tagLists = new WeakMap<DataObject, string[]>();

function tagsOf(data: DataObject): string[] {
  let tags = tagLists.get(data);
  if (!tags) {
    tags = normalizeTags(data.tags) ?? [];
    tagLists.set(data, tags);
  }
  return tags;
}

/** A page's tags less those it is excluded from with `eleventyExcludeFromCollections`. */
function includedTags(data: DataObject): string[] {
  const skip = excluded(data);
  return skip.all ? [] : tagsOf(data).filter((t) => !skip.tags.has(t));
}

/** Fills `target` (the object every page sees as `collections`) from the pages. */
let buildNumber = 0;

/**
 * @param stage 0 for the collections templates paginate over, 1 once their pages are added;
 *   each stage is compared with the same stage of the last build.
 */
export async function buildCollections(target: DataObject, pages: readonly Page[], custom: Map<string, UserFunction>, stage = 0, replaced?: ReadonlyMap<Page, Page>): Promise<void> {
  buildNumber++;
  const stages = previousLists.get(target) ?? [];
  const previous = stages[stage];
  const store = previous && replaced && replaceItems(previous, replaced) ? previous : sortedCollections(pages, previous);
  for (const key of Object.keys(target)) delete target[key];
  for (const [name, list] of store) target[name === "all" ? "all" : name.slice(4)] = list.items;
  stages[stage] = store;
  previousLists.set(target, stages);
  if (custom.size === 0) return;
  const api = new CollectionApi(
    collectionPages(pages).map((p) => p.item),
    target.all as CollectionItem[],
  );
  for (const [name, fn] of custom) {
    try {
      target[name] = await fn(api);
    } catch (cause) {
      if (cause instanceof PlinthError) throw cause;
      throw new PlinthError("CollectionInvalid", `The collection "${name}" from addCollection threw: ${(cause as Error).message}`, { cause });
    }
  }
}

/** `collections.all` and the tag collections, sorted, reusing the last build's arrays where they still hold. */
function sortedCollections(pages: readonly Page[], previous: Map<string, SortedList> | undefined): Map<string, SortedList> {
  const members = collectionPages(pages);
  const byTag = groupByTag(members);
  const store = new Map<string, SortedList>();
  let all: Page[] | undefined;
  const sortedAll = (): Page[] => (all ??= members.slice().sort(comparePages));
  sortedItems(members, previous?.get("all"), store, "all", sortedAll);
  // Each tag's pages are a part of `all`, in the same relative order; the sort is stable, so
  // sorting them alone would give the order they have in the sorted `all`: one sort serves all.
  let byTagSorted: Map<string, Page[]> | undefined;
  for (const [tag, list] of byTag) {
    sortedItems(list, previous?.get(`tag:${tag}`), store, `tag:${tag}`, () => (byTagSorted ??= groupByTag(sortedAll())).get(tag)!);
  }
  return store;
}

function groupByTag(pages: readonly Page[]): Map<string, Page[]> {
  const byTag = new Map<string, Page[]>();
  for (const page of pages) {
    for (const tag of membership(page).tags) {
      const list = byTag.get(tag);
      if (list) list.push(page);
      else byTag.set(tag, [page]);
    }
  }
  return byTag;
}

function sameMembership(a: CollectionMembership, b: CollectionMembership): boolean {
  return a.joins === b.joins && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}

/**
 * An update that only re-made pages, each with the identity, date and collections of the page
 * it replaces (a body or title edit), changes no collection's members or order: each new item
 * takes the old one's place in the same arrays, at the cost of the pages re-made, not of the
 * site. False, having changed nothing, when that does not hold.
 */
function replaceItems(store: Map<string, SortedList>, replaced: ReadonlyMap<Page, Page>): boolean {
  // The re-made pages each collection holds.
  const byList = new Map<string, [Page, Page][]>();
  for (const [before, now] of replaced) {
    const joined = membership(before);
    if (!keepsItsPlace(before, now) || !sameMembership(joined, membership(now))) return false;
    if (!joined.joins) continue;
    for (const name of ["all", ...joined.tags.map((tag) => `tag:${tag}`)]) {
      const pairs = byList.get(name);
      if (pairs) pairs.push([before, now]);
      else byList.set(name, [[before, now]]);
    }
  }
  for (const [name, pairs] of byList) {
    const list = store.get(name);
    // A template may have reordered a collection in place: then it is sorted again.
    if (!list || !sameList(list.items, list.snapshot) || !holdsAll(list, pairs)) return false;
  }
  for (const [name, pairs] of byList) patchList(store.get(name)!, pairs);
  return true;
}

const identities = new WeakMap<object, string>();

/**
 * The order and identity of a collection's items, hashed: what a page listing it depends on.
 * Every page of a site may read the same large collection, so the identity is computed once
 * per list and kept short, or comparing it for each page would make updates quadratic.
 */
export function collectionIdentity(list: readonly unknown[]): string {
  let identity = identities.get(list);
  if (identity === undefined) {
    const hash = createHash("sha1");
    for (const entry of list) {
      const owner = pageOfItem(entry);
      hash.update(owner ? itemKey(owner) : `value:${String(snapshot(entry))}`);
      hash.update("\n");
    }
    identity = `${list.length}:${hash.digest("base64")}`;
    identities.set(list, identity);
  }
  return identity;
}

/**
 * The `collections` object as pages see it: reads of a collection are recorded for
 * incremental rebuilds. Outside a tracked render it behaves as the plain object.
 */
export function trackedCollections(target: DataObject): DataObject {
  return new Proxy(target, {
    get(obj, property, receiver) {
      const value: unknown = Reflect.get(obj, property, receiver);
      if (typeof property === "string" && currentRecord()) {
        // Anything but a list of pages is compared as "changed on every build": safe, if not minimal.
        recordCollection(property, Array.isArray(value) ? collectionIdentity(value) : `build:${buildNumber}`);
      }
      return value;
    },
  });
}
