// eleventyConfig.getFilter as in Eleventy 3.1.8 (UserConfig.getFilter): universal filters, then
// JavaScript functions; engine-specific filters are not found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig } from "./user-config.js";

test("getFilter finds universal filters before JavaScript functions", () => {
  const config = new UserConfig();
  const filter = () => "filter";
  const fn = () => "function";
  config.addJavaScriptFunction("both", fn);
  config.addFilter("both", filter);
  assert.equal(config.getFilter("both"), filter);
});

test("getFilter falls back to JavaScript functions, where eleventy-img keeps its options", () => {
  const config = new UserConfig();
  const options = () => ({ formats: ["webp"] });
  config.addJavaScriptFunction("__private_eleventyImageTransformConfigurationOptions", options);
  assert.equal(config.getFilter("__private_eleventyImageTransformConfigurationOptions"), options);
});

test("getFilter does not find filters added for one template language only", () => {
  const config = new UserConfig();
  config.addNunjucksFilter("onlyNunjucks", () => "n");
  config.addLiquidFilter("onlyLiquid", () => "l");
  assert.equal(config.getFilter("onlyNunjucks"), undefined);
  assert.equal(config.getFilter("onlyLiquid"), undefined);
});
