import assert from "node:assert/strict";
import { test } from "node:test";
import { normalizePrefix, requestTarget, urlOfOutput } from "./request-path.js";

const output = (relative: string, directory = false) => ({ kind: "output", relative, directory });

test("plain paths map to output-relative paths", () => {
  assert.deepEqual(requestTarget("/"), output("", true));
  assert.deepEqual(requestTarget("/about/"), output("about", true));
  assert.deepEqual(requestTarget("/css/site.css?v=3#top"), output("css/site.css"));
  assert.deepEqual(requestTarget("/caf%C3%A9/menu.html"), output("café/menu.html"));
  assert.deepEqual(requestTarget("/a//b/./c.txt"), output("a/b/c.txt"));
});

test("a doubled leading slash stays inside the output", () => {
  assert.deepEqual(requestTarget("//etc/passwd"), output("etc/passwd"));
});

test("`..` is refused however it is written", () => {
  for (const url of ["/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/x", "/a/%2e%2e", "/..", "/a%2f..%2f..%2fetc%2fpasswd"]) {
    assert.equal(requestTarget(url).kind, "bad", url);
  }
});

test("double encoding is decoded once, so `%252e%252e` is a harmless file name", () => {
  assert.deepEqual(requestTarget("/%252e%252e/x"), output("%2e%2e/x"));
});

test("backslashes, NUL bytes, malformed escapes and absolute-form targets are refused", () => {
  for (const url of ["/..\\..\\etc\\passwd", "/a%5c..%5cb", "/index.html%00.png", "/%E0%A4%A", "/%", "http://example.com/x", "*", "etc/passwd", ""]) {
    assert.equal(requestTarget(url).kind, "bad", url);
  }
});

test("the path prefix is stripped, and URLs outside it match nothing", () => {
  assert.deepEqual(requestTarget("/docs/guide/", "/docs/"), output("guide", true));
  assert.deepEqual(requestTarget("/docs/", "/docs/"), output("", true));
  assert.deepEqual(requestTarget("/docs/css/a.css", "docs"), output("css/a.css"));
  assert.deepEqual(requestTarget("/other/x", "/docs/"), { kind: "outside-prefix" });
  assert.deepEqual(requestTarget("/docsx/x", "/docs/"), { kind: "outside-prefix" });
  assert.deepEqual(requestTarget("/docs", "/docs/"), { kind: "redirect", location: "/docs/" });
  assert.deepEqual(requestTarget("/", "/docs/"), { kind: "redirect", location: "/docs/" });
  assert.equal(requestTarget("/docs/../secret", "/docs/").kind, "bad");
});

test("prefixes are normalized and output paths become encoded URLs", () => {
  assert.equal(normalizePrefix(undefined), "/");
  assert.equal(normalizePrefix("docs"), "/docs/");
  assert.equal(normalizePrefix("/docs//"), "/docs/");
  assert.equal(urlOfOutput("about", "/docs/"), "/docs/about");
  assert.equal(urlOfOutput("a b/#1?.html"), "/a%20b/%231%3F.html");
});
