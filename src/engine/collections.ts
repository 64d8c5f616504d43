/**
 * Phase 4b, collections: `collections.all`, one collection per tag, and the site's own
 * collections from `addCollection`. Items are shared references to the pages' items,
 * sorted by date, then input path.
 */
import { createHash } from "node:crypto";
import picomatch from "picomatch";
import { normalizeTags, type DataObject } from "./data-merge.js";
import { itemKey, pageOfItem, type CollectionItem, type CollectionMembership, type Page } from "./page-model.js";
import { currentRecord, recordCollection, snapshot } from "./render-tracking.js";

export function compareItems(a: CollectionItem, b: CollectionItem): number {
  const da = a.date.getTime();
  const db = b.date.getTime();
  if (da !== db) return da < db ? -1 : 1;
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
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
export function membership(page: Page): CollectionMembership {
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

/** Counts builds, so that a collection that is not a list of pages reads as changed in each. */
let buildNumber = 0;

export function countBuild(): void {
  buildNumber++;
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
