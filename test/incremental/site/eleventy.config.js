export default function (eleventyConfig) {
  eleventyConfig.addFilter("day", (date) => new Date(date).toISOString().slice(0, 10));
  eleventyConfig.addPassthroughCopy("img");
}
