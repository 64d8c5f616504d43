import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { makeTempSite } from "../../members/temp-site.js";
import { sitePath } from "../server/safe-path.js";
import { LinkIndex, linksIn, normalizeUrl } from "./link-index.js";
import { moveEntry } from "./rename.js";

test("URLs are compared in one spelling: no prefix, index.html, slash, query or fragment", () => {
  assert.equal(normalizeUrl("/news/a/", "/"), "/news/a");
  assert.equal(normalizeUrl("/news/a/index.html#top", "/"), "/news/a");
  assert.equal(normalizeUrl("/docs/news/a/?x=1", "/docs/"), "/news/a");
  assert.equal(normalizeUrl("/docs/", "/docs/"), "/");
  assert.equal(normalizeUrl("/caf%C3%A9/", "/"), "/café");
});

test("links are read from <a> and <area> and resolved against the page, other sites left out", () => {
  const html = `<p><a href="/news/a/">A</a> <a HREF="../b/">B</a> <a href="c/index.html">C</a>
    <a href="https://example.org/news/a/">elsewhere</a> <a href="#top">top</a> <a href="mailto:x@y.z">mail</a>
    <map><area href="/about/"></map> <img src="/img/x.png"> <link href="/css/site.css" rel="stylesheet">
    <!-- <a href="/commented/">no</a> --> <a href="/docs/tagged/?page=2#list">T</a></p>`;
  assert.deepEqual([...linksIn(html, "/news/z/", "/docs/")].sort(), ["/about", "/news/a", "/news/b", "/news/z/c", "/tagged"]);
});

test("the index answers which pages link to a URL, one entry per source, never the page itself", () => {
  const index = new LinkIndex();
  const pages = [
    { output: "index.html", url: "/", path: "index.njk", title: "Home", html: '<a href="/news/a/">A</a><a href="/news/a/#more">again</a>' },
    { output: "news/index.html", url: "/news/", path: "news.njk", title: "News", html: '<a href="/news/a/">A</a>' },
    { output: "news/page/2/index.html", url: "/news/page/2/", path: "news.njk", title: "News", html: '<a href="/news/a/">A</a>' },
    { output: "news/a/index.html", url: "/news/a/", path: "news/a.md", title: "A", html: '<a href="/news/a/">self</a>' },
    { output: "about/index.html", url: "/about/", path: "about.md", html: '<a href="/news/b/">B</a>' },
    // Names "a" only in text: parsed, but no link.
    { output: "c/index.html", url: "/c/", path: "c.md", html: "<p>news/a is a path</p>" },
    // A dot-relative link that does not spell out its target.
    { output: "news/a/sub/index.html", url: "/news/a/sub/", path: "news/a/sub.md", html: '<a href="../">up</a>' },
    { output: "news/b/sub/index.html", url: "/news/b/sub/", path: "news/b/sub.md", html: "<a href='..'>up</a>" },
  ];
  assert.deepEqual(index.pagesLinkingTo("/news/a/", "/", pages, "news/a.md"), [
    { path: "index.njk", url: "/", title: "Home" },
    { path: "news.njk", url: "/news/", title: "News" },
    { path: "news/a/sub.md", url: "/news/a/sub/" },
  ]);
  assert.deepEqual(index.pagesLinkingTo("/news/b", "/", pages), [
    { path: "about.md", url: "/about/" },
    { path: "news/b/sub.md", url: "/news/b/sub/" },
  ]);
  assert.deepEqual(index.pagesLinkingTo("/nowhere/", "/", pages), []);
  // A `../` link elsewhere cannot reach /news/a/: that page is not even parsed, and not listed.
  assert.deepEqual(index.pagesLinkingTo("/news/a/", "/", [{ output: "x/y/index.html", url: "/x/y/", path: "x/y.md", html: '<a href="../">up</a>' }]), []);
  // A page whose HTML changed is read again.
  pages[4] = { ...pages[4]!, html: "<p>no links</p>" };
  assert.deepEqual(index.pagesLinkingTo("/news/b/", "/", pages), [{ path: "news/b/sub.md", url: "/news/b/sub/" }]);
});

test("renaming moves the file, never over another one, and keeps the extension", () => {
  const site = makeTempSite({ "news/a.md": "---\ntitle: A\n---\nA\n", "news/b.md": "B\n" });
  const at = (p: string) => sitePath(site, p);
  assert.throws(() => moveEntry(at("news/a.md"), at("news/b.md")), { code: "StudioExists", status: 409 });
  assert.equal(readFileSync(path.join(site, "news/b.md"), "utf8"), "B\n");
  assert.throws(() => moveEntry(at("news/a.md"), at("news/a.njk")), { code: "EntryRenameInvalid" });
  assert.throws(() => moveEntry(at("news/missing.md"), at("news/c.md")), { code: "StudioNotFound", status: 404 });
  assert.throws(() => moveEntry(at("news/a.md"), at("news/.a.md")), { code: "EntryRenameInvalid" });
  moveEntry(at("news/a.md"), at("archive/2023/a-renamed.md"));
  assert.equal(existsSync(path.join(site, "news/a.md")), false);
  assert.equal(readFileSync(path.join(site, "archive/2023/a-renamed.md"), "utf8"), "---\ntitle: A\n---\nA\n");
  writeFileSync(path.join(site, "x.md"), "x");
  assert.throws(() => sitePath(site, "../x.md"), { code: "StudioPathUnsafe" });
});
