import pluginRss from "@11ty/eleventy-plugin-rss";

export default function (eleventyConfig) {
  eleventyConfig.addFilter("day", (date) => new Date(date).toISOString().slice(0, 10));
  eleventyConfig.addPassthroughCopy("img");
  eleventyConfig.addPlugin(pluginRss);
  // Made before the templates that paginate collections, so without the tag pages.
  eleventyConfig.addCollection("sorted", (api) => api.getAllSorted());
}
