// Random site content for the engine fuzz test: front matter blocks (YAML and JSON, well formed
// and not), Markdown bodies, and Nunjucks and Liquid snippets, mixing what real sites write with
// what a typo, a bad paste or a half-finished edit leaves behind.

import type { Random } from "./random.js";

/**
 * Known bugs the generator steers around, each pinned by a todo test in engine-fuzz.test.ts.
 * Set one to false once it is fixed, so the fuzz covers that ground again.
 */
export const KNOWN_BUGS = {
  /** `{% include 'cycle.liquid' %}` in cycle.liquid itself: liquidjs recurses forever and the build never ends. */
  liquidIncludeCycle: true,
  /**
   * In Nunjucks, an error in the template after a paired (async) shortcode is thrown inside the
   * shortcode's promise chain: it escapes as an unhandled rejection and the render never settles.
   * While this stands, `paired` is registered for Liquid only.
   */
  nunjucksErrorAfterPairedShortcode: false,
};

export interface FuzzFile {
  /** Path relative to the site folder, posix. */
  path: string;
  text: string;
}

const WORDS = ["news", "post", "Rust", "foundation", "café", "über", "日本語", "emoji 🎉", "a:b", "#hash", "x y", "It's", "quote\"d", "tab\there", ""];

function word(r: Random): string {
  return r.pick(WORDS);
}

/** One YAML scalar as written in a file: plain, quoted, escaped, typed, or broken. */
function yamlScalar(r: Random): string {
  return r.pick([
    () => "plain words",
    () => JSON.stringify(word(r)),
    () => `'${word(r).replace(/'/g, "''")}'`,
    () => `"non\\_breaking\\_space"`,
    () => `"bad escape \\q"`,
    () => `"\\u00e9\\x41\\t"`,
    () => String(r.between(-5, 5000)),
    () => "3.14",
    () => r.pick(["true", "false", "null", "~", "yes", "no", "on"]),
    () => r.pick(["2023-03-22", "2023-03-22T12:30:00Z", "2023-03-22 10:00:00 +2", "2023-13-45", "2023-02-30"]),
    () => "{{ title }}",
    () => "{% if x %}",
    () => `"{{ page.fileSlug }}"`,
    () => "*undefinedAlias",
    () => "&anchor value",
    () => "!!str 5",
    () => "!!binary aGVsbG8=",
    () => "!!js/regexp /x/",
    () => "!!timestamp not-a-date",
    () => "[unclosed, flow",
    () => "{a: 1",
    () => `"unterminated`,
    () => "@reserved",
    () => "`backtick`",
    () => "key: value: again",
    () => "- not a list here",
    () => "a".repeat(r.between(100, 400)),
    () => ">\n  folded\n  text",
    () => "|\n  literal\n    block",
    () => "|\n bad\n   indentation\n  here",
  ])();
}

function flowValue(r: Random, depth: number): string {
  if (depth > 2 || r.chance(0.5)) return yamlScalar(r).split("\n")[0]!;
  if (r.chance(0.5)) return `[${r.many(0, 4, () => flowValue(r, depth + 1)).join(", ")}]`;
  return `{${r.many(0, 3, () => `k${r.int(5)}: ${flowValue(r, depth + 1)}`).join(", ")}}`;
}

