/** Atom and JSON Feed documents for a collection, newest first, with absolute links. */
import { escapeXml } from "../members/xml.js";
import { absoluteUrl, type SiteInfo } from "./site-info.js";

/** The part of an Eleventy collection item a feed reads. */
export interface FeedItem {
  url: string | false;
  date: Date;
  data: Record<string, unknown>;
  content?: unknown;
  templateContent?: unknown;
}

export interface FeedOptions {
  /** The collection to publish, e.g. `news`. */
  collection: string;
  /** Output URL of the Atom feed, e.g. `/news/feed.xml`; false for none. Default `/<collection>/feed.xml`. */
  atom?: string | false;
  /** Output URL of the JSON Feed, e.g. `/news/feed.json`; false for none. Default `/<collection>/feed.json`. */
  json?: string | false;
  /** The feed's title. Default: the site's name. */
  title?: string;
  /** How many items. Default 20; 0 for all. */
  limit?: number;
}

export interface FeedContext {
  site: SiteInfo;
  title: string;
  /** This feed's own absolute URL. */
  feedUrl: string;
}

/** Root-relative links in content become absolute, since a feed is read away from the site. */
export function absoluteLinks(html: string, site: SiteInfo): string {
  return html.replace(/(\s(?:href|src)=["'])\/(?!\/)/g, `$1${site.url}/`);
}

export function feedItems(items: readonly FeedItem[] | undefined, limit = 20): FeedItem[] {
  const published = (items ?? []).filter((item) => typeof item.url === "string");
  const newest = [...published].sort((a, b) => b.date.getTime() - a.date.getTime());
  return limit > 0 ? newest.slice(0, limit) : newest;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

function content(item: FeedItem, site: SiteInfo): string {
  return absoluteLinks(text(item.templateContent ?? item.content), site);
}

export function atomFeed(items: readonly FeedItem[], { site, title, feedUrl }: FeedContext): string {
  const updated = items[0]?.date.toISOString() ?? new Date(0).toISOString();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${site.language ? ` xml:lang="${escapeXml(site.language)}"` : ""}>`,
    `  <title>${escapeXml(title)}</title>`,
    ...(site.description ? [`  <subtitle>${escapeXml(site.description)}</subtitle>`] : []),
    `  <link href="${escapeXml(feedUrl)}" rel="self"/>`,
    `  <link href="${escapeXml(site.url)}/"/>`,
    `  <updated>${updated}</updated>`,
    `  <id>${escapeXml(site.url)}/</id>`,
    ...(site.author ? [`  <author><name>${escapeXml(site.author)}</name></author>`] : []),
  ];
  for (const item of items) {
    const url = absoluteUrl(site, item.url as string);
    const summary = text(item.data.description);
    lines.push(
      "  <entry>",
      `    <title>${escapeXml(text(item.data.title))}</title>`,
      `    <link href="${escapeXml(url)}"/>`,
      `    <updated>${item.date.toISOString()}</updated>`,
      `    <id>${escapeXml(url)}</id>`,
      ...(summary ? [`    <summary>${escapeXml(summary)}</summary>`] : []),
      `    <content type="html">${escapeXml(content(item, site))}</content>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}

export function jsonFeed(items: readonly FeedItem[], { site, title, feedUrl }: FeedContext): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title,
    home_page_url: `${site.url}/`,
    feed_url: feedUrl,
    ...(site.description ? { description: site.description } : {}),
    ...(site.language ? { language: site.language } : {}),
    ...(site.author ? { authors: [{ name: site.author }] } : {}),
    items: items.map((item) => {
      const url = absoluteUrl(site, item.url as string);
      const summary = text(item.data.description);
      return {
        id: url,
        url,
        title: text(item.data.title),
        ...(summary ? { summary } : {}),
        content_html: content(item, site),
        date_published: item.date.toISOString(),
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
