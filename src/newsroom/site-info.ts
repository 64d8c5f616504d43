/** The site's name, URL and description for feeds, the sitemap and social cards: plugin options over the site's data. */

export interface SiteInfo {
  /** Absolute URL of the site, without a trailing slash: `https://lintel.example.org`. */
  url: string;
  name: string;
  description?: string;
  language?: string;
  author?: string;
  /** `@handle` for `twitter:site`. */
  twitter?: string;
}

export type SiteOptions = Partial<SiteInfo>;

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value : undefined;
}

/** Merges the plugin's `site` option over global data `site` (or `metadata`), as eleventy-base-blog keeps it. */
export function siteInfo(data: Record<string, unknown>, options: SiteOptions = {}): SiteInfo {
  const raw = (data.site ?? data.metadata ?? {}) as Record<string, unknown>;
  const author = raw.author;
  return {
    url: (options.url ?? text(raw.url) ?? text(raw.base) ?? "").replace(/\/+$/, ""),
    name: options.name ?? text(raw.name) ?? text(raw.title) ?? "",
    description: options.description ?? text(raw.description),
    language: options.language ?? text(raw.language),
    author: options.author ?? text(author) ?? text((author as Record<string, unknown> | undefined)?.name),
    twitter: options.twitter ?? text(raw.twitter),
  };
}

/** `https://site.example` + `/news/a/`. */
export function absoluteUrl(site: SiteInfo, url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${site.url}${url.startsWith("/") ? "" : "/"}${url}`;
}