/** A value for a key Plinth gives meaning to, as YAML text after `key: `. */
function specialEntry(r: Random): string {
  return r.pick([
    () => `title: ${yamlScalar(r)}`,
    () => `layout: ${r.pick(["base.njk", "base.liquid", "base", "missing.njk", "cycle-a.njk", "''", "5", "null", "../escape.njk", "[base.njk]", "{a: 1}", "partial"])}`,
    () =>
      `permalink: ${r.pick([
        '"/p-{{ page.fileSlug }}/"',
        "false",
        "true",
        "0",
        '""',
        '"{{ page.fileSlug }}/"',
        '"/../outside/"',
        "../../up.html",
        '"/feed.xml"',
        '"{% if %}"',
        '"{{ title | nosuchfilter }}"',
        '"/same/"',
        "{build: /built/}",
        "{build: true}",
        "{}",
        "[1, 2]",
        '"/é and spaces/"',
        '"/index.html"',
        '"/"',
        '"{{ pagination.pageNumber }}/"',
        '"/a/{{ title | slugify }}/"',
      ])}`,
    () => `date: ${r.pick(["2023-03-22", "2023-03-22T10:00:00Z", "Last Modified", "Created", "git Last Modified", '"yesterday"', "2023", '""', '"2023-02-30"', "true", "[1]", "{a: 1}", "null"])}`,
    () => `tags: ${r.pick(["news", '"a,b"', "[post, news]", "5", "{a: 1}", '""', "null", "[post, 3]", "[[nested]]", "post"])}`,
    () =>
      `pagination: ${r.pick([
        "{data: items, size: 2}",
        "{data: collections.all, size: 3}",
        "{data: collections.post, size: 1, alias: p}",
        "{data: missing, size: 1}",
        "{data: items}",
        "bad",
        "{data: 5, size: 1}",
        "{data: items, size: 0}",
        "{data: items, size: -1}",
        "{data: obj, size: 1, resolve: values}",
        "{data: obj, size: 1}",
        "{data: items, size: abc}",
        "{data: items, size: 1, reverse: true, filter: [b]}",
        "{data: title, size: 1}",
        "{data: items, size: 1, alias: a.b.c}",
        "{data: items, size: 1, addAllPagesToCollections: true}",
        "{data: empty, size: 1, generatePageOnEmptyData: true}",
        "{data: '', size: 1}",
        "[1, 2]",
      ])}`,
    () => `items: ${r.pick(["[a, b, c]", "[]", "[1, [2], {x: 3}]", "{x: 1}", "5", "null"])}`,
    () => `obj: ${r.pick(["{a: 1, b: 2}", "{}", "[1]", '"str"'])}`,
    () => "empty: []",
    () =>
      `eleventyComputed:\n  ${r.pick([
        'title: "{{ title }}!"',
        'permalink: "/computed/{{ page.fileSlug }}/"',
        'x: "{% if %}"',
        "nested:\n    deep: \"{{ title | upper }}\"",
        "title: 5",
        'y: "{{ collections.all | length }}"',
        "z: [1, 2]",
      ])}`,
    () => `eleventyExcludeFromCollections: ${r.pick(["true", "[post]", "post", "5", "false"])}`,
    () => `templateEngineOverride: ${r.pick(["njk", "liquid", "md", "njk,md", "liquid,md", "foo", "false", '""', "html", "5", "md,njk"])}`,
    () => `key${r.int(9)}: ${flowValue(r, 0)}`,
    () => `nested:\n  ${r.pick(["a: 1", "b: [1, 2]", "c:\n    d: e", "- list item under a map", "\tx: tab indented"])}`,
    () => `override:tags: ${r.pick(["[x]", "y"])}`,
  ])();
}

function yamlBlock(r: Random): string {
  const lines = r.many(0, 7, () => specialEntry(r));
  if (r.chance(0.12)) lines.splice(r.int(lines.length + 1), 0, r.pick(["  bad: indentation", "\ttab: start", "no colon here", ": empty key", "dup: 1\ndup: 2", "- a list item", "key: [unclosed", "? complex key\n: value", "%YAML 1.2", "...", "--- # second document"]));
  return lines.join("\n");
}

function jsonBlock(r: Random): string {
  const value: Record<string, unknown> = {};
  for (let i = r.int(5); i > 0; i--) {
    value[r.pick(["title", "layout", "tags", "permalink", "date", "items", "x"])] = r.pick([word(r), 5, null, true, ["a", "b"], { a: 1 }, "base.njk", "/j/"]);
  }
  const text = JSON.stringify(value, null, r.chance(0.5) ? 2 : 0);
  if (r.chance(0.25)) return text.slice(0, Math.max(0, text.length - r.between(1, 3)));
  if (r.chance(0.1)) return text.replace(/}$/, ",}");
  return text;
}

/** A front matter block, or none, with the line endings and wrappers real files have. */
export function frontMatter(r: Random): string {
  const form = r.int(20);
  let block: string;
  if (form === 0) return "";
  if (form === 1) block = `---json\n${jsonBlock(r)}\n---\n`;
  else if (form === 2) block = `---\n${yamlBlock(r)}\n`; // never closed
  else if (form === 3) block = `----\n${yamlBlock(r)}\n----\n`;
  else if (form === 4) block = `---${r.pick(["toml", "js", "yaml", " ", "javascript"])}\n${yamlBlock(r)}\n---\n`;
  else if (form === 5) block = `---\n---\n`;
  else block = `---\n${yamlBlock(r)}\n---\n`;
  if (r.chance(0.08)) block = block.replace(/\n/g, "\r\n");
  if (r.chance(0.05)) block = `\ufeff${block}`;
  return block;
}

