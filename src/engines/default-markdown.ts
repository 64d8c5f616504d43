/**
 * Plinth's default Markdown: markdown-it with `html: true` and indented code blocks off, as in
 * Eleventy. Loaded on first use, from markdown-it's single-file CommonJS build: a large site
 * renders its Markdown on a second thread, so the main thread often never needs it, and one
 * file loads in about half the time of the ES modules.
 */
import type MarkdownIt from "markdown-it";
import { lazyRequire } from "../util/lazy-require.js";

const markdownIt = lazyRequire<typeof MarkdownIt>("markdown-it");

export function createDefaultMarkdown(): MarkdownIt {
  const MarkdownItClass = markdownIt();
  return new MarkdownItClass({ html: true }).disable("code");
}

/** The default setup, made when the first document is rendered. */
export function lazyDefaultMarkdown(): { render(source: string, env?: unknown): string } {
  let markdown: MarkdownIt | undefined;
  return {
    render: (source, env) => (markdown ??= createDefaultMarkdown()).render(source, env),
  };
}
