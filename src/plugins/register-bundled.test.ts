import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig } from "../config/user-config.js";
import { addDefaultPlugins } from "./register-bundled.js";

test("bundled plugins resolve by package name and are marked unique", () => {
  const config = new UserConfig();
  addDefaultPlugins(config);
  const base = config.resolvePlugin("@11ty/eleventy/html-base-plugin") as unknown as Record<string, unknown>;
  assert.equal(base.eleventyPackage, "@11ty/eleventy/html-base-plugin");
  assert.deepEqual(base.eleventyPluginOptions, { unique: true });
  assert.equal(typeof config.resolvePlugin("@11ty/eleventy/inputpath-to-url-plugin"), "function");
  assert.throws(() => config.resolvePlugin("@11ty/eleventy/render-plugin"), /not supported yet/);
});

test("every site gets the inputPathToUrl and renderTransforms filters", () => {
  const config = new UserConfig();
  addDefaultPlugins(config);
  assert.equal(typeof config.getFilter("inputPathToUrl"), "function");
  assert.equal(typeof config.getFilter("renderTransforms"), "function");
});
