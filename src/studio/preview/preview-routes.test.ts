// The live preview against a studio on a copy of the example site: unsaved text is rendered by
// the site's own layouts (the page and the news index that lists it) without touching the
// file, errors come back with the file, line and field, dropping or saving restores the file's
// text, and a new entry can be previewed before its first save.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, TEST_TOKEN, type StudioSite } from "../../../test/support/studio-site.js";

const SEED = "news/2023-03-22-openinfra-associate-membership.md";
const URL_OF_SEED = "/news/2023-03-22-openinfra-associate-membership/";

interface Preview {
  url: string | null;
  build: number;
  ok: boolean;
  errors: { code: string; message: string; file?: string; line?: number; column?: number; field?: string; hint: string }[];
  changed: string[];
  pages: string[];
}

describe("preview", () => {
  let site: StudioSite;
  let original: string;
  before(async () => {
    site = await startStudioSite();
    original = readFileSync(path.join(site.dir, SEED), "utf8");
  });
  after(() => site.close());

  const page = async (url: string) => {
    const res = await fetch(`${site.origin}${url}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    return { status: res.status, text: await res.text(), csp: res.headers.get("content-security-policy") ?? "" };
  };

  it("serves the built page under /preview/ with the reload script, framed by the studio only", async () => {
    const res = await page(`/preview${URL_OF_SEED}`);
    assert.equal(res.status, 200);
    assert.match(res.text, /Rust Foundation Joins Open Infrastructure Foundation/);
    assert.match(res.text, /<script src="\/_studio\/preview-client\.js" data-page="news\/2023-03-22-openinfra-associate-membership\/index\.html" data-build="\d+"><\/script>/);
    assert.match(res.csp, /frame-ancestors 'self'/);
    const script = await page("/_studio/preview-client.js");
    assert.match(script.text, /EventSource\("\/api\/events"\)/);
  });

  it("renders unsaved text with the site's layouts, on the page and the pages listing it, leaving the file alone", async () => {
    const raw = original.replace(/^title: .*$/m, "title: Typo Fixed In The Preview").replace("The Rust Foundation is dedicated", "The Rust Foundation is devoted");
    const res = await site.api<Preview>("POST", `/api/preview?path=${SEED}`, { raw });
    assert.equal(res.status, 200);
    assert.equal(res.json.ok, true);
    assert.equal(res.json.url, URL_OF_SEED);
    assert.ok(res.json.changed.includes("news/2023-03-22-openinfra-associate-membership/index.html"));
    assert.ok(res.json.changed.includes("news/index.html"), "the news index lists the new title");
    assert.ok(res.json.pages.includes("/news/") && res.json.pages.includes(URL_OF_SEED), JSON.stringify(res.json.pages));
    const shown = await page(`/preview${URL_OF_SEED}`);
    assert.match(shown.text, /Typo Fixed In The Preview/);
    assert.match(shown.text, /is devoted/);
    assert.match((await page("/preview/news/")).text, /Typo Fixed In The Preview/);
    assert.equal(readFileSync(path.join(site.dir, SEED), "utf8"), original, "the file is untouched");
    const listed = await site.api<{ entries: { title: string }[] }>("GET", "/api/entries?q=openinfra");
    assert.equal(listed.json.entries[0]?.title, "Rust Foundation Joins Open Infrastructure Foundation as Associate Member", "the list shows the saved title");
  });

  it("reports an error at its file, line and field instead of a broken page", async () => {
    const raw = original.replace("layout: layouts/news.njk", "layout: layouts/nope.njk");
    const res = await site.api<Preview>("POST", `/api/preview?path=${SEED}`, { raw });
    assert.equal(res.json.ok, false);
    const error = res.json.errors.find((e) => e.file === SEED);
    assert.ok(error, JSON.stringify(res.json.errors));
    assert.equal(error.field, "layout");
    assert.ok(error.hint);
    const yamlError = await site.api<Preview>("POST", `/api/preview?path=${SEED}`, { raw: original.replace("index: false", "index: [unclosed") });
    const located = yamlError.json.errors.find((e) => e.file === SEED);
    // YAML notices the unclosed list on the next key's line; either names a line of the front matter.
    assert.ok(located?.line && located.line >= 8 && located.line <= 9, JSON.stringify(yamlError.json.errors));
    assert.ok(located.field === "index" || located.field === "layout");
    // The frame still has the last good page.
    assert.equal((await page(`/preview${URL_OF_SEED}`)).status, 200);
  });

  it("drops the unsaved text: the page is the file's again", async () => {
    const res = await site.api<{ dropped: boolean }>("DELETE", `/api/preview?path=${SEED}`);
    assert.equal(res.json.dropped, true);
    const shown = await page(`/preview${URL_OF_SEED}`);
    assert.match(shown.text, /Rust Foundation Joins Open Infrastructure Foundation as Associate Member/);
    assert.doesNotMatch(shown.text, /Typo Fixed/);
    assert.equal((await site.api<{ ok: boolean }>("GET", "/api/site")).json.ok, true, "the site builds again");
  });

  it("previews a new entry before its first save, and forgets it when dropped", async () => {
    const raw = "---\ntitle: Not Saved Yet\ndate: 2024-05-01T10:00:00Z\ntags: []\nindex: true\nlayout: layouts/news.njk\n---\nDraft body.\n";
    const res = await site.api<Preview>("POST", "/api/preview?path=news/2024-05-01-not-saved-yet.md", { raw });
    assert.equal(res.json.ok, true, JSON.stringify(res.json.errors));
    assert.equal(res.json.url, "/news/2024-05-01-not-saved-yet/");
    assert.match((await page("/preview/news/2024-05-01-not-saved-yet/")).text, /Not Saved Yet/);
    const listed = await site.api<{ total: number }>("GET", "/api/entries?q=not%20saved%20yet");
    assert.equal(listed.json.total, 0, "not in the list until saved");
    await site.api("DELETE", "/api/preview?path=news/2024-05-01-not-saved-yet.md");
    assert.equal((await page("/preview/news/2024-05-01-not-saved-yet/")).status, 404);
  });

  it("announces each build on /api/events", async () => {
    const controller = new AbortController();
    const res = await fetch(`${site.origin}/api/events`, { headers: { authorization: `Bearer ${TEST_TOKEN}` }, signal: controller.signal });
    assert.equal(res.headers.get("content-type"), "text/event-stream; charset=utf-8");
    const reader = res.body!.getReader();
    const messages: { type: string; changed?: string[]; ok?: boolean }[] = [];
    let text = "";
    const next = async () => {
      while (!/\n\n/.test(text.slice(text.indexOf("data:")))) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error("the stream ended");
        text += Buffer.from(chunk.value).toString();
      }
      const at = text.indexOf("data:");
      const end = text.indexOf("\n\n", at);
      messages.push(JSON.parse(text.slice(at + 5, end)) as { type: string });
      text = text.slice(end + 2);
    };
    await next();
    assert.equal(messages[0]?.type, "hello");
    await site.api("POST", `/api/preview?path=${SEED}`, { raw: original.replace(/^title: .*$/m, "title: Announced") });
    await next();
    assert.equal(messages[1]?.type, "build");
    assert.equal(messages[1]?.ok, true);
    assert.ok(messages[1]?.changed?.includes("news/2023-03-22-openinfra-associate-membership/index.html"));
    controller.abort();
    await site.api("DELETE", `/api/preview?path=${SEED}`);
  });

  it("saving replaces the unsaved text with the file", async () => {
    const entry = (await site.api<{ raw: string; revision: string }>("GET", `/api/entry?path=${SEED}`)).json;
    const raw = entry.raw.replace(/^title: .*$/m, "title: Saved From The Editor");
    await site.api<Preview>("POST", `/api/preview?path=${SEED}`, { raw: raw.replace("Saved From", "Previewed In") });
    const saved = await site.api("PUT", `/api/entry?path=${SEED}`, { raw, baseRevision: entry.revision });
    assert.equal(saved.status, 200);
    const shown = await page(`/preview${URL_OF_SEED}`);
    assert.match(shown.text, /Saved From The Editor/);
    assert.doesNotMatch(shown.text, /Previewed In/);
  });
});
