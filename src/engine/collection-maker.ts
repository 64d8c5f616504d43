/**
 * Phase 4b, collections, made step by step in the order of template-order.ts: each collection
 * from the pages added before its step, as Eleventy makes them. `collections.all` and one
 * collection per tag are sorted by date, then input path; `addCollection` callbacks get the
 * API over the pages so far. Keys appear in `collections` in the order they are made.
 */
import type { UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { CollectionApi, countBuild, membership } from "./collections.js";
import type { DataObject } from "./data-merge.js";
import { itemKey, type CollectionItem, type Page } from "./page-model.js";

/** What a page is sorted by, read once per page instead of at each of a sort's comparisons. */
interface SortKey {
  time: number;
  inputPath: string;
  page: Page;
}

/** The same order as compareItems, on pages' sort keys (an invalid date sorts as compareItems sorts it). */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

interface SortedList {
  inputs: Page[];
  items: CollectionItem[];
  /** The items as sorted, to notice a template that reordered the array in place. */
  snapshot: CollectionItem[];
  /** Where each item stands in `items`; made when first patched, kept up to date after. */
  places?: Map<CollectionItem, number>;
}

/**
 * Sorted collections from the last build of a site, by step (`all#0` is `all` the first time it
 * is made). When an update leaves a collection's pages as they were, the same array is used
 * again: no sort, and the caches keyed by the array (neighbour lookups, identities) stay warm.
 */
const previousLists = new WeakMap<DataObject, Map<string, SortedList>>();

/**
 * One making of a collection by the last build, in order: a list by its step key, or an
 * `addCollection` collection with the key of the sorted list its API was made from.
 */
type Making = { name: string; list: string } | { name: string; api: string };

const previousMakings = new WeakMap<DataObject, Making[]>();

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A re-made page with its predecessor's identity and date sorts where its predecessor did. */
function keepsItsPlace(before: Page, now: Page): boolean {
  return itemKey(before) === itemKey(now) && before.page.date.getTime() === now.page.date.getTime();
}

/**
 * When only re-made pages differ from last time, each with the same identity and date as the
 * page it replaces (a body or title edit), the order cannot have changed: the new pages take
 * their predecessors' places in the previous array, without sorting. The array stays the same
 * object, so what is cached by the array stays valid.
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
  if (pairs.length === 0) return true;
  const places = (previous.places ??= new Map(previous.items.map((item, i) => [item, i])));
  if (!pairs.every(([before]) => places.has(before.item))) return false;
  for (const [before, now] of pairs) {
    const item = places.get(before.item)!;
    previous.items[item] = previous.snapshot[item] = now.item;
    places.delete(before.item);
    places.set(now.item, item);
  }
  previous.inputs = pages;
  return true;
}

/** `pages` as a sorted collection: last build's list when it still holds, else sorted anew. */
function sortedItems(pages: Page[], previous: SortedList | undefined): SortedList {
  if (previous && (sameList(previous.inputs, pages) ? sameList(previous.items, previous.snapshot) : replacedInPlace(previous, pages))) return previous;
  const items = pages
    .map((page): SortKey => ({ time: page.page.date.getTime(), inputPath: page.page.inputPath, page }))
    .sort(compareKeys)
    .map((key) => key.page.item);
  return { inputs: pages, items, snapshot: items.slice() };
}

/** Fills `target`, the object every page sees as `collections`, one step at a time. */
export class CollectionMaker {
  /** Pages in collections so far, in the order added, and the same by tag. */
  private readonly all: Page[] = [];
  private readonly byTag = new Map<string, Page[]>();
  private readonly previous: Map<string, SortedList>;
  private readonly lists = new Map<string, SortedList>();
  private readonly times = new Map<string, number>();
  private readonly makings: Making[] = [];
  /** The API over the pages so far, kept until more pages come, and the key of its sorted list. */
  private api?: CollectionApi;
  private apiKey = "";

  constructor(
    private readonly target: DataObject,
    private readonly custom: ReadonlyMap<string, UserFunction>,
  ) {
    countBuild();
    this.previous = previousLists.get(target) ?? new Map();
    previousLists.set(target, this.lists);
    previousMakings.set(target, this.makings);
    for (const key of Object.keys(target)) delete target[key];
  }

  /** A template's pages join the collections they belong to. */
  add(pages: readonly Page[]): void {
    for (const page of pages) {
      const joined = membership(page);
      if (!joined.joins) continue;
      this.api = undefined;
      this.all.push(page);
      for (const tag of joined.tags) {
        const list = this.byTag.get(tag);
        if (list) list.push(page);
        else this.byTag.set(tag, [page]);
      }
    }
  }

  /** Makes the collection `name` from the pages added so far. */
  async make(name: string): Promise<void> {
    const fn = this.custom.get(name);
    if (fn) {
      if (!this.api) {
        // The sorted pages so far, as `getAllSorted` gives them, reused from the last build while they hold.
        this.apiKey = this.nextKey("[api]");
        const sorted = this.sorted(this.apiKey, this.all.slice());
        this.api = new CollectionApi(
          this.all.map((p) => p.item),
          sorted.items,
        );
      }
      this.makings.push({ name, api: this.apiKey });
      this.target[name] = await callCustom(name, fn, this.api);
      return;
    }
    const key = this.nextKey(name);
    this.makings.push({ name, list: key });
    this.target[name] = this.sorted(key, (name === "all" ? this.all : this.byTag.get(name) ?? []).slice()).items;
  }

  /** The key of the next making of `name` (`all#1` is `all` the second time). */
  private nextKey(name: string): string {
    const time = this.times.get(name) ?? 0;
    this.times.set(name, time + 1);
    return `${name}#${time}`;
  }

  /** The sorted list for `key`, compared with the same making last build. */
  private sorted(key: string, pages: Page[]): SortedList {
    const list = sortedItems(pages, this.previous.get(key));
    this.lists.set(key, list);
    return list;
  }
}

async function callCustom(name: string, fn: UserFunction, api: CollectionApi): Promise<unknown> {
  try {
    return await fn(api);
  } catch (cause) {
    if (cause instanceof PlinthError) throw cause;
    throw new PlinthError("CollectionInvalid", `The collection "${name}" from addCollection threw: ${(cause as Error).message}`, { cause });
  }
}

/**
 * The last build's makings of collections, again, for an update whose pages joined the same
 * collections with the same dates as before (page-replay.ts): each list holds the same items
 * in the same order (re-made pages took over their predecessors' items), so it is the last
 * build's array; `addCollection` functions run again over the same items. `make` says false
 * when the last build did otherwise, or a template reordered a list in place.
 */
export class CollectionReplay {
  private at = 0;
  private readonly apis = new Map<string, CollectionApi>();

  private constructor(
    private readonly target: DataObject,
    private readonly custom: ReadonlyMap<string, UserFunction>,
    private readonly makings: readonly Making[],
    private readonly lists: ReadonlyMap<string, SortedList>,
  ) {}

  static start(target: DataObject, custom: ReadonlyMap<string, UserFunction>): CollectionReplay | undefined {
    const makings = previousMakings.get(target);
    const lists = previousLists.get(target);
    if (!makings || !lists) return undefined;
    countBuild();
    for (const key of Object.keys(target)) delete target[key];
    return new CollectionReplay(target, custom, makings, lists);
  }

  async make(name: string): Promise<boolean> {
    const making = this.makings[this.at++];
    if (making?.name !== name) return false;
    if ("list" in making) {
      const list = this.intact(making.list);
      if (!list || this.custom.has(name)) return false;
      this.target[name] = list.items;
      return true;
    }
    const fn = this.custom.get(name);
    if (!fn) return false;
    let api = this.apis.get(making.api);
    if (!api) {
      const list = this.intact(making.api);
      if (!list) return false;
      api = new CollectionApi(
        list.inputs.map((p) => p.item),
        list.items,
      );
      this.apis.set(making.api, api);
    }
    this.target[name] = await callCustom(name, fn, api);
    return true;
  }

  /** True when every making of the last build was made again. */
  get done(): boolean {
    return this.at === this.makings.length;
  }

  private intact(key: string): SortedList | undefined {
    const list = this.lists.get(key);
    return list && sameList(list.items, list.snapshot) ? list : undefined;
  }
}

/** Every collection of `pages` at once: the tags in the order met, the addCollection ones, then `all`. */
export async function buildCollections(target: DataObject, pages: readonly Page[], custom: ReadonlyMap<string, UserFunction>): Promise<void> {
  const maker = new CollectionMaker(target, custom);
  maker.add(pages);
  const tags = new Set(pages.flatMap((page) => membership(page).tags));
  for (const name of [...tags, ...custom.keys(), "all"]) await maker.make(name);
}
