// The fixed files of a generated benchmark site: config, layouts, the news index, tag
// pages, the members roster, the Atom feed and the home page. Only features that both
// Eleventy 3 and Plinth's engine (issue 2) support are used, so both must agree on output.

export interface SiteFile {
  /** Path relative to the site root, `/`-separated. */
  path: string;
  /** Text, or the bytes of a binary file such as an image. */
  text: string | Uint8Array;
}

const CONFIG = `// Benchmark site configuration: a single date filter. It formats with UTC methods,
// not a locale library, so every engine renders the same text for the same Date.
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
}
`;

const BASE_LAYOUT = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% if title %}{{ title }} | {% endif %}{{ site.title }}</title>
  <meta name="description" content="{{ description or site.description }}">
  <link rel="alternate" type="application/atom+xml" href="{{ '/feed.xml' | url }}" title="{{ site.title }}">
</head>
<body>
  <header class="site-header">
    <a class="site-name" href="{{ '/' | url }}">{{ site.title }}</a>
    <nav aria-label="Main">
      <a href="{{ '/news/' | url }}">News</a>
      <a href="{{ '/members/' | url }}">Members</a>
      <a href="{{ '/feed.xml' | url }}">Feed</a>
    </nav>
  </header>
  <main>
{{ content | safe }}
  </main>
  <footer class="site-footer">{{ site.title }} &middot; {{ site.tagline }}</footer>
</body>
</html>
`;

const POST_LAYOUT = `---
layout: layouts/base.njk
---
<article class="post">
  <h1>{{ title }}</h1>
  <p class="post-meta"><time datetime="{{ page.date | formatDate('iso-date') }}">{{ page.date | formatDate('readable') }}</time></p>
  <ul class="post-tags">
  {%- for tag in tags %}{% if tag != "news" %}
    <li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a></li>
  {%- endif %}{% endfor %}
  </ul>
{{ content | safe }}
  {%- set previousPost = collections.news | getPreviousCollectionItem(page) %}
  {%- set nextPost = collections.news | getNextCollectionItem(page) %}
  <nav class="post-nav" aria-label="More news">
    {%- if previousPost %}
    <a rel="prev" href="{{ previousPost.url | url }}">Previous: {{ previousPost.data.title }}</a>
    {%- endif %}
    {%- if nextPost %}
    <a rel="next" href="{{ nextPost.url | url }}">Next: {{ nextPost.data.title }}</a>
    {%- endif %}
  </nav>
</article>
`;

const NEWS_INDEX = `---
title: News
layout: layouts/base.njk
pagination:
  data: collections.news
  size: 20
  reverse: true
  alias: posts
permalink: "/news/{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}"
eleventyExcludeFromCollections: true
---
<h1>News</h1>
<ol class="post-list">
{%- for post in posts %}
  <li>
    <a href="{{ post.url | url }}">{{ post.data.title }}</a>
    <time datetime="{{ post.date | formatDate('iso-date') }}">{{ post.date | formatDate('readable') }}</time>
    <p>{{ post.data.description }}</p>
  </li>
{%- endfor %}
</ol>
<nav class="pagination" aria-label="News pages">
  {%- if pagination.href.previous %}
  <a rel="prev" href="{{ pagination.href.previous | url }}">Newer</a>
  {%- endif %}
  <span>Page {{ pagination.pageNumber + 1 }} of {{ pagination.hrefs | length }}</span>
  {%- if pagination.href.next %}
  <a rel="next" href="{{ pagination.href.next | url }}">Older</a>
  {%- endif %}
</nav>
`;

const TAG_PAGE = `---
layout: layouts/base.njk
pagination:
  data: collections
  size: 1
  alias: tag
  filter:
    - all
    - news
permalink: "/tags/{{ tag | slugify }}/"
eleventyExcludeFromCollections: true
eleventyComputed:
  title: "Tagged {{ tag }}"
