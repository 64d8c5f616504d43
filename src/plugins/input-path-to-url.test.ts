import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig, type UserFunction } from "../config/user-config.js";
import { inputPathToUrlFilterPlugin, inputPathToUrlTransformPlugin, resolveInputPath, splitSuffix, type InputPathToUrlMap } from "./input-path-to-url.js";

const contentMap: InputPathToUrlMap = {
  "./index.njk": ["/"],
  "./about.md": ["/about/"],
  "./blog/first post.md": ["/blog/first-post/"],
  "./blog/list.njk": ["/blog/", "/blog/2/"],
  "./src/page.md": ["/page/"],
};

test("paths resolve as written, from the input folder, or beside the linking page", () => {
  assert.equal(resolveInputPath("about.md", "./", "./index.njk", contentMap), "./about.md");
  assert.equal(resolveInputPath("./about.md", "./", "./blog/list.njk", contentMap), "./about.md");
  assert.equal(resolveInputPath("first%20post.md", "./", "./blog/list.njk", contentMap), "./blog/first post.md");
  assert.equal(resolveInputPath("page.md", "./src/", "./src/x.md", contentMap), "./src/page.md");
  assert.equal(resolveInputPath("src/page.md", "./src/", "./src/x.md", contentMap), "./src/page.md");
  assert.equal(resolveInputPath("/missing/", "./", "./index.njk", contentMap), "/missing/");
});

test("the query and fragment are kept aside", () => {
  assert.deepEqual(splitSuffix("about.md?x=1#y"), ["?x=1#y", "about.md"]);
  assert.deepEqual(splitSuffix("#top"), ["#top", ""]);
  assert.deepEqual(splitSuffix("about.md"), ["", "about.md"]);
});

function setUp(plugin: (config: UserConfig) => void): UserConfig {
  const config = new UserConfig();
  config.directories.input = "./";
  plugin(config);
  for (const listener of config.listeners.get("eleventy.contentMap") ?? []) listener({ inputPathToUrl: contentMap, urlToInputPath: {} });
  return config;
}

test("the filter gives the first URL of a template, keeps suffixes and passes full URLs", () => {
  const config = setUp(inputPathToUrlFilterPlugin);
  const inputPathToUrl = config.getFilter("inputPathToUrl")!;
  const self = { page: { inputPath: "./blog/list.njk" } };
  assert.equal(inputPathToUrl.call(self, "./about.md#team"), "/about/#team");
  assert.equal(inputPathToUrl.call(self, "list.njk"), "/blog/");
  assert.equal(inputPathToUrl.call(self, "https://example.org/"), "https://example.org/");
  assert.throws(() => inputPathToUrl.call(self, "nope.md"), /could not find a matching target for nope.md/);
});

test("the filter fails clearly when called before pages have URLs", () => {
  const config = new UserConfig();
  inputPathToUrlFilterPlugin(config);
  assert.throws(() => config.getFilter("inputPathToUrl")!.call({}, "about.md"), /content map is not ready/);
});

test("the transform rewrites known paths and leaves everything else as written", () => {
  const config = setUp(inputPathToUrlTransformPlugin);
  const transform: UserFunction = config.urlTransforms[0]!.fn;
  const self = { page: { inputPath: "./index.njk" } };
  assert.equal(transform.call(self, "about.md?x=1"), "/about/?x=1");
  assert.equal(transform.call(self, "unknown.md#a"), "unknown.md#a");
  assert.equal(transform.call(self, "#top"), "#top");
  assert.equal(transform.call(self, "mailto:a@b.c"), "mailto:a@b.c");
});
