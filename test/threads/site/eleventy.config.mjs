// A site with its own Markdown setup, a filter and shortcodes: what a render thread must load
// for itself, since functions cannot cross threads.
import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import markdownItFootnote from "markdown-it-footnote";

export default function (eleventyConfig) {
  const md = markdownIt({ html: true, typographer: true })
    .use(markdownItAnchor, { permalink: markdownItAnchor.permalink.headerLink() })
    .use(markdownItFootnote);
  eleventyConfig.setLibrary("md", md);
  eleventyConfig.addFilter("shout", (text) => `${String(text).toUpperCase()}!`);
  eleventyConfig.addShortcode("badge", (label) => `<span class="badge">${label}</span>`);
  eleventyConfig.addPairedShortcode("aside", (content, kind) => `<aside class="${kind}">${content.trim()}</aside>`);
  eleventyConfig.addCollection("newestFirst", (api) => api.getFilteredByTag("posts").reverse());
}
