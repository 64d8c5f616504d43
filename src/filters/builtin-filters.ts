/**
 * The filters Eleventy gives every site. They are registered through the same config API as
 * a site's own filters, first, so a site can replace any of them.
 */
import type { UserConfig } from "../config/user-config.js";
import { collectionItemAt, collectionItemIndex } from "./collection-item-filters.js";
import { localeCollectionItem } from "./locale-collection-item.js";
import { slugFilter, slugifyFilter } from "./slug-filters.js";
import { urlFilter } from "./url-filter.js";

interface FilterThis {
  page?: { inputPath?: unknown; url?: unknown; outputPath?: unknown; lang?: unknown };
}

export function addBuiltinFilters(config: UserConfig, pathPrefix: () => string): void {
  config.addFilter("url", (url: unknown, override?: unknown) =>
    urlFilter(url, typeof override === "string" && override ? override : pathPrefix()),
  );
  config.addFilter("slugify", (input: unknown, options?: unknown) => slugifyFilter(input, (options ?? {}) as Record<string, unknown>));
  config.addFilter("slug", (input: unknown, options?: unknown) => slugFilter(input, (options ?? {}) as Record<string, unknown>));
  config.addFilter("log", (input: unknown, ...messages: unknown[]) => {
    console.log(input, ...messages);
    return input;
  });
  config.addFilter("getCollectionItemIndex", function (this: unknown, collection: unknown, pageOverride?: unknown) {
    return collectionItemIndex(collection, (pageOverride ?? (this as FilterThis).page) as FilterThis["page"]);
  });
  const at = (offset: number) =>
    function (this: unknown, collection: unknown, pageOverride?: unknown, languageCode?: unknown) {
      const self = this as FilterThis;
      // With a language (given, or the page's own from the I18n plugin) Eleventy stays within it.
      const language = (typeof languageCode === "string" && languageCode) || (typeof self.page?.lang === "string" && self.page.lang) || undefined;
      if (language) return localeCollectionItem(config, self, collection, pageOverride, language, offset);
      return collectionItemAt(collection, (pageOverride || self.page) as FilterThis["page"], offset);
    };
  config.addFilter("getCollectionItem", at(0));
  config.addFilter("getPreviousCollectionItem", at(-1));
  config.addFilter("getNextCollectionItem", at(1));
}
