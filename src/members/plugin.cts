/**
 * The members plugin for CommonJS configs (`.eleventy.js` with `module.exports`):
 * `require("plinth/members")` lands here. Plinth is ES modules, which Node 20 before 20.19
 * cannot `require()`, so this wrapper is an async plugin that imports the real one; Eleventy 3
 * and Plinth both await async plugins, so the site sees no difference.
 *
 * @example
 * // .eleventy.js
 * const membersPlugin = require("plinth/members");
 * module.exports = (eleventyConfig) => { eleventyConfig.addPlugin(membersPlugin); };
 */
import type { EleventyConfigApi, MembersPluginOptions } from "./plugin.js";

async function membersPlugin(eleventyConfig: EleventyConfigApi, options?: MembersPluginOptions): Promise<void> {
  const plugin = await import("./plugin.js");
  plugin.default(eleventyConfig, options);
}

// `require("plinth/members").default` works too, as it does for transpiled ES modules.
export = Object.assign(membersPlugin, { default: membersPlugin });
