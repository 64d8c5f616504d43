// The content API against a studio on a git copy of the example site: listing, search, schema,
// saving (byte-identical when unchanged, one field's text when changed, a commit of that file
// only), conflicts, creating with the collection's defaults, deleting, and a site without git.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";

const SEED = "news/2023-03-22-openinfra-associate-membership.md";

interface Entry {
  path: string;
  raw: string;
  frontMatter: Record<string, unknown>;
  body: string;
  revision: string;
  url: string | null;
}
interface Saved {
  path: string;
  revision: string;
  commit: string | null;
  changed: boolean;
  raw?: string;
  url?: string | null;
}
interface Listing {
  total: number;
  entries: { path: string; title: string; date: string | null; tags: string[]; url: string | null; draft: boolean }[];
}
interface Field {
  name: string;
  type: string;
  options?: string[];
  required?: boolean;
}

describe("content API", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  const commits = () => Number(site.git("rev-list", "--count", "HEAD").trim());

  it("lists the collections inferred from the folders", async () => {
    const res = await site.api<{ name: string; folder: string; count: number }[]>("GET", "/api/collections");
    assert.equal(res.status, 200);
    const byName = Object.fromEntries(res.json.map((c) => [c.name, c]));
    assert.equal(byName.news?.count, 13);
    assert.equal(byName.news?.folder, "news");
    assert.equal(byName.members?.count, 13);
    assert.ok(byName.pages && byName.pages.count >= 5, "single pages");
  });

  it("lists, searches, filters by tag, sorts and pages entries", async () => {
    const all = await site.api<Listing>("GET", "/api/entries?collection=news");
    assert.equal(all.json.total, 13);
    const dates = all.json.entries.map((e) => e.date!);
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first by default");
    const found = await site.api<Listing>("GET", "/api/entries?q=OpenInfra%20rust");
    assert.deepEqual(
      found.json.entries.map((e) => e.path),
      [SEED],
    );
    const inBody = await site.api<Listing>("GET", "/api/entries?collection=news&q=bylaws");
    assert.ok(inBody.json.entries.some((e) => e.path === "news/2022-09-14-lintel-foundation-launches.md"), "text of the body is searched");
    const tagged = await site.api<Listing>("GET", "/api/entries?tag=security");
    assert.ok(tagged.json.total >= 2);
    assert.ok(tagged.json.entries.every((e) => e.tags.includes("security")));
    const byTitle = await site.api<Listing>("GET", "/api/entries?collection=news&sort=title&limit=2&offset=1");
    assert.equal(byTitle.json.entries.length, 2);
    assert.equal(byTitle.json.total, 13);
    const titles = (await site.api<Listing>("GET", "/api/entries?collection=news&sort=title&limit=100")).json.entries.map((e) => e.title);
    assert.deepEqual(byTitle.json.entries.map((e) => e.title), titles.slice(1, 3));
    const bad = await site.api("GET", "/api/entries?sort=size");
    assert.equal(bad.status, 400);
  });

  it("infers the form of a collection from its values", async () => {
    const news = await site.api<{ fields: Field[] }>("GET", "/api/schema?collection=news");
    const field = (name: string) => news.json.fields.find((f) => f.name === name);
    assert.equal(field("title")?.type, "text");
    assert.equal(field("description")?.type, "longtext");
    assert.equal(field("date")?.type, "datetime");
    assert.equal(field("index")?.type, "boolean");
    assert.equal(field("tags")?.type, "tags");
    assert.ok(field("tags")?.options?.includes("announcement"));
    assert.equal(field("layout")?.type, "select");
    assert.ok(field("layout")?.options?.includes("layouts/news.njk"));
    assert.deepEqual(news.json.fields.slice(0, 4).map((f) => f.name), ["title", "byline", "description", "date"], "in the files' order");
    const members = await site.api<{ fields: Field[] }>("GET", "/api/schema?collection=members");
    const level = members.json.fields.find((f) => f.name === "level");
    assert.equal(level?.type, "select");
    assert.deepEqual(level?.options?.slice(0, 2), ["platinum", "gold"]);
    assert.equal(members.json.fields.find((f) => f.name === "logo")?.type, "image");
    assert.equal(members.json.fields.find((f) => f.name === "url")?.type, "url");
    assert.equal(members.json.fields.find((f) => f.name === "joined")?.type, "date");
  });

  it("reads an entry with its bytes, front matter, body and revision", async () => {
    const res = await site.api<Entry>("GET", `/api/entry?path=${SEED}`);
    assert.equal(res.json.raw, readFileSync(path.join(site.dir, SEED), "utf8"));
    assert.equal(res.json.frontMatter.title, "Rust Foundation Joins Open Infrastructure Foundation as Associate Member");
    assert.equal(res.json.frontMatter.date, "2023-03-22T12:30:00Z");
    assert.ok(res.json.body.startsWith("<img src="));
    assert.equal(res.json.url, "/news/2023-03-22-openinfra-associate-membership/");
    assert.match(res.json.revision, /^[0-9a-f]{32}$/);
    assert.equal((await site.api("GET", "/api/entry?path=news/nope.md")).status, 404);
  });

  it("saves an unchanged form as the same bytes, with no commit", async () => {
    const before = readFileSync(path.join(site.dir, SEED));
    const count = commits();
    const entry = (await site.api<Entry>("GET", `/api/entry?path=${SEED}`)).json;
    const res = await site.api<Saved>("PUT", `/api/entry?path=${SEED}`, { frontMatter: entry.frontMatter, body: entry.body, baseRevision: entry.revision });
    assert.equal(res.status, 200);
    assert.equal(res.json.changed, false);
    assert.equal(res.json.commit, null);
    assert.equal(res.json.revision, entry.revision);
    assert.ok(readFileSync(path.join(site.dir, SEED)).equals(before));
    assert.equal(commits(), count);
  });

  it("saves a changed field as that field's text only, committing that file only", async () => {
    const other = path.join(site.dir, "about.md");
    writeFileSync(other, `${readFileSync(other, "utf8")}\nStaged change.\n`);
    site.git("add", "about.md");
    const untracked = path.join(site.dir, "scratch.md");
    writeFileSync(untracked, "not mine\n");
    const entry = (await site.api<Entry>("GET", `/api/entry?path=${SEED}`)).json;
    const res = await site.api<Saved>("PUT", `/api/entry?path=${SEED}`, { frontMatter: { ...entry.frontMatter, title: "Rust Foundation Joins OpenInfra" }, baseRevision: entry.revision });
    assert.equal(res.status, 200);
    assert.equal(res.json.changed, true);
    const after = readFileSync(path.join(site.dir, SEED), "utf8");
    assert.equal(after, entry.raw.replace(/^title: .*$/m, "title: Rust Foundation Joins OpenInfra"));
    assert.match(res.json.commit ?? "", /^[0-9a-f]{40}$/);
    assert.equal(site.git("log", "-1", "--format=%s").trim(), `Update ${SEED}: Rust Foundation Joins OpenInfra`);
    assert.equal(site.git("log", "-1", "--format=%an <%ae>").trim(), "Site Owner <owner@example.org>");
    assert.equal(site.git("show", "--name-only", "--format=", "HEAD").trim(), SEED);
    // The other changes are exactly as they were: staged, and untracked.
    const status = site.git("status", "--porcelain").split("\n").filter(Boolean).sort();
    assert.deepEqual(status, ["?? scratch.md", "M  about.md"]);
    site.git("reset", "-q", "about.md");
    site.git("checkout", "-q", "--", "about.md");
  });

  it("refuses a save based on an old revision with 409 and the current text", async () => {
    const entry = (await site.api<Entry>("GET", `/api/entry?path=${SEED}`)).json;
    writeFileSync(path.join(site.dir, SEED), entry.raw.replace("index: false", "index: true"));
    // The same line changed on both sides: no merge (merges are tested in merge-save.test.ts).
    const mine = `${entry.raw.replace("index: false", "index: never")}\nMine.\n`;
    const res = await site.api<{ current: { raw: string; revision: string }; error: { code: string } }>("PUT", `/api/entry?path=${SEED}`, { raw: mine, baseRevision: entry.revision });
    assert.equal(res.status, 409);
    assert.equal(res.json.error.code, "StudioConflict");
    assert.match(res.json.current.raw, /index: true/);
    assert.notEqual(res.json.current.revision, entry.revision);
    assert.doesNotMatch(readFileSync(path.join(site.dir, SEED), "utf8"), /Mine\./, "the file was not overwritten");
    const missing = await site.api("PUT", `/api/entry?path=${SEED}`, { raw: "x" });
    assert.equal(missing.status, 400, "a save must name its base revision");
  });

  it("creates an entry with the collection's defaults and naming, never overwriting", async () => {
    const res = await site.api<Saved>("POST", "/api/entry", { collection: "news", title: "Board Meeting: Minutes & Notes" });
    assert.equal(res.status, 201);
    assert.match(res.json.path, /^news\/\d{4}-\d{2}-\d{2}-board-meeting-minutes-and-notes\.md$/);
    const raw = readFileSync(path.join(site.dir, res.json.path), "utf8");
    assert.match(raw, /^---\ntitle: "Board Meeting: Minutes & Notes"\n/);
    assert.match(raw, /^layout: layouts\/news\.njk$/m);
    assert.match(raw, /^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/m);
    assert.match(raw, /^tags: \[\]$/m);
    assert.equal(site.git("log", "-1", "--format=%s").trim(), `Create ${res.json.path}: Board Meeting: Minutes & Notes`);
    const listed = await site.api<Listing>("GET", "/api/entries?collection=news&q=board%20meeting%20minutes");
    assert.equal(listed.json.entries[0]?.path, res.json.path, "the index has it at once");
    assert.equal(listed.json.entries[0]?.url, `/${res.json.path.replace(/\.md$/, "/")}`);
    const again = await site.api<Saved>("POST", "/api/entry", { collection: "news", title: "Board Meeting: Minutes & Notes" });
    assert.equal(again.json.path, res.json.path.replace(/\.md$/, "-2.md"));
    const taken = await site.api<{ error: { code: string } }>("POST", `/api/entry?path=${res.json.path}`, { raw: "---\ntitle: x\n---\n" });
    assert.equal(taken.status, 409);
    assert.equal(taken.json.error.code, "StudioExists");
    assert.match(readFileSync(path.join(site.dir, res.json.path), "utf8"), /Minutes & Notes/);
  });

  it("deletes an entry at its revision only", async () => {
    const made = (await site.api<Saved>("POST", "/api/entry?path=news/to-delete.md", { raw: "---\ntitle: To delete\n---\nBye\n" })).json;
    const stale = await site.api("DELETE", `/api/entry?path=news/to-delete.md&baseRevision=0000`);
    assert.equal(stale.status, 409);
    const res = await site.api<{ commit: string }>("DELETE", `/api/entry?path=news/to-delete.md&baseRevision=${made.revision}`);
    assert.equal(res.status, 200);
    assert.equal(site.git("log", "-1", "--format=%s").trim(), "Delete news/to-delete.md: To delete");
    assert.equal((await site.api("GET", "/api/entry?path=news/to-delete.md")).status, 404);
    const listed = await site.api<Listing>("GET", "/api/entries?q=to-delete");
    assert.equal(listed.json.total, 0);
  });

  it("creates a member with its name, the usual status and tier, and today's join date; logos go to the roster's folder", async () => {
    const res = await site.api<Saved>("POST", "/api/entry", { collection: "members", title: "Lumen Works" });
    assert.equal(res.status, 201);
    assert.equal(res.json.path, "members/lumen-works.md");
    const raw = res.json.raw ?? "";
    assert.match(raw, /^name: Lumen Works$/m);
    assert.doesNotMatch(raw, /^title:/m, "a roster keeps the title in name");
    assert.match(raw, /^status: active$/m);
    assert.match(raw, /^level: [a-z]+$/m);
    assert.match(raw, /^joined: \d{4}-\d{2}-\d{2}$/m);
    const schema = await site.api<{ fields: (Field & { uploadFolder?: string })[] }>("GET", "/api/schema?collection=members");
    assert.equal(schema.json.fields.find((f) => f.name === "logo")?.uploadFolder, "img/members");
  });

  it("follows changes made on disk by others, and does not build its own saves twice", async () => {
    writeFileSync(path.join(site.dir, "news", "from-an-editor.md"), "---\ntitle: Written In Another Editor\ndate: 2020-01-01\n---\nHi\n");
    let found = 0;
    for (let i = 0; i < 100 && !found; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = (await site.api<Listing>("GET", "/api/entries?q=another%20editor")).json.total;
    }
    assert.equal(found, 1, "the watcher brought the new file into the list");
    const entry = (await site.api<Entry>("GET", "/api/entry?path=about.md")).json;
    const before = site.studio.session.build;
    await site.api<Saved>("PUT", "/api/entry?path=about.md", { raw: `${entry.raw}\nOnce.\n`, baseRevision: entry.revision });
    assert.equal(site.studio.session.build, before + 1);
    // Give the watcher time to report the write: it is recognised as the studio's own.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await site.studio.session.idle();
    assert.equal(site.studio.session.build, before + 1);
  });

  it("does not write code: the config file and JavaScript are refused", async () => {
    for (const target of ["eleventy.config.js", "feed.11ty.js", "_includes/x.mjs"]) {
      const res = await site.api("PUT", `/api/entry?path=${target}`, { raw: "x", baseRevision: "x" });
      assert.equal(res.status, 400, target);
    }
  });
});

