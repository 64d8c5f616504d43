import pluginRss from "@11ty/eleventy-plugin-rss";

export default function (eleventyConfig) {
  eleventyConfig.addFilter("day", (date) => new Date(date).toISOString().slice(0, 10));
  eleventyConfig.addPassthroughCopy("img");
  eleventyConfig.addPlugin(pluginRss);
}
