/** The pages, example entries, stylesheet and README of the site `plinth init` writes. */
import type { StarterSettings } from "./starter-site.js";

function logo(name: string, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 64" width="160" height="64" role="img" aria-label="${name}">
  <rect x="8" y="16" width="32" height="32" rx="6" fill="${colour}"/>
  <text x="52" y="38" font-family="system-ui, sans-serif" font-size="15" font-weight="700" fill="#1f2933">${name}</text>
</svg>
`;
}

export function pageFiles(s: StarterSettings): Record<string, string> {
  return {
    "index.njk": `---
layout: layouts/base.njk
description: ${JSON.stringify(`The ${s.name}: news, events and the organisations that support our work.`)}
---
<h1>{{ site.name }}</h1>
<p class="lede">{{ site.description }}</p>

<h2>Latest news</h2>
{%- set posts = collections.news | reverse %}
{% include "post-list.njk" %}
<p><a href="{{ '/news/' | url }}">All news</a></p>

<h2>Events</h2>
<ul class="post-list">
  {%- for event in collections.events %}
  <li><a href="{{ event.url | url }}">{{ event.data.title }}</a> <time datetime="{{ event.data.starts | htmlDateString }}">{{ event.data.starts | readableDate }}</time></li>
  {%- endfor %}
</ul>
`,
    "news.njk": `---
layout: layouts/base.njk
pagination:
  data: collections.news
  size: 10
  reverse: true
  alias: posts
permalink: "news/{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}index.html"
eleventyComputed:
  title: "News{% if pagination.pageNumber > 0 %}, page {{ pagination.pageNumber + 1 }}{% endif %}"
description: The foundation's news and announcements.
---
<h1>{{ title }}</h1>
{% include "post-list.njk" %}
<nav class="pager" aria-label="More news">
  {%- if pagination.href.previous %}<a href="{{ pagination.href.previous | url }}" rel="prev">Newer</a>{% endif %}
  {%- if pagination.href.next %} <a href="{{ pagination.href.next | url }}" rel="next">Older</a>{% endif %}
</nav>
`,
    "tags.njk": `---
layout: layouts/base.njk
pagination:
  data: collections
  size: 1
  alias: tag
  filter: [all, news, events, members]
permalink: "/tags/{{ tag | slugify }}/"
eleventyComputed:
  title: "Tagged “{{ tag }}”"
---
<h1>{{ title }}</h1>
{%- set posts = collections[tag] | reverse %}
{% include "post-list.njk" %}
`,
    "events.njk": `---
layout: layouts/page.njk
title: Events
description: Meetings, calls and conferences of the foundation.
permalink: /events/
---
<ul class="post-list">
  {%- for event in collections.events %}
  <li><a href="{{ event.url | url }}">{{ event.data.title }}</a> <time datetime="{{ event.data.starts | htmlDateString }}">{{ event.data.starts | readableDate }}</time>{% if event.data.location %} · {{ event.data.location }}{% endif %}</li>
  {%- endfor %}
</ul>
`,
    "members.njk": `---
layout: layouts/page.njk
title: Members
description: The organisations that support the foundation, by membership tier.
---
{%- for group in membership.roster %}
<section aria-labelledby="tier-{{ group.tier.id }}">
  <h2 id="tier-{{ group.tier.id }}">{{ group.tier.name }} members</h2>
  <p>{{ group.tier.description }}</p>
  {%- if group.members.length %}
  <ul class="members">
    {%- for member in group.members %}
    <li><a href="{{ member.url }}"><img src="{{ member.logo | url }}" alt="{{ member.name }}" width="160" height="64"></a></li>
    {%- endfor %}
  </ul>
  {%- else %}
  <p>No {{ group.tier.name }} members yet.</p>
  {%- endif %}
</section>
{%- endfor %}
<p>The roster is also published as <a href="{{ membership.urls.json | url }}">JSON</a> and <a href="{{ membership.urls.csv | url }}">CSV</a>.</p>
`,
    "about.md": `---
layout: layouts/page.njk
title: About
description: ${JSON.stringify(`What the ${s.name} does and how it is run.`)}
---
The ${s.name} is an independent non-profit that stewards its open-source projects and
supports the people who build and maintain them.

## How we work

Members fund the foundation's work; the board sets its direction; the projects decide
their own technical matters in the open.
`,
    "404.md": `---
layout: layouts/page.njk
title: Page not found
permalink: /404.html
eleventyExcludeFromCollections: true
noindex: true
---
There is no page at this address. Try the [home page](/) or the [news](/news/).
`,
    "news/news.11tydata.json": `${JSON.stringify({ tags: ["news"], layout: "layouts/post.njk" }, null, 2)}\n`,
    [`news/${s.today}-welcome.md`]: `---
title: Welcome to the new site
description: ${JSON.stringify(`The ${s.name} has a new website, with news, events and our members.`)}
date: ${s.today}
tags: [announcement]
---
The ${s.name} has a new website. Follow our news here or in the [news feed](/news/feed.xml),
meet [our members](/members/) and join us at an [event](/events/).
`,
    "events/events.11tydata.json": `${JSON.stringify({ tags: ["events"], layout: "layouts/event.njk" }, null, 2)}\n`,
    "events/community-call.md": `---
title: Monthly community call
description: An open call for everyone who uses or builds our projects.
starts: ${s.today}T16:00:00Z
location: Online
---
An open call on the first Tuesday of each month: project updates, questions and answers.
`,
    "members/members.json": `${JSON.stringify({ tags: ["members"], permalink: false }, null, 2)}\n`,
    "members/example-corp.md": `---
name: Example Corp
level: gold
logo: /img/members/example-corp.svg
url: https://corp.example
joined: ${s.today}
---
Example Corp builds products on the foundation's projects.
`,
    "members/example-university.md": `---
name: Example University
level: associate
logo: /img/members/example-university.svg
url: https://university.example
joined: ${s.today}
---
Example University teaches with the foundation's projects.
`,
    "img/members/example-corp.svg": logo("Example Corp", "#1d4ed8"),
    "img/members/example-university.svg": logo("Example University", "#047857"),
    "css/site.css": STYLESHEET,
    "README.md": `# ${s.name}

The website of the ${s.name}, built with [Plinth](https://www.npmjs.com/package/plinth)
(it builds with Eleventy 3 as well).

\`\`\`sh
npm install
npm start                         # build, serve at http://127.0.0.1:8080, rebuild on save
npm run build                     # write the site to _site/
npm run check                     # build, then check links, images, alt text and titles
npx plinth new news "A title"     # a new post in news/, from _templates/news.md (a draft)
\`\`\`

- \`news/\`: one Markdown file per post, \`YYYY-MM-DD-slug.md\`. \`draft: true\` keeps a post
  out of the built site; a future \`date\` publishes it on that day (\`plinth build --drafts
  --future\` shows both). The news index, tag pages, the feeds and the sitemap update
  themselves.
- \`events/\`: one file per event, with \`starts\` and \`location\`.
- \`members/\` and \`_data/tiers.json\`: member organisations by tier, logos in \`img/members/\`
  (\`npx plinth members add "Name" --tier gold --url https://... --logo file.svg\`).
- \`_data/site.json\`: the site's name, URL, description and time zone.
- \`_data/redirects.json\`: old URL to new URL, written as \`_redirects\`, an nginx map and
  redirect pages.
- \`css/site.css\`: the stylesheet; \`_includes/layouts/\`: the page layouts.
`,
  };
}

const STYLESHEET = `/* A small, accessible stylesheet: readable type, visible focus, enough contrast, no motion. */
:root {
  --text: #1f2933;
  --muted: #52606d;
  --accent: #1d4ed8;
  --background: #ffffff;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto;
  max-width: 46rem;
  padding: 0 1rem;
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--text);
  background: var(--background);
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
main:focus { outline: none; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: var(--background); padding: 0.5rem 1rem; }
.site-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; justify-content: space-between; padding: 1rem 0; border-bottom: 1px solid #cbd2d9; }
.brand { font-weight: 700; text-decoration: none; color: var(--text); }
nav ul, .tags, .members { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
[aria-current="page"] { font-weight: 700; }
.meta, time, .site-footer { color: var(--muted); }
.post-list { padding-left: 1.2rem; }
.members img { display: block; height: auto; }
.site-footer { margin-top: 3rem; padding: 1rem 0; border-top: 1px solid #cbd2d9; font-size: 0.9375rem; }
img { max-width: 100%; height: auto; }
@media (prefers-reduced-motion: reduce) { * { animation: none !important; transition: none !important; scroll-behavior: auto !important; } }
`;
