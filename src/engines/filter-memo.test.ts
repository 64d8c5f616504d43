import assert from "node:assert/strict";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config/load-config.js";
import { addDefaultPlugins } from "../plugins/register-bundled.js";
import { isPureFilter, memoizeCallbackFilter } from "./filter-memo.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

type Callback = (error: unknown, result?: unknown) => void;

function call(filter: (...args: unknown[]) => unknown, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => filter(...args, (error: unknown, result?: unknown) => (error ? reject(error) : resolve(result))));
}

describe("pure filter memo", () => {
  it("answers repeated string arguments from memory, each base and content apart", async () => {
    let calls = 0;
    const rewrite = (html: unknown, base: unknown, callback: unknown) => {
      calls++;
      setImmediate(() => (callback as Callback)(null, `${String(html)}@${String(base)}`));
    };
    const filter = memoizeCallbackFilter(rewrite, rewrite);
    assert.equal(await call(filter, "<a href=x>", "https://a/"), "<a href=x>@https://a/");
    assert.equal(await call(filter, "<a href=x>", "https://a/"), "<a href=x>@https://a/");
    assert.equal(calls, 1);
    assert.equal(await call(filter, "<a href=x>", "https://b/"), "<a href=x>@https://b/");
    assert.equal(await call(filter, "<a href=y>", "https://a/"), "<a href=y>@https://a/");
    assert.equal(calls, 3);
    // A second wrapper of the same function (a new Nunjucks environment) shares what was learnt.
    assert.equal(await call(memoizeCallbackFilter((...args: unknown[]) => rewrite(...(args as [unknown, unknown, unknown])), rewrite), "<a href=x>", "https://a/"), "<a href=x>@https://a/");
    assert.equal(calls, 3);
  });

  it("passes calls with other arguments through and keeps no failed result", async () => {
    let calls = 0;
    const flaky = (value: unknown, callback: unknown) => {
      calls++;
      (callback as Callback)(calls === 1 ? new Error("once") : null, String(value));
    };
    const filter = memoizeCallbackFilter(flaky, flaky);
    await assert.rejects(call(filter, "a"), /once/);
    assert.equal(await call(filter, "a"), "a");
    assert.equal(await call(filter, 42), "42");
    assert.equal(await call(filter, 42), "42");
    assert.equal(calls, 4);
  });

  it("trusts only the RSS plugin's htmlToAbsoluteUrls, not a site's own filter of that name", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-filter-memo-"));
    try {
      symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
      writeFileSync(path.join(dir, "package.json"), '{"type":"module"}\n');
      writeFileSync(
        path.join(dir, "eleventy.config.js"),
        `import pluginRss from "@11ty/eleventy-plugin-rss";
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.addNunjucksAsyncFilter("ownRewrite", (html, base, cb) => cb(null, html));
}
`,
      );
      const { userConfig } = await loadConfig({ cwd: dir, beforeConfig: addDefaultPlugins });
      const rss = userConfig.filters.nunjucks.get("htmlToAbsoluteUrls");
      assert.ok(rss);
      assert.equal(isPureFilter("htmlToAbsoluteUrls", rss), true);
      const own = userConfig.filters.nunjucks.get("ownRewrite")!;
      assert.equal(isPureFilter("htmlToAbsoluteUrls", own), false);
      assert.equal(isPureFilter("dateToRfc3339", userConfig.filters.nunjucks.get("dateToRfc3339")!), false, "only listed filters");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
