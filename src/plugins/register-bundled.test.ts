import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig } from "../config/user-config.js";
import { addDefaultPlugins } from "./register-bundled.js";

test("bundled plugins resolve by package name and are marked unique", async () => {
  const config = new UserConfig();
  addDefaultPlugins(config);
  const base = config.resolvePlugin("@11ty/eleventy/html-base-plugin") as unknown as Record<string, unknown>;
  assert.equal(base.eleventyPackage, "@11ty/eleventy/html-base-plugin");
  assert.deepEqual(base.eleventyPluginOptions, { unique: true });
  assert.equal(typeof config.resolvePlugin("@11ty/eleventy/inputpath-to-url-plugin"), "function");
  assert.equal(typeof config.resolvePlugin("@11ty/eleventy/render-plugin"), "function");
  // Eleventy loads the I18n plugin lazily: sites await it.
  const i18n = config.resolvePlugin("@11ty/eleventy/i18n-plugin");
  assert.ok(i18n instanceof Promise);
  assert.equal(((await i18n) as unknown as Record<string, unknown>).eleventyPackage, "@11ty/eleventy/i18n-plugin");
  assert.throws(() => config.resolvePlugin("@11ty/eleventy/no-such-plugin"), /not supported yet/);
});

test("every site gets the inputPathToUrl and renderTransforms filters", () => {
  const config = new UserConfig();
  addDefaultPlugins(config);
  assert.equal(typeof config.getFilter("inputPathToUrl"), "function");
  assert.equal(typeof config.getFilter("renderTransforms"), "function");
});
