import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig, type UserFunction } from "../config/user-config.js";
import { applyHtmlTransformer, outputExtension, type TransformThis } from "./html-transformer.js";

const page = (outputPath: string, extra: Partial<TransformThis> = {}): TransformThis => ({
  inputPath: "./index.njk",
  outputPath,
  url: "/",
  page: {},
  ...extra,
});

test("the extension is the text after the output path's last dot", () => {
  assert.equal(outputExtension("_site/index.html"), "html");
  assert.equal(outputExtension("_site/feed.xml"), "xml");
  assert.equal(outputExtension(false), "");
});

test("content is returned byte for byte when nothing is enabled for the page", async () => {
  const config = new UserConfig();
  const html = "<p><a href=/x/ >x</a><br/></p>";
  config.htmlTransformer.addUrlTransform("html", () => "changed", { enabled: () => false });
  config.htmlTransformer.addUrlTransform("xml", () => "changed");
  assert.equal(await applyHtmlTransformer(config, html, page("_site/index.html")), html);
});

test("URL transforms run highest priority first, each on the previous result, with the page as this", async () => {
  const config = new UserConfig();
  const seen: unknown[] = [];
  const low: UserFunction = function (this: unknown, url) {
    seen.push((this as TransformThis).url);
    return `${String(url)}low/`;
  };
  config.htmlTransformer.addUrlTransform("html", low, { priority: -2 });
  config.htmlTransformer.addUrlTransform("html", (url) => `${String(url)}high/`, { priority: 5 });
  config.htmlTransformer.addUrlTransform("html", (url, where) => `${String(url)}${(where as { tag: string }).tag}/`);
  const out = await applyHtmlTransformer(config, '<a href="/">x</a>', page("_site/index.html", { url: "/here/" }));
  assert.equal(out, '<a href="/high/a/low/">x</a>');
  assert.deepEqual(seen, ["/here/"]);
});

test("PostHTML plugins get the page merged with their options and run before URL transforms", async () => {
  const config = new UserConfig();
  const received: Record<string, unknown>[] = [];
  const plugin: UserFunction = (options) => {
    received.push(options as Record<string, unknown>);
    return (tree: { walk: (fn: (node: { tag?: string; attrs?: Record<string, string> }) => unknown) => void }) => {
      tree.walk((node) => {
        if (node.tag === "a") node.attrs = { ...node.attrs, href: "/from-plugin/" };
        return node;
      });
    };
  };
  config.htmlTransformer.addPosthtmlPlugin("html", plugin, { pluginOptions: { flavour: "plain" } });
  config.htmlTransformer.addUrlTransform("html", (url) => `/prefix${String(url)}`);
  const out = await applyHtmlTransformer(config, '<a href="/">x</a>', page("_site/a.html"));
  assert.equal(out, '<a href="/prefix/from-plugin/">x</a>');
  assert.equal(received[0]?.flavour, "plain");
  assert.equal(received[0]?.inputPath, "./index.njk");
});

test("a disabled PostHTML plugin leaves the page untouched", async () => {
  const config = new UserConfig();
  config.htmlTransformer.addPosthtmlPlugin("html", () => () => undefined, { enabled: () => false });
  assert.equal(await applyHtmlTransformer(config, "<br/>", page("_site/a.html")), "<br/>");
});
