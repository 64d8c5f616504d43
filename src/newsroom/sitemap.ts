/**
 * `sitemap.xml` and `robots.txt`. The sitemap lists the site's HTML pages from `collections.all`,
 * so pages with `eleventyExcludeFromCollections` are already absent; it also leaves out pages
 * marked `draft: true`, `noindex: true`, `index: false` or `sitemap: false`.
 */
import { escapeXml } from "../members/xml.js";
import { absoluteUrl, type SiteInfo } from "./site-info.js";

export interface SitemapItem {
  url: string | false;
  outputPath?: unknown;
  date: Date;
  data: Record<string, unknown>;
}

export function inSitemap(item: SitemapItem): boolean {
  if (typeof item.url !== "string") return false;
  const output = typeof item.outputPath === "string" ? item.outputPath : item.url;
  if (!(output.endsWith(".html") || output.endsWith("/"))) return false;
  const data = item.data;
  return !(data.draft === true || data.noindex === true || data.index === false || data.sitemap === false);
}

/** A page's own date says when it changed; a date Eleventy took from the file system says nothing dependable. */
function lastModified(item: SitemapItem): string | undefined {
  const stated = item.data.updated ?? item.data.lastmod ?? item.data.date;
  if (stated instanceof Date) return Number.isNaN(stated.getTime()) ? undefined : stated.toISOString().slice(0, 10);
  if (typeof stated === "string" && /^\d{4}-\d{2}-\d{2}/.test(stated)) return stated.slice(0, 10);
  return undefined;
}

export function sitemapXml(items: readonly SitemapItem[] | undefined, site: SiteInfo): string {
  const pages = (items ?? []).filter(inSitemap).sort((a, b) => ((a.url as string) < (b.url as string) ? -1 : 1));
  const seen = new Set<string>();
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const item of pages) {
    const loc = absoluteUrl(site, item.url as string);
    if (seen.has(loc)) continue;
    seen.add(loc);
    const lastmod = lastModified(item);
    lines.push(`  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`);
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

export function robotsTxt(site: SiteInfo, sitemapUrl: string | false, disallow: readonly string[] = []): string {
  const lines = ["User-agent: *", ...(disallow.length > 0 ? disallow.map((path) => `Disallow: ${path}`) : ["Allow: /"])];
  if (sitemapUrl) lines.push("", `Sitemap: ${absoluteUrl(site, sitemapUrl)}`);
  return `${lines.join("\n")}\n`;
}
