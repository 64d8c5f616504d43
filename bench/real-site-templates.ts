// The "real" shape of the benchmark site: what real foundation sites have and the plain
// bench lacks. Their own markdown-it through setLibrary (anchor permalinks, footnotes), the
// RSS plugin's full-content feed of the newest 200 posts through htmlToAbsoluteUrls, a heavier
// base layout (navigation, a tag cloud and a footer on every page), and a few hundred
// passthrough images. Only the files that differ from the plain shape are defined here.

import { Prng, seedFromText } from "./prng.js";
import type { SiteFile } from "./site-templates.js";
import { TAGS } from "./vocabulary.js";

/** Passthrough images of the real shape, and their size range in bytes. */
export const REAL_IMAGE_COUNT = 300;
const IMAGE_MIN_BYTES = 100 * 1024;
const IMAGE_MAX_BYTES = 200 * 1024;

const CONFIG = `// Benchmark site configuration, real shape: the site's own markdown-it with plugins,
// the RSS plugin, passthrough images. Dates format with UTC methods, as in the plain shape.
import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import markdownItFootnote from "markdown-it-footnote";
import pluginRss from "@11ty/eleventy-plugin-rss";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad(number) {
  return String(number).padStart(2, "0");
}

function formatDate(value, style = "readable") {
  const date = value instanceof Date ? value : new Date(value);
  if (style === "iso") return date.toISOString();
  if (style === "iso-date") {
    return \`\${date.getUTCFullYear()}-\${pad(date.getUTCMonth() + 1)}-\${pad(date.getUTCDate())}\`;
  }
  return \`\${date.getUTCDate()} \${MONTHS[date.getUTCMonth()]} \${date.getUTCFullYear()}\`;
}

export default function (eleventyConfig) {
  eleventyConfig.addFilter("formatDate", formatDate);
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.addPassthroughCopy("img");
  eleventyConfig.addPassthroughCopy("css");
  const markdown = markdownIt({ html: true, linkify: true, typographer: true })
    .use(markdownItAnchor, { level: [2, 3], permalink: markdownItAnchor.permalink.headerLink() })
    .use(markdownItFootnote);
  eleventyConfig.setLibrary("md", markdown);
}
`;

const NAVIGATION = [
  ["About", "/about/"], ["News", "/news/"], ["Members", "/members/"], ["Projects", "/projects/"],
  ["Events", "/events/"], ["Governance", "/governance/"], ["Security", "/security/"], ["Blog", "/blog/"],
  ["Careers", "/careers/"], ["Contact", "/contact/"], ["Brand", "/brand/"], ["Feed", "/feed.xml"],
];

const BASE_LAYOUT = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% if title %}{{ title }} | {% endif %}{{ site.title }}</title>
  <meta name="description" content="{{ description or site.description }}">
  <meta property="og:title" content="{{ title or site.title }}">
  <meta property="og:url" content="{{ page.url | absoluteUrl(site.url) }}">
  <link rel="alternate" type="application/atom+xml" href="{{ '/feed.xml' | url }}" title="{{ site.title }}">
  <link rel="stylesheet" href="{{ '/css/site.css' | url }}">
</head>
<body>
  <a class="skip" href="#main">Skip to content</a>
  <header class="site-header">
    <a class="site-name" href="{{ '/' | url }}"><img src="{{ '/img/photo-001.jpg' | url }}" alt="" width="32" height="32"> {{ site.title }}</a>
    <nav aria-label="Main">
      <ul>
      {%- for item in navigation %}
        <li><a href="{{ item.url | url }}"{% if page.url == item.url %} aria-current="page"{% endif %}>{{ item.title }}</a></li>
      {%- endfor %}
      </ul>
    </nav>
  </header>
  <main id="main">
{{ content | safe }}
  </main>
  <aside class="tag-cloud" aria-label="Topics">
    <h2>Topics</h2>
    <ul>
    {%- for tag in topics %}
      <li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a> <span>({{ collections[tag] | length }})</span></li>
    {%- endfor %}
    </ul>
  </aside>
  <footer class="site-footer">
    {%- for column in [["Foundation", navigation.slice(0, 4)], ["Community", navigation.slice(4, 8)], ["More", navigation.slice(8)]] %}
    <section>
      <h2>{{ column[0] }}</h2>
      <ul>
      {%- for item in column[1] %}
        <li><a href="{{ item.url | url }}">{{ item.title }}</a></li>
      {%- endfor %}
      </ul>
    </section>
    {%- endfor %}
    <p>{{ site.title }} &middot; {{ site.tagline }}</p>
  </footer>
