import assert from "node:assert/strict";
import { test } from "node:test";
import { embedPageHtml } from "./embed.js";
import { loadMembership } from "./load.js";
import { buildMembershipData } from "./roster.js";
import { memberMd, sampleSite } from "./temp-site.js";

test("the embed page is a whole document with only the roster, its own styles and no scripts", async () => {
  const site = sampleSite({ "members/tags.md": memberMd("name: <b>Tags</b> & Co", "level: silver", "logo: /img/members/acme.svg", "url: https://tags.example.com/?a=1&b=2", "joined: 2020-01-01") });
  const html = embedPageHtml(buildMembershipData(await loadMembership({ inputDir: site, gitDates: false })));
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /<title>Lintel Foundation members<\/title>/);
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.match(html, /<style>[^<]+<\/style>/);
  assert.doesNotMatch(html, /<script|<link|<iframe|<nav|<header|<footer/i);
  assert.deepEqual([...html.matchAll(/<h2 id="tier-([a-z]+)">/g)].map((m) => m[1]), ["platinum", "gold", "silver", "associate"]);
  assert.match(html, /<section class="tier tier-platinum featured"/);
  assert.match(
    html,
    /<li><a href="https:\/\/acme\.example\.com\/" target="_blank" rel="noopener"><img src="\/img\/members\/acme\.svg" alt="" loading="lazy"><span class="name">Acme Corporation<\/span><\/a><\/li>/,
  );
  assert.match(html, /<a href="https:\/\/tags\.example\.com\/\?a=1&amp;b=2"[^>]*>.*<span class="name">&lt;b&gt;Tags&lt;\/b&gt; &amp; Co<\/span>/);
  assert.doesNotMatch(html, /Hooli|Stark|Oscorp/, "only active members are shown");
});
