/**
 * get*CollectionItem with a language, as Eleventy runs them when the page has a `page.lang`
 * (the I18n plugin sets it) or a language is passed: the neighbour is found among the pages of
 * the default language through the `locale_page` filter, then mapped back to its translation
 * in `collections.all`. Without `locale_page` the page is used as it is.
 */
import type { UserConfig, UserFunction } from "../config/user-config.js";
import { collectionItemAt } from "./collection-item-filters.js";

type PageLike = { inputPath?: unknown; url?: unknown; outputPath?: unknown; lang?: unknown };

interface FilterThis {
  page?: PageLike;
  collections?: { all?: unknown };
  ctx?: { collections?: { all?: unknown } };
  context?: { environments?: { collections?: { all?: unknown } } };
}

function localePage(config: UserConfig, self: FilterThis, page: unknown, language?: string): PageLike | undefined {
  const filter: UserFunction | undefined = config.getFilter("locale_page");
  return (typeof filter === "function" ? filter.call(self, page, language) : page) as PageLike | undefined;
}

export function localeCollectionItem(config: UserConfig, self: FilterThis, collection: unknown, pageOverride: unknown, language: string, offset: number): unknown {
  const rootPage = localePage(config, self, pageOverride);
  const rootItem = collectionItemAt(collection, rootPage, offset) as { data?: { page?: unknown } } | undefined;
  if (!rootItem) return undefined;
  const translated = localePage(config, self, rootItem.data?.page, language);
  if (!translated || !("__locale_page_resolved" in translated)) return rootItem;
  const all = self.collections?.all ?? self.ctx?.collections?.all ?? self.context?.environments?.collections?.all ?? [];
  return collectionItemAt(all, translated, 0);
}
