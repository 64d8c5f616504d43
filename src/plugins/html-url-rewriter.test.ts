import { test } from "node:test";
import assert from "node:assert/strict";
import { rewriteHtmlUrls, type UrlContext } from "./html-url-rewriter.js";

test("every URL attribute goes through the callback, with its tag and attribute", async () => {
  const seen: Array<[string, UrlContext]> = [];
  const html = [
    '<a href="/a/" ping="/p1, /p2">a</a>',
    '<img src="/i.png" srcset="/i.png 1x, /j.png 2x">',
    '<video poster="/p.jpg" src="/v.mp4"></video>',
    '<meta http-equiv="refresh" content="5; url=/next/">',
    '<form action="/send"></form>',
  ].join("");
  const out = await rewriteHtmlUrls(html, (url, where) => {
    seen.push([url, where]);
    return `/x${url}`;
  });
  assert.match(out, /<a href="\/x\/a\/" ping="\/x\/p1, \/x\/p2">/);
  assert.match(out, /srcset="\/x\/i.png 1x, \/x\/j.png 2x"/);
  assert.match(out, /poster="\/x\/p.jpg" src="\/x\/v.mp4"/);
  assert.match(out, /content="5; url=\/x\/next\/"/);
  assert.match(out, /action="\/x\/send"/);
  assert.deepEqual(seen[0], ["/a/", { attribute: "href", tag: "a" }]);
});

test("text, other attributes and meta tags without refresh are left alone", async () => {
  const html = '<p title="/t/">/not-a-link/</p><meta name="x" content="/c/">';
  assert.equal(await rewriteHtmlUrls(html, () => "/changed/"), html);
});
