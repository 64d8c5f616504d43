import assert from "node:assert/strict";
import { test } from "node:test";
import { cachedResolver, pageUrlOf, resolveUrl, servedFile } from "./resolve-url.js";

const site = { host: "example.org", pathPrefix: "/" };

test("page URLs of output files", () => {
  assert.equal(pageUrlOf("index.html", "/"), "/");
  assert.equal(pageUrlOf("news/a/index.html", "/"), "/news/a/");
  assert.equal(pageUrlOf("404.html", "/docs/"), "/docs/404.html");
});

test("relative, absolute and own-domain URLs resolve to site paths", () => {
  assert.deepEqual(resolveUrl("../b/#x%20y", "/news/a/", site), { type: "internal", path: "/news/b/", fragment: "x y", insecure: false });
  assert.deepEqual(resolveUrl("https://EXAMPLE.org/p?q=1", "/", site), { type: "internal", path: "/p", fragment: undefined, insecure: false });
  assert.deepEqual(resolveUrl("http://example.org/", "/", site), { type: "internal", path: "/", fragment: undefined, insecure: true });
  assert.deepEqual(resolveUrl("//cdn.example/x.js#f", "/", site), { type: "external", url: "https://cdn.example/x.js" });
  assert.deepEqual(resolveUrl("#", "/", site), { type: "skipped" });
  assert.deepEqual(resolveUrl("#a", "/", site), { type: "same-page", fragment: "a" });
  for (const raw of ["mailto:a@b.c", "tel:1", "javascript:void(0)", "data:image/png;base64,AA", ""]) assert.deepEqual(resolveUrl(raw, "/", site), { type: "skipped" });
});

test("with a path prefix, links carry it and the output folder does not", () => {
  const prefixed = { pathPrefix: "/docs/" };
  assert.deepEqual(resolveUrl("/docs/a/", "/docs/", prefixed), { type: "internal", path: "/a/", fragment: undefined, insecure: false });
  assert.deepEqual(resolveUrl("/docs", "/docs/", prefixed), { type: "internal", path: "/", fragment: undefined, insecure: false });
  assert.equal(resolveUrl("/other/", "/docs/", prefixed).type, "invalid");
});

test("a path is served from the file itself or its folder's index.html", () => {
  const files = new Set(["index.html", "a/index.html", "b.html", "img/x.png"]);
  assert.equal(servedFile("/", files), "index.html");
  assert.equal(servedFile("/a/", files), "a/index.html");
  assert.equal(servedFile("/a", files), "a/index.html");
  assert.equal(servedFile("/b.html", files), "b.html");
  assert.equal(servedFile("/b", files), undefined);
  assert.equal(servedFile("/img/y.png", files), undefined);
});

test("the cached resolver resolves page-relative URLs against each page, the rest once", () => {
  const resolve = cachedResolver(site);
  assert.deepEqual(resolve("b/", "/news/"), { type: "internal", path: "/news/b/", fragment: undefined, insecure: false });
  assert.deepEqual(resolve("b/", "/about/"), { type: "internal", path: "/about/b/", fragment: undefined, insecure: false });
  assert.equal(resolve("/x/", "/news/"), resolve("/x/", "/about/"));
  assert.deepEqual(resolve("https://other.example/a#b", "/"), { type: "external", url: "https://other.example/a" });
});
