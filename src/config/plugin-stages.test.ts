// Eleventy 3.1.8's plugin rules (UserConfig.addPlugin): queued from the config file, run at once
// when added by a plugin, and unique plugins skipped only against the config file's queue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "./load-config.js";
import { UserConfig, pluginName, type UserFunction } from "./user-config.js";

function uniquePlugin(name: string, body: UserFunction): UserFunction {
  Object.defineProperty(body, "eleventyPackage", { value: name });
  Object.defineProperty(body, "eleventyPluginOptions", { value: { unique: true } });
  return body;
}

async function withConfig(source: string, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-plugins-"));
  try {
    writeFileSync(path.join(dir, "eleventy.config.mjs"), source);
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("plugin names are the declared package, else the function's name", () => {
  assert.equal(pluginName(uniquePlugin("@scope/pkg", () => undefined)), "@scope/pkg");
  assert.equal(pluginName(function myPlugin() {}), "myPlugin");
  assert.equal(pluginName({ configFunction: function fromObject() {} }), "fromObject");
});

test("the config file's plugins are queued; a unique one queued twice runs once", () => {
  const config = new UserConfig();
  const base = uniquePlugin("base", () => undefined);
  config.addPlugin(base);
  config.addPlugin(base, { other: true });
  assert.equal(config.plugins.length, 1);
  assert.ok(config.hasPlugin("base"));
});

test("plugins added by plugins run at once, and a unique one the config file did not add runs each time", async () => {
  const source = `
    const calls = [];
    globalThis.__plinthPluginCalls = calls;
    const base = (cfg, opts) => { calls.push("base:" + (opts.tag ?? "")); };
    Object.defineProperty(base, "eleventyPackage", { value: "base" });
    Object.defineProperty(base, "eleventyPluginOptions", { value: { unique: true } });
    const feed = (cfg, opts) => { calls.push("feed:start"); cfg.addPlugin(base, { tag: opts.tag }); calls.push("feed:end"); };
    export default function (cfg) {
      cfg.addPlugin(feed, { tag: "a" });
      cfg.addPlugin(feed, { tag: "b" });
    }`;
  await withConfig(source, async (dir) => {
    await loadConfig({ cwd: dir });
    const calls = (globalThis as { __plinthPluginCalls?: string[] }).__plinthPluginCalls;
    assert.deepEqual(calls, ["feed:start", "base:a", "feed:end", "feed:start", "base:b", "feed:end"]);
  });
});

test("a unique plugin the config file queued is not run again by plugins", async () => {
  const source = `
    const calls = [];
    globalThis.__plinthPluginCalls2 = calls;
    const base = () => { calls.push("base"); };
    Object.defineProperty(base, "eleventyPackage", { value: "base" });
    Object.defineProperty(base, "eleventyPluginOptions", { value: { unique: true } });
    const feed = (cfg) => { cfg.addPlugin(base); calls.push("feed"); };
    export default function (cfg) {
      cfg.addPlugin(feed);
      cfg.addPlugin(base);
    }`;
  await withConfig(source, async (dir) => {
    await loadConfig({ cwd: dir });
    assert.deepEqual((globalThis as { __plinthPluginCalls2?: string[] }).__plinthPluginCalls2, ["feed", "base"]);
  });
});

test("an asynchronous plugin added by a plugin that does not await it still fails the config load", async () => {
  const source = `
    const broken = async () => { throw new Error("nested boom"); };
    export default function (cfg) {
      cfg.addPlugin(function outer(c) { c.addPlugin(broken); });
    }`;
  await withConfig(source, async (dir) => {
    await assert.rejects(loadConfig({ cwd: dir }), /nested boom/);
  });
});

test("an object plugin's initArguments reach the `init` option before its configFunction runs", async () => {
  const source = `
    const calls = [];
    globalThis.__plinthPluginCalls3 = calls;
    const plugin = {
      initArguments: { Prism: "prism" },
      configFunction(cfg, options) { calls.push("configure:" + options.flag); },
    };
    export default function (cfg) {
      cfg.addPlugin(plugin, { flag: "on", init({ Prism }) { calls.push("init:" + Prism); } });
    }`;
  await withConfig(source, async (dir) => {
    await loadConfig({ cwd: dir });
    assert.deepEqual((globalThis as { __plinthPluginCalls3?: string[] }).__plinthPluginCalls3, ["init:prism", "configure:on"]);
  });
});
