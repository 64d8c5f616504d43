// The newsroom plugin's pure parts: what is held back, redirects, first images, sitemap entries.
import assert from "node:assert/strict";
import { test } from "node:test";
import { absoluteLinks } from "./feeds.js";
import { holdBackMark, publishingSwitches, publishState } from "./publishing.js";
import { netlifyRedirects, normalizeRedirects, redirectPagePath } from "./redirects.js";
import { inSitemap } from "./sitemap.js";
import { firstImage } from "./social-meta.js";

const now = new Date("2026-06-01T00:00:00Z");

test("drafts and future dates are held back; publishDate wins over date; odd dates are no schedule", () => {
  assert.deepEqual(publishState({ draft: true, date: new Date("2020-01-01") }, now), { state: "draft" });
  assert.deepEqual(publishState({ date: new Date("2026-06-01T00:00:01Z") }, now), { state: "scheduled", due: new Date("2026-06-01T00:00:01Z") });
  assert.deepEqual(publishState({ date: new Date("2026-06-01T00:00:00Z") }, now), { state: "published" });
  assert.deepEqual(publishState({ date: new Date("2030-01-01"), publishDate: "2020-01-01" }, now), { state: "published" });
  assert.deepEqual(publishState({ date: new Date("2020-01-01"), publishDate: "2027-01-01" }, now), { state: "scheduled", due: new Date("2027-01-01") });
  assert.deepEqual(publishState({ date: "Last Modified", draft: "yes" }, now), { state: "published" });
});

test("the switches come from the environment, and serving shows everything", () => {
  assert.deepEqual(publishingSwitches({}), { drafts: false, future: false });
  assert.deepEqual(publishingSwitches({ PLINTH_DRAFTS: "1", PLINTH_FUTURE: "0" }), { drafts: true, future: false });
  assert.deepEqual(publishingSwitches({ PLINTH_FUTURE: "true" }), { drafts: false, future: true });
  assert.deepEqual(publishingSwitches({ ELEVENTY_RUN_MODE: "serve" }), { drafts: true, future: true });
  assert.deepEqual(publishingSwitches({ ELEVENTY_RUN_MODE: "build" }), { drafts: false, future: false });
  assert.equal(holdBackMark({ state: "published" }), "");
  assert.match(holdBackMark({ state: "draft" }), />Draft<\/p>\n\n$/);
});

test("redirects: both file shapes, statuses, and clear errors", () => {
  assert.deepEqual(normalizeRedirects({ "/a/": "/b/" }), [{ from: "/a/", to: "/b/", status: 301 }]);
  const list = normalizeRedirects([{ from: "/x", to: "https://y.example/", status: 302 }]);
  assert.equal(netlifyRedirects(list), "/x https://y.example/ 302\n");
  assert.equal(normalizeRedirects(undefined).length, 0);
  assert.throws(() => normalizeRedirects({ "a/": "/b/" }), /RedirectsInvalid|must be a path starting with "\/"/);
  assert.throws(() => normalizeRedirects([{ from: "/a", to: "/b", status: 404 }]), /must be one of 301, 302, 303, 307, 308/);
  assert.throws(() => normalizeRedirects([{ from: "/a", to: "/b" }, { from: "/a", to: "/c" }]), /\/a is redirected twice/);
  assert.throws(() => normalizeRedirects("nope"), /must be an object/);
  assert.equal(redirectPagePath("/old/"), "/old/index.html");
  assert.equal(redirectPagePath("/old"), "/old/index.html");
  assert.equal(redirectPagePath("/2019/launch.html?x=1"), "/2019/launch.html");
});

test("the first image of a page's source, Markdown or HTML, whichever comes first", () => {
  assert.equal(firstImage("Text ![alt](/a.png) <img src='/b.png'>"), "/a.png");
  assert.equal(firstImage('<img width="5" src="/b.png">\n![alt](/a.png "title")'), "/b.png");
  assert.equal(firstImage("![alt](</with space.png>)"), "/with");
  assert.equal(firstImage("no images"), undefined);
  assert.equal(firstImage('<img src="{{ member.logo | url }}"> ![x](/real.png)'), "/real.png", "template syntax is not an address");
});

test("sitemap entries: HTML pages only, without drafts, noindex, index: false or sitemap: false", () => {
  const item = (url: string | false, data: Record<string, unknown> = {}, outputPath?: string) => ({ url, data, date: now, outputPath });
  assert.equal(inSitemap(item("/a/")), true);
  assert.equal(inSitemap(item("/feed.xml", {}, "_site/feed.xml")), false);
  assert.equal(inSitemap(item(false)), false);
  for (const data of [{ draft: true }, { noindex: true }, { index: false }, { sitemap: false }]) assert.equal(inSitemap(item("/a/", data)), false);
  assert.equal(inSitemap(item("/a/", { index: true })), true);
});

test("feed content links become absolute; protocol-relative ones are left", () => {
  const site = { url: "https://s.example", name: "S" };
  assert.equal(absoluteLinks('<a href="/a/">a</a> <img src="/i.png"> <a href="//cdn.example/x">x</a> <a href="b/">b</a>', site), '<a href="https://s.example/a/">a</a> <img src="https://s.example/i.png"> <a href="//cdn.example/x">x</a> <a href="b/">b</a>');
});
