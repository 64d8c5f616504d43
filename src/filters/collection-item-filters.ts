/**
 * `getCollectionItem`, `getPreviousCollectionItem`, `getNextCollectionItem` and
 * `getCollectionItemIndex`: find the current page in a collection by input path and output URL.
 */
interface ItemLike {
  inputPath?: unknown;
  url?: unknown;
  outputPath?: unknown;
}

interface PageLike {
  inputPath?: unknown;
  url?: unknown;
  outputPath?: unknown;
}

/**
 * Every page of a site asks for its neighbours in the same large collection, so a linear
 * search per page would make a build quadratic. Each collection gets an index by input path,
 * rebuilt if the array changes length (collections are filled once per build).
 */
interface PathIndex {
  length: number;
  byInputPath: Map<unknown, number[]>;
}

const indexes = new WeakMap<unknown[], PathIndex>();

function pathIndex(collection: ItemLike[]): PathIndex {
  let index = indexes.get(collection);
  if (!index || index.length !== collection.length) {
    const byInputPath = new Map<unknown, number[]>();
    collection.forEach((item, i) => {
      const list = byInputPath.get(item.inputPath);
      if (list) list.push(i);
      else byInputPath.set(item.inputPath, [i]);
    });
    index = { length: collection.length, byInputPath };
    indexes.set(collection, index);
  }
  return index;
}

export function collectionItemIndex(collection: unknown, page: PageLike | undefined): number | undefined {
  if (!Array.isArray(collection) || !page) return undefined;
  const items = collection as ItemLike[];
  for (const i of pathIndex(items).byInputPath.get(page.inputPath) ?? []) {
    const item = items[i]!;
    // The index may be stale if the array was reordered in place; check before trusting it.
    if (item.inputPath === page.inputPath && (item.outputPath === page.outputPath || item.url === page.url)) return i;
  }
  let index = 0;
  for (const item of items) {
    if (item.inputPath === page.inputPath && (item.outputPath === page.outputPath || item.url === page.url)) return index;
    index++;
  }
  return undefined;
}

export function collectionItemAt(collection: unknown, page: PageLike | undefined, offset: number): unknown {
  const index = collectionItemIndex(collection, page);
  if (index === undefined || index === -1) return undefined;
  const target = index + offset;
  const list = collection as unknown[];
  return target >= 0 && target < list.length ? list[target] : undefined;
}