</body>
</html>
`;

const FEED = `---
permalink: /feed.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{{ site.url }}/">
  <title>{{ site.title }}</title>
  <subtitle>{{ site.description }}</subtitle>
  <link href="{{ '/feed.xml' | absoluteUrl(site.url) }}" rel="self"/>
  <link href="{{ site.url }}/"/>
  <updated>{{ collections.news | getNewestCollectionItemDate | dateToRfc3339 }}</updated>
  <id>{{ site.url }}/</id>
  {%- for post in collections.news.slice(-200) | reverse %}
  {%- set absolutePostUrl = post.url | absoluteUrl(site.url) %}
  <entry>
    <title>{{ post.data.title }}</title>
    <link href="{{ absolutePostUrl }}"/>
    <updated>{{ post.date | dateToRfc3339 }}</updated>
    <id>{{ absolutePostUrl }}</id>
    <content type="html">{{ post.templateContent | htmlToAbsoluteUrls(absolutePostUrl) }}</content>
  </entry>
  {%- endfor %}
</feed>
`;

const STYLESHEET = `body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 0 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; }
nav ul, .tag-cloud ul, footer ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
.site-footer { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; border-top: 1px solid #ccc; }
.footnotes { font-size: 0.9em; }
`;

/** Deterministic bytes that look like a JPEG to anything reading the first bytes. */
function imageBytes(random: Prng): Uint8Array {
  const size = random.int(IMAGE_MIN_BYTES, IMAGE_MAX_BYTES);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 4) {
    const word = Math.floor(random.next() * 4294967296);
    bytes[i] = word & 0xff;
    bytes[i + 1] = (word >>> 8) & 0xff;
    bytes[i + 2] = (word >>> 16) & 0xff;
    bytes[i + 3] = word >>> 24;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

export function imagePath(index: number): string {
  return `img/photo-${String(index + 1).padStart(3, "0")}.jpg`;
}

/** The files of the real shape that replace or add to the plain shape's. */
export function realShapeFiles(seed: string): SiteFile[] {
  const random = new Prng(seedFromText(`${seed}/images`));
  const images: SiteFile[] = Array.from({ length: REAL_IMAGE_COUNT }, (_, index) => ({ path: imagePath(index), text: imageBytes(random) }));
  return [
    { path: "eleventy.config.js", text: CONFIG },
    { path: "_includes/layouts/base.njk", text: BASE_LAYOUT },
    { path: "feed.njk", text: FEED },
    { path: "css/site.css", text: STYLESHEET },
    { path: "_data/navigation.json", text: `${JSON.stringify(NAVIGATION.map(([title, url]) => ({ title, url })), null, 2)}\n` },
    { path: "_data/topics.json", text: `${JSON.stringify(TAGS, null, 2)}\n` },
    ...images,
  ];
}

/**
 * What a real post carries beyond prose: every third post shows one of the site's images
 * (so the feed has relative URLs to rewrite), every fifth a footnote.
 */
export function realPostExtras(index: number): string {
  let extra = "";
  if (index % 3 === 0) extra += `\n![A photo from the foundation's archive](/${imagePath(index % REAL_IMAGE_COUNT)})\n`;
  if (index % 5 === 0) extra += `\nThe figures come from the foundation's annual report.[^source]\n\n[^source]: Published by the board, see [the report](/news/).\n`;
  return extra;
}