/** Front matter a careful author writes, with the keys Plinth gives meaning to; `index` keeps permalinks unique. */
export function cleanFrontMatter(r: Random, index: number): string {
  const lines = [`title: ${JSON.stringify(word(r))}`];
  if (r.chance(0.5)) lines.push(`layout: ${r.pick(["base.njk", "base.liquid", "base"])}`);
  if (r.chance(0.4)) lines.push(`tags: ${r.pick(["post", "[post, news]", "news", '"a,b"'])}`);
  if (r.chance(0.3)) lines.push(`date: ${r.pick(["2023-03-22", "2024-01-01T10:00:00Z", "Last Modified", "Created"])}`);
  // A paginated template with its own permalink must number its pages, or they collide.
  const paginated = r.chance(0.15);
  if (paginated) lines.push(`pagination: ${r.pick(["{data: items, size: 2}", "{data: collections.all, size: 5}", "{data: obj, size: 1, alias: key}"])}`);
  if (r.chance(0.3)) {
    const own = paginated ? [`"/p${index}/{{ pagination.pageNumber }}/"`, "false"] : [`"/p${index}/"`, `"/p${index}/{{ title | slugify }}/"`, "false", `"/feeds/f${index}.xml"`];
    lines.push(`permalink: ${r.pick(own)}`);
  }
  if (r.chance(0.15)) lines.push(`eleventyComputed:\n  ${r.pick(['heading: "{{ title }}!"', 'nav:\n    key: "{{ title }}"'])}`);
  if (r.chance(0.1)) lines.push("eleventyExcludeFromCollections: true");
  if (r.chance(0.1)) lines.push(`templateEngineOverride: ${r.pick(["njk", "liquid", "md", "njk,md"])}`);
  lines.push("items: [a, b, c]", "obj: {x: 1, y: 2}");
  return `---\n${lines.join("\n")}\n---\n`;
}

