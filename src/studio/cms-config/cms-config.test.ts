import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { makeTempSite } from "../../members/temp-site.js";
import { readCloudCannonConfig } from "./cloudcannon.js";
import { readDecapConfig } from "./decap.js";
import { loadSchemaOverrides } from "./load.js";
import { CLOUDCANNON_CONFIG, DECAP_CONFIG } from "./samples.test-data.js";
import { readStudioConfig, parseSize } from "./studio-config.js";
import { collectionOfPath, fieldOverride } from "./types.js";
import { readYaml } from "./yaml-source.js";

const SITE = { cwd: "/site", inputDir: "/site" };

test("CloudCannon: image inputs keep their own upload folders, selects their values", () => {
  const overrides = readCloudCannonConfig(readYaml(CLOUDCANNON_CONFIG, "cloudcannon.config.yml"), SITE);
  assert.deepEqual(overrides.diagnostics, []);
  assert.deepEqual(fieldOverride(overrides, "board", "headshot"), { type: "image", label: "Headshot", hint: "Square, at least 400 × 400 pixels.", uploadFolder: "img/people" });
  assert.deepEqual(fieldOverride(overrides, "members", "logo"), { type: "image", label: "Logo", uploadFolder: "img/members" });
  assert.deepEqual(fieldOverride(overrides, "members", "level"), { type: "select", label: "Membership tier", options: ["platinum", "gold", "silver", "associate"] });
  assert.deepEqual(fieldOverride(overrides, "news", "draft"), { type: "boolean" });
  assert.equal(fieldOverride(overrides, "news", "description")?.type, "longtext");
  // `[collection]` is filled in; the per-entry part `{date|year}` cannot be, so uploads go to its fixed prefix.
  assert.equal(fieldOverride(overrides, "news", "image")?.uploadFolder, "img/news");
  assert.equal(fieldOverride(overrides, "members", "url")?.type, "url");
  assert.equal(overrides.fields["*_url"], undefined);
  assert.equal(overrides.media.uploadFolder, "img/uploads");
  assert.deepEqual(overrides.media.folders.sort(), ["img/members", "img/news", "img/people", "img/uploads"]);
});

test("CloudCannon: collections get labels and folders; the data editor alone means no body", () => {
  const overrides = readCloudCannonConfig(readYaml(CLOUDCANNON_CONFIG, "cloudcannon.config.yml"), SITE);
  const byName = new Map(overrides.collections.map((c) => [c.name, c]));
  assert.deepEqual([...byName.keys()], ["news", "board", "staff", "members", "navigation"]);
  assert.equal(byName.get("board")?.label, "Board of Directors");
  assert.equal(byName.get("board")?.folder, "people/board");
  for (const name of ["board", "staff", "members", "navigation"]) assert.equal(byName.get(name)?.body, false, name);
  assert.equal(byName.get("news")?.body, undefined);
  assert.equal(byName.get("navigation")?.file, "_data/navigation.json");
  assert.deepEqual(overrides.toolbar, ["bold", "italic", "underline", "link", "list", "ordered-list", "table", "image", "embed", "heading"]);
  assert.equal(collectionOfPath(overrides, "people/board/jane-doe.md")?.name, "board");
  assert.equal(collectionOfPath(overrides, "news/2023-03-22-post.md")?.name, "news");
});

test("Decap/Sveltia: widgets become field types, media_folder upload folders, the body widget the toolbar", () => {
  const overrides = readDecapConfig(readYaml(DECAP_CONFIG, "admin/config.yml"), SITE);
  assert.deepEqual(overrides.diagnostics, []);
  const news = overrides.collections.find((c) => c.name === "news")!;
  assert.deepEqual(news.fieldOrder, ["title", "byline", "description", "date", "tags", "layout", "draft", "image"]);
  assert.deepEqual(
    Object.fromEntries(Object.entries(news.fields).map(([name, f]) => [name, f.type])),
    { title: "text", byline: "text", description: "longtext", date: "datetime", tags: "tags", layout: "text", draft: "boolean", image: "image" },
  );
  assert.equal(news.fields.layout!.hidden, true);
  assert.equal(news.fields.layout!.default, "layouts/news.njk");
  assert.equal(news.fields.byline!.required, false);
  assert.equal(news.fields.image!.uploadFolder, "img/news");
  assert.equal(news.body, true);
  assert.deepEqual(news.toolbar, ["bold", "italic", "link", "heading", "quote", "list", "ordered-list", "image"]);
  const members = overrides.collections.find((c) => c.name === "members")!;
  assert.deepEqual(members.fields.level, { type: "select", label: "Tier", options: ["platinum", "gold", "silver", "associate"] });
  assert.equal(members.fields.logo!.uploadFolder, "img/members");
  assert.equal(members.fields.joined!.type, "date");
  assert.equal(members.body, false, "a collection whose fields have no body is edited as data only");
  assert.equal(members.uploadFolder, "img/members");
  assert.equal(overrides.collections.find((c) => c.name === "board")!.fields.headshot!.uploadFolder, "img/people");
  assert.equal(overrides.media.uploadFolder, "img/uploads");
  assert.ok(overrides.media.folders.includes("img/staff"), "an image field nested in a list still names a library folder");
});