---
<h1>News tagged &ldquo;{{ tag }}&rdquo;</h1>
<p>{{ collections[tag] | length }} posts.</p>
<ol class="post-list">
{%- for post in collections[tag] | reverse %}
  <li><a href="{{ post.url | url }}">{{ post.data.title }}</a> <time datetime="{{ post.date | formatDate('iso-date') }}">{{ post.date | formatDate('readable') }}</time></li>
{%- endfor %}
</ol>
`;

const MEMBERS_PAGE = `---
title: Members
layout: layouts/base.njk
permalink: /members/
eleventyExcludeFromCollections: true
---
<h1>Our members</h1>
<p>{{ members | length }} organisations fund the foundation's work.</p>
{%- for tier in site.tiers %}
<section class="tier tier-{{ tier.id }}">
  <h2>{{ tier.name }}</h2>
  <ul>
  {%- for member in members %}{% if member.tier == tier.id %}
    <li><a href="{{ member.url }}">{{ member.name }}</a> <span>since {{ member.since }}</span></li>
  {%- endif %}{% endfor %}
  </ul>
</section>
{%- endfor %}
`;

const FEED = `---
permalink: /feed.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{{ site.title }}</title>
  <subtitle>{{ site.description }}</subtitle>
  <link href="{{ site.url }}/feed.xml" rel="self"/>
  <link href="{{ site.url }}/"/>
  <id>{{ site.url }}/</id>
  {%- set newest = collections.news.slice(-20) | reverse %}
  {%- set latest = newest | first %}
  <updated>{{ latest.date | formatDate('iso') }}</updated>
  {%- for post in newest %}
  <entry>
    <title>{{ post.data.title }}</title>
    <link href="{{ site.url }}{{ post.url }}"/>
    <id>{{ site.url }}{{ post.url }}</id>
    <updated>{{ post.date | formatDate('iso') }}</updated>
    <summary>{{ post.data.description }}</summary>
    <content type="html">{{ post.templateContent }}</content>
  </entry>
  {%- endfor %}
</feed>
`;

const HOME_PAGE = `---
layout: layouts/base.njk
eleventyExcludeFromCollections: true
---
<h1>{{ site.title }}</h1>
<p>{{ site.description }}</p>
<h2>Latest news</h2>
<ul class="post-list">
{%- for post in collections.news.slice(-5) | reverse %}
  <li><a href="{{ post.url | url }}">{{ post.data.title }}</a></li>
{%- endfor %}
</ul>
<p><a href="{{ '/news/' | url }}">All news</a> &middot; <a href="{{ '/members/' | url }}">Our members</a></p>
`;

const SITE_DATA = {
  title: "Open Lantern Foundation",
  tagline: "Stewarding open infrastructure since 2012",
  description: "News from the Open Lantern Foundation and the projects it hosts.",
  url: "https://foundation.example",
  tiers: [
    { id: "platinum", name: "Platinum" },
    { id: "gold", name: "Gold" },
    { id: "silver", name: "Silver" },
    { id: "associate", name: "Associate" },
  ],
};

/** The tier ids of `_data/site.json`, in roster order. */
export const TIER_IDS = SITE_DATA.tiers.map((tier) => tier.id);

/** Every file of the site that does not depend on the number of posts. */
export function fixedSiteFiles(): SiteFile[] {
  return [
    // The site's own package.json pins ESM, so eleventy.config.js loads the same way wherever the site is generated.
    { path: "package.json", text: `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n` },
    { path: ".gitignore", text: "_site/\n" },
    { path: "eleventy.config.js", text: CONFIG },
    { path: "_data/site.json", text: `${JSON.stringify(SITE_DATA, null, 2)}\n` },
    { path: "_includes/layouts/base.njk", text: BASE_LAYOUT },
    { path: "_includes/layouts/post.njk", text: POST_LAYOUT },
    { path: "news/news.json", text: `${JSON.stringify({ tags: "news", layout: "layouts/post.njk" }, null, 2)}\n` },
    { path: "index.njk", text: HOME_PAGE },
    { path: "news.njk", text: NEWS_INDEX },
    { path: "tags.njk", text: TAG_PAGE },
    { path: "members.njk", text: MEMBERS_PAGE },
    { path: "feed.njk", text: FEED },
  ];
}
