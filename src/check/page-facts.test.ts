import assert from "node:assert/strict";
import { test } from "node:test";
import { readPageFacts, srcsetUrls } from "./page-facts.js";

test("a page's title, anchors, links and assets, with their lines", () => {
  const facts = readPageFacts(
    [
      "<html><head><title> A &amp; B </title>",
      '<link rel="stylesheet" href="/s.css"><link rel="alternate" href="/feed.xml"><link rel="dns-prefetch" href="//cdn.example">',
      '</head><body id="top-of-page"><svg><title>icon</title><a href="/in-svg/"></a></svg>',
      '<a name="old-anchor" href="/x/?a=1&amp;b=2">x</a><IMG SRC="/i.png"><img src="/j.png" alt="">',
      '<picture><source srcset="/a.webp 1x, /b.webp 2x"></picture><video src="/v.mp4" poster="/p.jpg"></video>',
      '<meta property="og:image" content="/card.png"><iframe src="/embed/"></iframe><script src="/app.js"></script>',
    ].join("\n"),
  );
  assert.equal(facts.title, "A & B");
  assert.equal(facts.titleLine, 1);
  assert.deepEqual([...facts.anchors].sort(), ["old-anchor", "top-of-page"]);
  assert.deepEqual(
    facts.refs.map((r) => `${r.line} ${r.kind} ${r.from} ${r.url}`),
    [
      "2 asset link href /s.css",
      "2 link link href /feed.xml",
      "4 link a href /x/?a=1&b=2",
      "4 asset img src /i.png",
      "4 asset img src /j.png",
      "5 asset source srcset /a.webp",
      "5 asset source srcset /b.webp",
      "5 asset video src /v.mp4",
      "5 asset video poster /p.jpg",
      "6 asset meta og:image /card.png",
      "6 link iframe src /embed/",
      "6 asset script src /app.js",
    ],
  );
  assert.deepEqual(facts.imagesWithoutAlt, [4]);
});

test("a page without a title has none; an empty title is empty", () => {
  assert.equal(readPageFacts("<p>hi</p>").title, undefined);
  assert.equal(readPageFacts("<title>  </title>").title, "");
});

test("srcset candidates: URLs with or without descriptors, commas inside URLs kept", () => {
  assert.deepEqual(srcsetUrls("/a.png 1x, /b.png 2x"), ["/a.png", "/b.png"]);
  assert.deepEqual(srcsetUrls("/a.png"), ["/a.png"]);
  assert.deepEqual(srcsetUrls("/a,1.png 480w,/b.png 800w"), ["/a,1.png", "/b.png"]);
});