test("Decap/Sveltia: file collections are data files edited as forms", () => {
  const overrides = readDecapConfig(readYaml(DECAP_CONFIG, "admin/config.yml"), SITE);
  const staff = overrides.collections.find((c) => c.file === "_data/staff.yml")!;
  assert.equal(staff.name, "data/staff");
  assert.equal(staff.label, "Staff");
  assert.equal(staff.body, false);
  assert.equal(staff.fields.people!.type, "yaml", "a list of objects is edited as YAML");
  assert.equal(collectionOfPath(overrides, "_data/site.json")?.label, "Settings");
});

test("Decap paths are from the repository root; with an input folder they are made relative to it", () => {
  const site = { cwd: "/repo", inputDir: "/repo/src" };
  const config = `media_folder: src/img/uploads\ncollections:\n  - name: posts\n    folder: src/posts\n    fields:\n      - { name: cover, widget: image, media_folder: /src/img/covers }\n      - { name: thumb, widget: image, media_folder: thumbs }\n  - name: outside\n    folder: content/other\n    fields: []\n`;
  const overrides = readDecapConfig(readYaml(config, "admin/config.yml"), site);
  assert.equal(overrides.media.uploadFolder, "img/uploads");
  const posts = overrides.collections.find((c) => c.name === "posts")!;
  assert.equal(posts.folder, "posts");
  assert.equal(posts.fields.cover!.uploadFolder, "img/covers");
  assert.equal(posts.fields.thumb!.uploadFolder, "posts/thumbs", "a relative media_folder is relative to the entry's folder");
  assert.equal(overrides.collections.some((c) => c.name === "outside"), false);
  assert.equal(overrides.diagnostics.length, 1);
  assert.match(overrides.diagnostics[0]!.message, /outside the site's input folder/);
  assert.equal(overrides.diagnostics[0]!.line, 9);
});

test("broken YAML and unknown widgets are reported at their line, without stopping the studio", () => {
  const broken = readDecapConfig(readYaml("collections:\n  - name: news\n    folder: news\n   fields: [\n", "admin/config.yml"), SITE);
  assert.equal(broken.collections.length, 0);
  assert.equal(broken.diagnostics[0]!.severity, "error");
  assert.equal(broken.diagnostics[0]!.file, "admin/config.yml");
  assert.ok(broken.diagnostics[0]!.line! >= 3);
  const unknown = readDecapConfig(readYaml("collections:\n  - name: news\n    folder: news\n    fields:\n      - { name: mood, widget: emoji-picker }\n", "admin/config.yml"), SITE);
  assert.equal(unknown.diagnostics[0]!.line, 5);
  assert.match(unknown.diagnostics[0]!.message, /Unknown widget "emoji-picker"/);
  assert.equal(unknown.collections[0]!.fields.mood!.type, undefined);
});

test("studio.config.yml: fields, collections, media and toolbar, with located warnings", () => {
  const text = `media:\n  maxSize: 2MB\n  uploadFolder: img/uploads\nfields:\n  headshot: { type: image, uploadFolder: img/people }\n  mood: emoji\ncollections:\n  news:\n    label: News\n    toolbar: [bold, italic, sparkles]\n    fields:\n      summary: longtext\n`;
  const overrides = readStudioConfig(readYaml(text, "studio.config.yml"));
  assert.equal(overrides.media.maxBytes, 2 * 1024 * 1024);
  assert.deepEqual(overrides.fields.headshot, { type: "image", uploadFolder: "img/people" });
  assert.deepEqual(overrides.collections[0]!.toolbar, ["bold", "italic"]);
  assert.equal(overrides.collections[0]!.fields.summary!.type, "longtext");
  assert.deepEqual(overrides.diagnostics.map((d) => d.line), [6, 10]);
  assert.equal(parseSize("512 KB"), 512 * 1024);
  assert.equal(parseSize("10MB"), 10 * 1024 * 1024);
  assert.equal(parseSize("lots"), undefined);
});

test("a site's configs are found and laid over each other, the studio's own file last", () => {
  const site = makeTempSite({
    "cloudcannon.config.yml": CLOUDCANNON_CONFIG,
    "admin/config.yml": DECAP_CONFIG,
    "studio.config.yml": "fields:\n  headshot:\n    uploadFolder: img/headshots\ncollections:\n  news:\n    label: Newsroom\n",
  });
  const overrides = loadSchemaOverrides(site, site);
  assert.deepEqual(overrides.sources, ["cloudcannon.config.yml", "admin/config.yml", "studio.config.yml"]);
  assert.deepEqual(fieldOverride(overrides, undefined, "headshot"), { type: "image", label: "Headshot", hint: "Square, at least 400 × 400 pixels.", uploadFolder: "img/headshots" });
  const news = overrides.collections.find((c) => c.folder === "news")!;
  assert.equal(news.label, "Newsroom");
  assert.equal(news.fields.image!.uploadFolder, "img/news");
  assert.equal(overrides.collections.filter((c) => c.folder === "news").length, 1, "the same folder from two configs is one collection");
});

test("a site without any config gets empty overrides", () => {
  const site = makeTempSite({ "index.md": "# Hi\n" });
  const overrides = loadSchemaOverrides(site, path.join(site));
  assert.deepEqual(overrides, { sources: [], fields: {}, collections: [], media: { folders: [] }, diagnostics: [] });
});