describe("content API without git", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite({ git: false });
  });
  after(() => site.close());

  it("saves with plain writes", async () => {
    const entry = (await site.api<Entry>("GET", "/api/entry?path=about.md")).json;
    const res = await site.api<Saved>("PUT", "/api/entry?path=about.md", { raw: `${entry.raw}More.\n`, baseRevision: entry.revision });
    assert.equal(res.status, 200);
    assert.equal(res.json.commit, null);
    assert.equal(res.json.changed, true);
    assert.equal(readFileSync(path.join(site.dir, "about.md"), "utf8"), `${entry.raw}More.\n`);
  });
});

describe("content API with another CMS's config", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
    mkdirSync(path.join(site.dir, "admin"), { recursive: true });
    writeFileSync(
      path.join(site.dir, "admin", "config.yml"),
      "media_folder: img/uploads\ncollections:\n  - name: posts\n    label: Posts\n    folder: news\n    fields:\n      - { name: title, label: Headline, widget: string }\n      - { name: hero, label: Hero image, widget: image }\n",
    );
  });
  after(() => site.close());

  it("lays a configured collection over the inferred one of the same folder, whatever its name", async () => {
    const res = await site.api<{ fields: (Field & { label: string; uploadFolder?: string })[]; uploadFolder: string | null }>("GET", "/api/schema?collection=news");
    assert.equal(res.status, 200);
    assert.equal(res.json.fields.find((f) => f.name === "title")?.label, "Headline");
    const hero = res.json.fields.find((f) => f.name === "hero");
    assert.equal(hero?.type, "image");
    assert.equal(hero?.uploadFolder, "img/uploads");
    assert.equal(res.json.uploadFolder, "img/uploads");
  });
});
