// eleventyConfig.logger as Eleventy's ConsoleLogger behaves for plugins: prefixes, quiet mode, forced messages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PluginLogger } from "./plugin-logger.js";
import { UserConfig } from "./user-config.js";

function capture(verbose: boolean): { logger: PluginLogger; lines: string[] } {
  const lines: string[] = [];
  const logger = new PluginLogger(() => verbose);
  const record = (kind: string) => (text: string) => lines.push(`${kind}: ${text}`);
  logger.overrideLogger({ log: record("log"), info: record("info"), warn: record("warn"), error: record("error") });
  return { logger, lines };
}

test("logWithOptions prints with the plugin's prefix on every line, through the console method asked for", () => {
  const { logger, lines } = capture(true);
  logger.logWithOptions({ message: "Starting Vite build", prefix: "[11ty/eleventy-plugin-vite]", type: "info" });
  logger.logWithOptions({ message: "two\nlines" });
  logger.log("plain");
  logger.warn("careful");
  assert.deepEqual(lines, [
    "info: [11ty/eleventy-plugin-vite] Starting Vite build",
    "log: [11ty] two\n[11ty] lines",
    "log: [11ty] plain",
    "warn: [11ty] careful",
  ]);
});

test("in quiet mode only forced messages are printed", () => {
  const { logger, lines } = capture(false);
  logger.log("dropped");
  logger.error("dropped too");
  logger.logWithOptions({ message: "forced", force: true });
  logger.forceLog("also forced");
  assert.deepEqual(lines, ["log: [11ty] forced", "log: [11ty] also forced"]);
});

test("eleventyConfig.logger follows setQuietMode", () => {
  const config = new UserConfig();
  assert.equal(config.logger.isVerbose, true);
  config.setQuietMode(true);
  assert.equal(config.logger.isVerbose, false);
  assert.equal(typeof config.logger.logWithOptions, "function");
});
