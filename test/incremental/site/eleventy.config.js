export default function (eleventyConfig) {
  eleventyConfig.addFilter("day", (date) => new Date(date).toISOString().slice(0, 10));
  // Made before the templates that paginate collections, so without the tag pages.
  eleventyConfig.addCollection("sorted", (api) => api.getAllSorted());
}
