import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig } from "../config/user-config.js";
import { htmlBasePlugin } from "./html-base-plugin.js";
import { renderTransformsFilterPlugin } from "./render-transforms-filter.js";

function setUp(): UserConfig {
  const config = new UserConfig();
  config.pathPrefix = "/";
  renderTransformsFilterPlugin(config);
  htmlBasePlugin(config);
  return config;
}

const post = { inputPath: "./posts/a.md", outputPath: "_site/posts/a/index.html", url: "/posts/a/" };

test("with a base, the URLs of the content become absolute against the given page", async () => {
  const config = setUp();
  const renderTransforms = config.getFilter("renderTransforms")!;
  const out = await renderTransforms.call({}, '<a href="/x/">x</a> <img src="i.png">', post, "https://example.org/");
  assert.equal(out, '<a href="https://example.org/x/">x</a> <img src="https://example.org/posts/a/i.png">');
});

test("the site's own transforms run after the URL transforms, with the page as this", async () => {
  const config = setUp();
  const seen: unknown[] = [];
  config.addTransform("mark", function (this: unknown, content: unknown, outputPath: unknown) {
    seen.push((this as { url: unknown }).url, outputPath);
    return `${String(content)}<!-- marked -->`;
  });
  const renderTransforms = config.getFilter("renderTransforms")!;
  assert.equal(await renderTransforms.call({ page: post }, '<a href="/x/">x</a>'), '<a href="/x/">x</a><!-- marked -->');
  assert.deepEqual(seen, ["/posts/a/", "_site/posts/a/index.html"]);
});

test("a failing transform is named in the error", async () => {
  const config = setUp();
  config.addTransform("broken", () => {
    throw new Error("boom");
  });
  await assert.rejects(async () => config.getFilter("renderTransforms")!.call({ page: post }, "<p></p>"), /Transform `broken`/);
});
