// An Eleventy 1/2-era config: CommonJS, require() of the plugins of that time, its own
// markdown-it through setLibrary, and settings Eleventy 3 keeps only for compatibility.
const pluginRss = require("@11ty/eleventy-plugin-rss");
const pluginNavigation = require("@11ty/eleventy-navigation");
const markdownIt = require("markdown-it");
const markdownItAnchor = require("markdown-it-anchor");
const markdownItFootnote = require("markdown-it-footnote");
const membersPlugin = require("plinth/members");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

module.exports = function (eleventyConfig) {
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.addPlugin(pluginNavigation);
  eleventyConfig.addPlugin(membersPlugin);

  eleventyConfig.setDataDeepMerge(true);
  eleventyConfig.setBrowserSyncConfig({ notify: false, ui: false, ghostMode: false });

  eleventyConfig.addPassthroughCopy("img");

  eleventyConfig.addFilter("readableDate", (date) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`);
  eleventyConfig.addFilter("htmlDateString", (date) => date.toISOString().slice(0, 10));
  eleventyConfig.addFilter("head", (array, n) => (n < 0 ? array.slice(n) : array.slice(0, n)));

  // The tag list of eleventy-base-blog 5/6: every tag but the site's own bookkeeping ones.
  eleventyConfig.addCollection("tagList", (collection) => {
    const tags = new Set();
    for (const item of collection.getAll()) {
      for (const tag of item.data.tags || []) {
        if (!["all", "nav", "post", "posts"].includes(tag)) tags.add(tag);
      }
    }
    return [...tags].sort();
  });

  eleventyConfig.addLayoutAlias("post", "layouts/post.njk");
  eleventyConfig.addShortcode("year", () => "2023");
  eleventyConfig.addPairedShortcode("callout", (content, kind) => `<aside class="callout callout-${kind}">${content.trim()}</aside>`);
  eleventyConfig.addCollection("events", (collection) => collection.getFilteredByGlob("posts/*.md").filter((item) => (item.data.tags || []).includes("events")));
  // Sites of that era trimmed their HTML in a transform.
  eleventyConfig.addTransform("trim-html", (content, outputPath) => (outputPath && outputPath.endsWith(".html") ? content.trim() + "\n" : content));

  const markdownLibrary = markdownIt({ html: true, breaks: true, linkify: true })
    .use(markdownItAnchor, {
      permalink: true,
      permalinkClass: "direct-link",
      permalinkSymbol: "#",
    })
    .use(markdownItFootnote);
  eleventyConfig.setLibrary("md", markdownLibrary);

  return {
    templateFormats: ["md", "njk", "html", "liquid"],
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
    passthroughFileCopy: true,
    dir: {
      input: ".",
      includes: "_includes",
      data: "_data",
      output: "_site",
    },
  };
};
