/**
 * The configuration, data and layouts of the site `plinth init` writes: Eleventy's
 * conventions, the members and newsroom plugins, and nothing that would make Eleventy 3 and
 * Plinth write different bytes.
 */

export interface StarterSettings {
  /** The foundation's name, e.g. "Lintel Foundation". */
  name: string;
  /** npm package name of the site. */
  packageName: string;
  /** The site's public URL, without a trailing slash. */
  url: string;
  /** `YYYY-MM-DD` of the example post. */
  today: string;
  /** The site's time zone, for `plinth new`. */
  timeZone: string;
  /** The plinth version range for package.json. */
  plinthVersion: string;
}

export function configFiles(s: StarterSettings): Record<string, string> {
  return {
    "package.json": `${JSON.stringify(
      {
        name: s.packageName,
        private: true,
        type: "module",
        scripts: { build: "plinth build", start: "plinth serve", check: "plinth check --build", new: "plinth new" },
        devDependencies: { plinth: s.plinthVersion },
      },
      null,
      2,
    )}\n`,
    ".gitignore": "node_modules/\n_site/\n",
    // The README and the entry templates are for people and `plinth new`, not pages.
    ".eleventyignore": "README.md\n_templates/\n",
    "eleventy.config.js": `// The site's Eleventy 3 configuration. Plinth reads the same file.
import membersPlugin from "plinth/members";
import newsroom from "plinth/newsroom";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// Dates are shown in UTC, so a page reads the same wherever it is built.
function toDate(value) {
  return value instanceof Date ? value : new Date(value);
}

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("css");
  eleventyConfig.addPassthroughCopy("img");

  // "22 March 2026", for people; "2026-03-22", for <time datetime>.
  eleventyConfig.addFilter("readableDate", (value) => {
    const date = toDate(value);
    return \`\${date.getUTCDate()} \${MONTHS[date.getUTCMonth()]} \${date.getUTCFullYear()}\`;
  });
  eleventyConfig.addFilter("htmlDateString", (value) => toDate(value).toISOString().slice(0, 10));

  // Members by tier (_data/tiers.json, members/*.md); see Plinth's docs/members.md.
  eleventyConfig.addPlugin(membersPlugin);
  // Drafts, scheduled posts, the news feeds, sitemap.xml, robots.txt, social tags, redirects.
  eleventyConfig.addPlugin(newsroom, { feeds: [{ collection: "news", title: "${s.name.replace(/["\\]/g, "")} news" }] });
}
`,
    "_data/site.json": `${JSON.stringify(
      {
        name: s.name,
        url: s.url,
        description: `News, events and members of the ${s.name}.`,
        language: "en",
        author: s.name,
        timezone: s.timeZone,
      },
      null,
      2,
    )}\n`,
    "_data/navigation.json": `${JSON.stringify(
      [
        { text: "News", url: "/news/" },
        { text: "Events", url: "/events/" },
        { text: "Members", url: "/members/" },
        { text: "About", url: "/about/" },
      ],
      null,
      2,
    )}\n`,
    "_data/tiers.json": `${JSON.stringify(
      [
        { id: "gold", name: "Gold", order: 1, description: "Organisations that fund the foundation's core programmes." },
        { id: "silver", name: "Silver", order: 2, description: "Companies of every size that build on our projects." },
        { id: "associate", name: "Associate", order: 3, description: "Non-profits and educational institutions." },
      ],
      null,
      2,
    )}\n`,
    "_data/redirects.json": "{}\n",
  };
}

export function layoutFiles(): Record<string, string> {
  return {
    "_includes/layouts/base.njk": `<!doctype html>
<html lang="{{ site.language }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{% if title and page.url != "/" %}{{ title }} · {% endif %}{{ site.name }}</title>
  {%- if noindex or index === false %}
  <meta name="robots" content="noindex">
  {%- endif %}
  {% socialMeta title or site.name, description or site.description, image, date %}
  <link rel="stylesheet" href="{{ '/css/site.css' | url }}">
  <link rel="alternate" type="application/atom+xml" href="{{ '/news/feed.xml' | url }}" title="{{ site.name }} news">
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <a class="brand" href="{{ '/' | url }}">{{ site.name }}</a>
    <nav aria-label="Main">
      <ul>
        {%- for item in navigation %}
        <li><a href="{{ item.url | url }}"{% if page.url == item.url %} aria-current="page"{% endif %}>{{ item.text }}</a></li>
        {%- endfor %}
      </ul>
    </nav>
  </header>
  <main id="main" tabindex="-1">
    {{ content | safe }}
  </main>
  <footer class="site-footer">
    <p>{{ site.name }} · <a href="{{ '/news/feed.xml' | url }}">News feed</a> · <a href="{{ '/about/' | url }}">About</a></p>
  </footer>
</body>
</html>
`,
    "_includes/layouts/page.njk": `---
layout: layouts/base.njk
---
<h1>{{ title }}</h1>
{{ content | safe }}
`,
    "_includes/layouts/post.njk": `---
layout: layouts/base.njk
---
<article class="post">
  <h1>{{ title }}</h1>
  <p class="meta"><time datetime="{{ page.date | htmlDateString }}">{{ page.date | readableDate }}</time></p>
  {{ content | safe }}
  <ul class="tags" aria-label="Tags">
    {%- for tag in tags %}{% if tag != "news" %}
    <li><a href="{{ ('/tags/' + (tag | slugify) + '/') | url }}">{{ tag }}</a></li>
    {%- endif %}{% endfor %}
  </ul>
</article>
`,
    "_includes/layouts/event.njk": `---
layout: layouts/base.njk
---
<article class="event">
  <h1>{{ title }}</h1>
  <p class="meta"><time datetime="{{ starts | htmlDateString }}">{{ starts | readableDate }}</time>{% if location %} · {{ location }}{% endif %}</p>
  {{ content | safe }}
</article>
`,
    "_includes/post-list.njk": `<ul class="post-list">
  {%- for post in posts %}
  <li><a href="{{ post.url | url }}">{{ post.data.title }}</a> <time datetime="{{ post.date | htmlDateString }}">{{ post.date | readableDate }}</time></li>
  {%- endfor %}
</ul>
`,
    "_templates/news.md": `---
title: The title
description: One or two sentences for the news list, feeds and social cards.
tags: [announcement]
draft: true
---
Write the post here. Remove \`draft: true\` above when it is ready to publish.
`,
  };
}
