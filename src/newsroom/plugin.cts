/**
 * The newsroom plugin for CommonJS configs (`.eleventy.js` with `module.exports`):
 * `require("plinth/newsroom")` lands here. Like `plinth/members`, an async plugin that imports
 * the ES module, which Eleventy 3 and Plinth both await.
 *
 * @example
 * // .eleventy.js
 * const newsroom = require("plinth/newsroom");
 * module.exports = (eleventyConfig) => { eleventyConfig.addPlugin(newsroom, { feeds: [{ collection: "news" }] }); };
 */
import type { NewsroomConfigApi, NewsroomOptions } from "./plugin.js";

async function newsroomPlugin(eleventyConfig: NewsroomConfigApi, options?: NewsroomOptions): Promise<void> {
  const plugin = await import("./plugin.js");
  plugin.default(eleventyConfig, options);
}

// `require("plinth/newsroom").default` works too, as it does for transpiled ES modules.
export = Object.assign(newsroomPlugin, { default: newsroomPlugin });
