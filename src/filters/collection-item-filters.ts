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

export function collectionItemIndex(collection: unknown, page: PageLike | undefined): number | undefined {
  if (!Array.isArray(collection) || !page) return undefined;
  let index = 0;
  for (const item of collection as ItemLike[]) {
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
