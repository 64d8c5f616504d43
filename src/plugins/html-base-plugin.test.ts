// Expected values were taken from Eleventy 3.1.8's own `applyBaseToUrl` (src/Plugins/HtmlBasePlugin.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig, type UserFunction } from "../config/user-config.js";
import { addPathPrefixToUrl, applyBaseToUrl, htmlBasePlugin } from "./html-base-plugin.js";

test("a folder base is applied like the url filter: root-relative URLs only", () => {
  assert.equal(applyBaseToUrl("/about/", "/docs/"), "/docs/about/");
  assert.equal(applyBaseToUrl("about/", "/docs/"), "about/");
  assert.equal(applyBaseToUrl("#top", "/docs/"), "#top");
  assert.equal(applyBaseToUrl("//cdn.example.org/a.js", "/docs/"), "//cdn.example.org/a.js");
});

test("full URLs are kept whatever the base", () => {
  assert.equal(applyBaseToUrl("https://x.org/a", "/docs/"), "https://x.org/a");
  assert.equal(applyBaseToUrl("mailto:a@b.c", "https://example.org/"), "mailto:a@b.c");
});

test("a full-URL base resolves against the page URL, drops the query and adds the path prefix", () => {
  assert.equal(applyBaseToUrl("/about/", "https://example.org/"), "https://example.org/about/");
  assert.equal(applyBaseToUrl("/about/", "https://example.org/sub/", { pathPrefix: "/docs/" }), "https://example.org/docs/about/");
  assert.equal(applyBaseToUrl("rel/?q=1#h", "https://example.org/", { pageUrl: "/blog/post/" }), "https://example.org/blog/post/rel/#h");
  assert.equal(applyBaseToUrl("../up/", "https://example.org/", { pageUrl: "/blog/post/" }), "https://example.org/blog/up/");
  assert.equal(applyBaseToUrl("", "https://example.org/", { pageUrl: "/a/" }), "https://example.org/a/");
  assert.equal(applyBaseToUrl("/x/", "https://example.org", { pathPrefix: "docs" }), "https://example.org/docs/x/");
  assert.equal(applyBaseToUrl("//cdn.x.org/a.js", "https://example.org/"), "https://cdn.x.org/a.js");
});

test("linking to a permalink: false page is an error", () => {
  assert.throws(() => applyBaseToUrl(false, "/docs/"), /permalink: false/);
});

test("addPathPrefixToUrl puts the prefix in front of a full URL's path", () => {
  assert.equal(addPathPrefixToUrl("https://example.org/a/", "/docs/"), "https://example.org/docs/a/");
  assert.equal(addPathPrefixToUrl("https://example.org/a/", undefined), "https://example.org/a/");
  assert.throws(() => addPathPrefixToUrl("/a/", "/docs/"));
});

function configWithPrefix(prefix: string): UserConfig {
  const config = new UserConfig();
  config.pathPrefix = prefix;
  return config;
}

function filter(config: UserConfig, name: string): UserFunction {
  const fn = config.getFilter(name);
  assert.ok(fn, `filter ${name} is registered`);
  return fn;
}

test("the plugin's page transform is on only when the base is not /, or a base is passed", () => {
  const root = configWithPrefix("/");
  htmlBasePlugin(root);
  const [transform] = root.urlTransforms;
  assert.ok(transform?.enabled);
  assert.equal(transform.enabled({}), false);
  assert.equal(transform.enabled({ baseHref: "https://example.org/" }), true);
  assert.equal(transform.priority, -2);
  assert.deepEqual(transform.extensions, ["html"]);

  const prefixed = configWithPrefix("/docs/");
  htmlBasePlugin(prefixed);
  assert.equal(prefixed.urlTransforms[0]?.enabled?.({}), true);
});

test("the page transform resolves against the page URL and a renderTransforms base", () => {
  const config = configWithPrefix("/docs/");
  htmlBasePlugin(config);
  const fn = config.urlTransforms[0]!.fn;
  assert.equal(fn.call({ url: "/blog/" }, " /about/ "), "/docs/about/");
  assert.equal(fn.call({ url: "/blog/", baseHref: "https://example.org/" }, "rel/"), "https://example.org/docs/blog/rel/");
});

test("htmlBaseUrl leaves URLs alone with the default base and applies an override", () => {
  const config = configWithPrefix("/");
  htmlBasePlugin(config);
  const htmlBaseUrl = filter(config, "htmlBaseUrl");
  assert.equal(htmlBaseUrl.call({}, "/about/"), "/about/");
  assert.equal(htmlBaseUrl.call({}, "/about/", "https://example.org/"), "https://example.org/about/");
  assert.equal(htmlBaseUrl.call({ page: { url: "/blog/" } }, "rel/", "https://example.org/"), "https://example.org/blog/rel/");
});

test("transformWithHtmlBase rewrites every URL in a block of HTML", async () => {
  const config = configWithPrefix("/docs/");
  htmlBasePlugin(config);
  const transform = filter(config, "transformWithHtmlBase");
  const html = '<a href="/a/">a</a><img src="/i.png" srcset="/i.png 1x, /j.png 2x">';
  assert.equal(await transform.call({}, html), '<a href="/docs/a/">a</a><img src="/docs/i.png" srcset="/docs/i.png 1x, /docs/j.png 2x">');
  assert.equal(await configWithoutPrefixTransform(html), html);
});

async function configWithoutPrefixTransform(html: string): Promise<unknown> {
  const config = configWithPrefix("/");
  htmlBasePlugin(config);
  return filter(config, "transformWithHtmlBase").call({}, html);
}

test("the removed `filters` option and a missing base are errors", () => {
  assert.throws(() => htmlBasePlugin(configWithPrefix("/"), { filters: {} }), /removed/);
  assert.throws(() => htmlBasePlugin(new UserConfig()), /baseHref/);
});
