// Output paths and URLs from permalinks, following Eleventy (https://www.11ty.dev/docs/permalinks/):
// a trailing slash writes `index.html`, URLs drop `index.html`, `false` writes nothing,
// and pagination pages after the first go in a numbered subfolder.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlinthError } from "../errors/plinth-error.js";
import { locationFromLink, normalizeUrl, permalinkValue } from "./permalink.js";

const FILE = "./page.njk";

test("normalizeUrl: `/index.html`, `/index/` and `/index` endings become `/`", () => {
  assert.equal(normalizeUrl("/index.html"), "/");
  assert.equal(normalizeUrl("/about/index.html"), "/about/");
  assert.equal(normalizeUrl("/about/index/"), "/about/");
  assert.equal(normalizeUrl("/about/index"), "/about/");
});

test("normalizeUrl: other URLs are left as they are", () => {
  assert.equal(normalizeUrl("/feed.xml"), "/feed.xml");
  assert.equal(normalizeUrl("/about/"), "/about/");
  assert.equal(normalizeUrl("/about/page.html"), "/about/page.html");
  assert.equal(normalizeUrl("/reindex.html"), "/reindex.html");
});

const linkCases: [link: string, relative: string, url: string][] = [
  ["/about/", "about/index.html", "/about/"],
  ["about/", "about/index.html", "/about/"],
  ["/", "index.html", "/"],
  ["index.html", "index.html", "/"],
  ["/tags/announcement/", "tags/announcement/index.html", "/tags/announcement/"],
  ["/feed.xml", "feed.xml", "/feed.xml"],
  ["/sitemap.xml", "sitemap.xml", "/sitemap.xml"],
  ["/this-is-a-new-path/subdirectory/my-first-blog-post/index.html", "this-is-a-new-path/subdirectory/my-first-blog-post/index.html", "/this-is-a-new-path/subdirectory/my-first-blog-post/"],
  ["/page.html", "page.html", "/page.html"],
];

for (const [link, relative, url] of linkCases) {
  test(`locationFromLink: "${link}" writes ${relative} at ${url}`, () => {
    assert.deepEqual(locationFromLink(link, "", FILE), { relative, url });
  });
}

test("locationFromLink: a pagination subfolder goes between the folder and the file name", () => {
  assert.deepEqual(locationFromLink("/blog/", "2", FILE), { relative: "blog/2/index.html", url: "/blog/2/" });
  assert.deepEqual(locationFromLink("blog/index.html", "1", FILE), { relative: "blog/1/index.html", url: "/blog/1/" });
  assert.deepEqual(locationFromLink("index.html", "3", FILE), { relative: "3/index.html", url: "/3/" });
});

test("locationFromLink: a relative permalink that climbs out of the output folder is rejected", () => {
  for (const link of ["../outside/", "a/../../b.html", "../../x.html"]) {
    assert.throws(() => locationFromLink(link, "", FILE), (e: unknown) => e instanceof PlinthError && e.code === "PermalinkInvalid" && e.location?.file === FILE, link);
  }
});

test("locationFromLink: `..` in a root-relative permalink stops at the root, as URL paths do", () => {
  assert.deepEqual(locationFromLink("/a/../../b.html", "", FILE), { relative: "b.html", url: "/b.html" });
});

test("permalinkValue: `false` means render but do not write", () => {
  assert.equal(permalinkValue(false, FILE), false);
});

test("permalinkValue: no permalink (undefined, null, empty string, empty object) means the default", () => {
  assert.equal(permalinkValue(undefined, FILE), undefined);
  assert.equal(permalinkValue(null, FILE), undefined);
  assert.equal(permalinkValue("", FILE), undefined);
  assert.equal(permalinkValue({}, FILE), undefined);
});

test("permalinkValue: a string is the link", () => {
  assert.equal(permalinkValue("/about/", FILE), "/about/");
});

test("permalinkValue: the object form uses `build`; without `build` nothing is written", () => {
  assert.equal(permalinkValue({ build: "/built/" }, FILE), "/built/");
  assert.equal(permalinkValue({ build: false }, FILE), false);
  assert.equal(permalinkValue({ serverless: "/x/" }, FILE), false);
});

test("permalinkValue: `true` is an error suggesting `false`, as in Eleventy", () => {
  assert.throws(
    () => permalinkValue(true, FILE),
    (e: unknown) => e instanceof PlinthError && e.code === "PermalinkInvalid" && /permalink: false/.test(e.hint),
  );
  assert.throws(() => permalinkValue({ build: true }, FILE), (e: unknown) => e instanceof PlinthError && e.code === "PermalinkInvalid");
});

test("permalinkValue: a number or a list is an error (Eleventy expects a string)", () => {
  for (const value of [42, ["/a/"]]) {
    assert.throws(() => permalinkValue(value, FILE), (e: unknown) => e instanceof PlinthError && e.code === "PermalinkInvalid", String(value));
  }
});
