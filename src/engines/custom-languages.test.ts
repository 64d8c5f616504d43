// Eleventy 3.1.8's addExtension rules (UserConfig.addExtension, TemplateEngineManager, Custom.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { UserConfig } from "../config/user-config.js";
import { CustomLanguages } from "./custom-languages.js";

const context = { config: {}, javascriptFunctions: {} };

test("one addExtension per extension; an alias must name a real language", () => {
  const config = new UserConfig();
  config.addExtension(["a", "b"], { compile: () => undefined });
  assert.throws(() => config.addExtension("b", {}), (error: Error & { code?: string }) => error.code === "ConfigMisuse");
  config.addExtension("c", { key: "nope" });
  assert.throws(() => new CustomLanguages(config.extensions, context), /not a template language/);
});

test("a key-only alias is the aliased language; with options it is a custom language", () => {
  const config = new UserConfig();
  config.addExtension("page.js", { key: "11ty.js" });
  config.addExtension("njx", { key: "njk", compile: () => undefined });
  const custom = new CustomLanguages(config.extensions, context);
  assert.equal(custom.languageOf("page.js"), "11ty.js");
  assert.equal(custom.entry("page.js"), undefined);
  assert.equal(custom.readMode("page.js"), "javascript");
  assert.equal(custom.languageOf("njx"), "njx");
  assert.equal(custom.entry("njx")?.key, "njk");
  assert.equal(custom.readMode("njx"), "text");
});

test("compile runs init once, may return nothing, and its render sees defaultRenderer", async () => {
  const config = new UserConfig();
  let inits = 0;
  config.addExtension("x", {
    init: () => void inits++,
    compile: function (this: unknown, text: unknown, inputPath: unknown) {
      if (String(inputPath).includes("_")) return undefined;
      return async function (this: { defaultRenderer?: () => Promise<string> }) {
        return `${String(text)}+${await this.defaultRenderer!()}`;
      };
    },
  });
  const custom = new CustomLanguages(config.extensions, context);
  const entry = custom.entry("x")!;
  const base = async () => "base";
  assert.equal(await custom.compile(entry, "t", "./a.x", base)({}), "t+base");
  assert.equal(await custom.compile(entry, "t", "./_b.x", base)({}), undefined);
  assert.equal(inits, 1);
});
