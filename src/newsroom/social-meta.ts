/**
 * The canonical link, Open Graph and Twitter card tags for a page, so a post shared on social
 * media shows its title, description and image. Written by the `socialMeta` shortcode.
 */
import { escapeXml } from "../members/xml.js";
import { absoluteUrl, type SiteInfo } from "./site-info.js";

export interface SocialPage {
  url: string;
  title?: string;
  description?: string;
  /** An image URL; when absent, the first image of the page's source. */
  image?: string;
  /** Set for articles: their publication date. */
  date?: Date;
  /** The page's source text, searched for its first image. */
  rawInput?: string;
}

/** The first image of a page's source: a Markdown image or an `<img src>`; an address still holding template syntax is not one yet. */
export function firstImage(source: string | undefined): string | undefined {
  if (!source) return undefined;
  const pattern = /!\[[^\]]*\]\(\s*<?([^\s)>]+)|<img\b[^>]*?\ssrc=["']([^"']+)["']/gi;
  for (const match of source.matchAll(pattern)) {
    const url = match[1] ?? match[2]!;
    if (!url.includes("{{") && !url.includes("{%")) return url;
  }
  return undefined;
}

export function socialMetaTags(page: SocialPage, site: SiteInfo): string {
  const url = absoluteUrl(site, page.url);
  const image = page.image ?? firstImage(page.rawInput);
  const imageUrl = image ? absoluteUrl(site, image) : undefined;
  const meta = (attribute: "name" | "property", key: string, value: string | undefined): string[] =>
    value ? [`<meta ${attribute}="${key}" content="${escapeXml(value)}">`] : [];
  const title = page.title ?? site.name;
  return [
    `<link rel="canonical" href="${escapeXml(url)}">`,
    ...meta("name", "description", page.description),
    ...meta("property", "og:type", page.date ? "article" : "website"),
    ...meta("property", "og:site_name", site.name),
    ...meta("property", "og:title", title),
    ...meta("property", "og:description", page.description),
    ...meta("property", "og:url", url),
    ...meta("property", "og:image", imageUrl),
    ...meta("property", "article:published_time", page.date?.toISOString()),
    ...meta("name", "twitter:card", imageUrl ? "summary_large_image" : "summary"),
    ...meta("name", "twitter:site", site.twitter),
    ...meta("name", "twitter:title", title),
    ...meta("name", "twitter:description", page.description),
    ...meta("name", "twitter:image", imageUrl),
  ].join("\n");
}
