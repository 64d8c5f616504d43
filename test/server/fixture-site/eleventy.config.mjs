// A small site for the dev server's end-to-end and browser tests.
export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("src/css");
  // extra/ lies outside the input folder: only this watch target makes its edits rebuild the site.
  eleventyConfig.addWatchTarget("extra/");
  return { dir: { input: "src", output: "_site" } };
}
