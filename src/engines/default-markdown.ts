/** Plinth's default Markdown: markdown-it with `html: true` and indented code blocks off, as in Eleventy. */
import MarkdownIt from "markdown-it";

export function createDefaultMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: true }).disable("code");
}