const CLEAN: Record<TemplateKind, readonly string[]> = {
  njk: [
    "{{ title }}",
    "{{ title | upper }}",
    "{% if title %}yes{% else %}no{% endif %}",
    "{% for x in items %}<i>{{ x }}</i>{% endfor %}",
    "{% set y = 2 %}{{ y * 3 }}",
    "{% include 'partial.njk' %}",
    "{{ collections.all | length }}",
    "{% for p in collections.post %}<a href=\"{{ p.url | url }}\">{{ p.data.title }}</a>{% endfor %}",
    "{{ page.url }} {{ page.fileSlug }}",
    "{% raw %}{{ kept }}{% endraw %}",
    "{# note #}",
    "{% sc 'a' %}",
    ...(KNOWN_BUGS.nunjucksErrorAfterPairedShortcode ? [] : ["{% paired %}x{% endpaired %}"]),
    "{{ site.name }}",
    "{{ title | slugify }}",
  ],
  liquid: [
    "{{ title }}",
    "{{ title | upcase }}",
    "{% if title %}yes{% else %}no{% endif %}",
    "{% for x in items %}<i>{{ x }}</i>{% endfor %}",
    "{% assign y = 2 %}{{ y | times: 3 }}",
    "{% include 'partial.liquid' %}",
    "{{ collections.all | size }}",
    "{% for p in collections.post %}<a href=\"{{ p.url | url }}\">{{ p.data.title }}</a>{% endfor %}",
    "{{ page.url }} {{ page.fileSlug }}",
    "{% raw %}{{ kept }}{% endraw %}",
    "{% comment %}note{% endcomment %}",
    "{% sc 'a' %}",
    "{% paired %}x{% endpaired %}",
    "{{ site.name }}",
    "{{ title | slugify }}",
  ],
  md: ["# Heading", "- one\n- two", "**bold** and _em_", "> quote", "[link](/about/)", "```\ncode\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "{{ title }}", "{% if title %}yes{% endif %}"],
  html: ["<p>text</p>", "<ul><li>one</li></ul>", "{{ title }}", "{% for x in items %}{{ x }}{% endfor %}"],
};

/** A body with no mistakes in it, so a site of clean files builds. */
export function cleanBody(r: Random, kind: TemplateKind): string {
  return r.many(0, 5, () => r.pick(CLEAN[kind])).join("\n\n");
}

function nunjucksSnippet(r: Random, depth: number): string {
  const inner = () => (depth < 3 ? nunjucksSnippet(r, depth + 1) : "x");
  return r.pick([
    () => "{{ title }}",
    () => "{{ title | upper }}",
    () => "{{ title | nosuchfilter }}",
    () => "{{ title | boom }}",
    () => "{{ title | slugify }} {{ '/a/' | url }} {{ title | slug }}",
    () => `{% if title %}${inner()}{% else %}${inner()}{% endif %}`,
    () => "{% if %}",
    () => `{% for x in items %}${inner()}{{ x }}{% endfor %}`,
    () => "{% for x in %}",
    () => "{% set y = 1 %}{{ y + 1 }}",
    () => "{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m(title) }}",
    () => "{% include 'partial.njk' %}",
    () => "{% include 'missing.njk' %}",
    () => "{% include 'cycle.njk' %}",
    () => "{{ collections.all | length }}",
    () => "{% for p in collections.all %}{{ p.url }}{% endfor %}",
    () => "{% for p in collections.post %}{{ p.data.title }}{{ p.templateContent | safe }}{% endfor %}",
    () => "{% set n = collections.post | getNextCollectionItem %}{{ n.url if n }}",
    () => "{{ page.url }} {{ page.inputPath }} {{ page.date.toISOString() }}",
    () => "{{ 1 / 0 }}",
    () => "{{ missing.deep.prop }}",
    () => "{{ notAFunction() }}",
    () => "{{ title() }}",
    () => "{% raw %}{{ not rendered }}{% endraw %}",
    () => "{# a comment #}",
    () => "{# unclosed comment",
    () => r.pick(["{{", "}}", "{%", "%}", "{{ }}", "{% %}", "{{ title", "{% endif %}", "{% endfor %}"]),
    () => "{{ 'a' ~ 'b' }} {{ [1, 2][5] }} {{ {a: 1}.a }}",
    () => "{% block b %}{% endblock %}",
    () => "{% extends 'missing-base.njk' %}",
    () => "{% sc 'arg' %}{% sc %}",
    () => "{% paired %}inside{% endpaired %}",
    () => "{% paired %}never closed",
    () => "{{ title | log }}",
    () => "{{ pagination.items | dump }}",
    () => "{{ site.name }}",
    () => "{% set deep = 'x' %}" + "{% if true %}".repeat(30) + "{{ deep }}" + "{% endif %}".repeat(30),
    () => "{{ " + "(".repeat(50) + "1" + ")".repeat(50) + " }}",
  ])();
}

function liquidSnippet(r: Random, depth: number): string {
  const inner = () => (depth < 3 ? liquidSnippet(r, depth + 1) : "x");
  return r.pick([
    () => "{{ title }}",
    () => "{{ title | upcase }}",
    () => "{{ title | nosuchfilter }}",
    () => "{{ title | boom }}",
    () => "{{ title | slugify }} {{ '/a/' | url }}",
    () => `{% if title %}${inner()}{% else %}${inner()}{% endif %}`,
    () => "{% if %}",
    () => `{% for x in items %}${inner()}{{ x }}{% endfor %}`,
    () => "{% for %}",
    () => "{% assign y = 1 %}{{ y | plus: 1 }}",
    () => "{% capture c %}captured{% endcapture %}{{ c }}",
    () => "{% include 'partial.liquid' %}",
    () => "{% include 'missing' %}",
    () => "{% render 'partial.liquid' %}",
    ...(KNOWN_BUGS.liquidIncludeCycle ? [] : [() => "{% include 'cycle.liquid' %}"]),
    () => "{{ collections.all | size }}",
    () => "{% for p in collections.all %}{{ p.url }}{% endfor %}",
    () => "{% for p in collections.post %}{{ p.templateContent }}{% endfor %}",
    () => "{% raw %}{{ not rendered }}{% endraw %}",
    () => "{% comment %}x{% endcomment %}",
    () => "{% comment %}never closed",
    () => r.pick(["{{", "}}", "{%", "%}", "{{ }}", "{% %}", "{{ title", "{% endif %}", "{% endfor %}"]),
    () => "{% unknown_tag %}",
    () => "{{ 1 | divided_by: 0 }}",
    () => "{% case title %}{% when 'a' %}A{% else %}B{% endcase %}",
    () => "{% cycle 'a', 'b' %}",
    () => "{% liquid\n echo title\n %}",
    () => "{% sc 'arg' %}{% sc %}",
    () => "{% sc title | upcase %}",
    () => "{% paired %}inside{% endpaired %}",
    () => "{% paired %}never closed",
    () => "{{ page.url }} {{ page.date | date: '%Y' }}",
    () => "{{ missing.deep.prop }}",
    () => "{{ site.name }}",
    () => "{% increment n %}{% decrement n %}",
    () => "{% tablerow x in items %}{{ x }}{% endtablerow %}",
  ])();
}

function markdownLine(r: Random): string {
  return r.pick([
    () => `# ${word(r)}`,
    () => "## Heading {{ title }}",
    () => "- item\n- item\n  - nested",
    () => "1. one\n2. two",
    () => "```js\nconst x = '{{ not liquid? }}';\n```",
    () => "```\nunclosed fence",
    () => "> quote\n> more",
    () => "| a | b |\n|---|---|\n| 1 | 2 |",
    () => "<div class=\"raw\">\n\n*md inside*\n\n</div>",
    () => "<!-- an html comment",
    () => "[link](/about/) ![img](/logo.png) <https://example.org>",
    () => "**bold** _em_ ~~strike~~ `code`",
    () => "***",
    () => "    indented code block",
    () => "Text with a footnote[^1].\n\n[^1]: The note.",
    () => "&amp; &copy; &#x1F600; \\* \\_",
    () => "<script>alert(1)</script>",
    () => `${word(r)} `.repeat(r.between(1, 40)),
    () => "\u0000\u0001\u200b\ufeff",
    () => "line with trailing spaces  \nnext",
  ])();
}

export type TemplateKind = "md" | "njk" | "liquid" | "html";

/** A body for a template of `kind`: its own syntax, with the preprocessor's syntax mixed in. */
export function body(r: Random, kind: TemplateKind): string {
  const parts: string[] = [];
  for (let i = r.between(0, 6); i > 0; i--) {
    if (kind === "njk") parts.push(r.chance(0.7) ? nunjucksSnippet(r, 0) : markdownLine(r));
    else if (kind === "liquid") parts.push(r.chance(0.7) ? liquidSnippet(r, 0) : markdownLine(r));
    else if (kind === "md") parts.push(r.chance(0.6) ? markdownLine(r) : liquidSnippet(r, 0));
    else parts.push(r.chance(0.5) ? `<p>${word(r)}</p>` : liquidSnippet(r, 0));
  }
  return parts.join(r.pick(["\n", "\n\n", " ", "\r\n"]));
}

/** The fixed part of every fuzz site: layouts (one pair in a cycle), includes, data and a config. */
export function siteFrame(): FuzzFile[] {
  return [
    { path: "_includes/base.njk", text: "<main>{{ content | safe }}</main>\n" },
    { path: "_includes/base.liquid", text: "---\ntitle: from layout\n---\n<main>{{ content }}</main>\n" },
    { path: "_includes/cycle-a.njk", text: "---\nlayout: cycle-b.njk\n---\nA{{ content | safe }}\n" },
    { path: "_includes/cycle-b.njk", text: "---\nlayout: cycle-a.njk\n---\nB{{ content | safe }}\n" },
    { path: "_includes/partial.njk", text: "<aside>{{ title }}</aside>\n" },
    { path: "_includes/partial.liquid", text: "<aside>{{ title }}</aside>\n" },
    { path: "_includes/cycle.njk", text: "{% include 'cycle.njk' %}\n" },
    { path: "_includes/cycle.liquid", text: "{% include 'cycle.liquid' %}\n" },
    { path: "_data/site.json", text: '{ "name": "Fuzz Foundation" }\n' },
    {
      path: "eleventy.config.cjs",
      text: [
        "module.exports = function (eleventyConfig) {",
        '  eleventyConfig.addFilter("boom", () => { throw new Error("boom filter"); });',
        '  eleventyConfig.addShortcode("sc", (arg) => `<sc>${arg}</sc>`);',
        `  eleventyConfig.${KNOWN_BUGS.nunjucksErrorAfterPairedShortcode ? "addPairedLiquidShortcode" : "addPairedShortcode"}("paired", (content) => \`<p>\${content}</p>\`);`,
        '  eleventyConfig.addFilter("log", (value) => value);',
        "};",
        "",
      ].join("\n"),
    },
  ];
}

const KINDS: readonly TemplateKind[] = ["md", "njk", "liquid", "html"];

/**
 * One template file. Each half (front matter, body) is random with probability `errorRate` and
 * clean otherwise, so a site holds a few broken files among good ones, or none.
 */
export function templateFile(r: Random, index: number, errorRate: number): FuzzFile {
  const kind = r.pick(KINDS);
  const folder = r.pick(["", "news/", "news/2023-03-22-", "deep/er/", "index-"]);
  // Broken front matter stops a build before anything renders, so it comes less often than broken bodies.
  const front = r.chance(errorRate / 3) ? frontMatter(r) : cleanFrontMatter(r, index);
  const text = front + (r.chance(errorRate) ? body(r, kind) : cleanBody(r, kind));
  return { path: `${folder}f${index}.${kind}`, text };
}

const JS_DATA = [
  "export default { site: { title: 'From JS' }, tags: ['js'] };",
  "export default async () => ({ late: true });",
  "export default () => { throw new Error('data function threw'); };",
  "export default () => Promise.reject(new Error('rejected'));",
  "export default async () => { throw 'a string, not an Error'; };",
  "const a = { name: 'loop' }; a.self = a; export default a;",
  "export default { get broken() { throw new Error('getter threw'); } };",
  "export default 42;",
  "export default null;",
  "export default [1, 2, 3];",
  "export default class Thing {};",
  "export default new Map([['a', 1]]);",
  "export default { eleventyComputed: { title: (data) => data.missing.deep } };",
  "export default { permalink: (data) => `/js/${data.page.fileSlug}/` };",
  "export default { permalink: () => { throw new Error('permalink fn threw'); } };",
  "export default { layout: 'missing.njk' };",
  "export default { tags: 5 };",
  "export default { pagination: { data: 'nothing', size: 1 } };",
  "export default {",
  "module.exports = { cjs: true };",
  "import missing from './does-not-exist.mjs'; export default missing;",
  "export const named = 1;",
  "export default { date: 'not a date' };",
  "export default { eleventyExcludeFromCollections: true };",
];

const JSON_DATA = ['{ "a": 1 }', '{ "a": 1, }', "", "[1, 2]", "42", '"text"', "null", "{", '{ "tags": ["json"] }', '{ "tags": 5 }', '{ "layout": "base.njk" }', '{ "permalink": false }', "\ufeff{ \"bom\": true }"];

/**
 * Data files for a site: global (`_data/`), directory and template data files, in JSON and
 * JavaScript, well formed with probability 1 - `errorRate`.
 */
export function dataFiles(r: Random, errorRate: number, templates: readonly FuzzFile[]): FuzzFile[] {
  const out: FuzzFile[] = [];
  const json = () => (r.chance(errorRate) ? r.pick(JSON_DATA) : r.pick(['{ "a": 1 }', '{ "tags": ["json"] }', "[1, 2]", '{ "nested": { "x": [1] } }']));
  const js = () => (r.chance(errorRate) ? r.pick(JS_DATA) : r.pick(JS_DATA.slice(0, 2)));
  for (let i = r.int(3); i > 0; i--) out.push({ path: `_data/g${out.length}.${r.pick(["json", "mjs"])}`, text: "" });
  if (r.chance(0.3)) out.push({ path: "news/news.json", text: "" });
  if (r.chance(0.3)) out.push({ path: `news/news.11tydata.${r.pick(["json", "mjs"])}`, text: "" });
  if (r.chance(0.3) && templates.length) {
    const template = r.pick(templates).path;
    out.push({ path: `${template.slice(0, template.lastIndexOf("."))}.11tydata.${r.pick(["json", "mjs"])}`, text: "" });
  }
  return out.map((f) => ({ path: f.path, text: f.path.endsWith(".json") ? json() : js() }));
}
