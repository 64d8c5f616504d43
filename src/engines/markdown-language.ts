/**
 * Markdown through markdown-it (`html: true`, indented code blocks off, as in Eleventy),
 * optionally preprocessed by another language (Liquid by default).
 */
import { isMainThread } from "node:worker_threads";
import type { UserConfig } from "../config/user-config.js";
import { createDefaultMarkdown, lazyDefaultMarkdown } from "./default-markdown.js";
import { MarkdownThread } from "./markdown-thread.js";
import type { RenderFunction, TemplateData, TemplateLanguage } from "./template-language.js";

interface MarkdownLibrary {
  render(source: string, env?: unknown): string;
  disable?(rule: string, ignoreInvalid?: boolean): unknown;
  set?(options: Record<string, unknown>): unknown;
}

/** Whether the config leaves markdown-it as Plinth sets it up: then a second thread can reproduce it. */
function isDefaultMarkdown(config: UserConfig): boolean {
  return !config.libraryOverrides.has("md") && !config.markdownHighlighter && (config.libraryAmendments.get("md") ?? []).length === 0;
}

/** The site's markdown library, and a second thread to render it on when the library is the default. */
export function createMarkdownLibrary(config: UserConfig): { library: MarkdownLibrary; thread?: MarkdownThread } {
  if (isDefaultMarkdown(config)) {
    const library = lazyDefaultMarkdown();
    // A render thread (src/engine/workers/) is itself the extra core: it starts no thread of its own.
    return { library, thread: isMainThread ? new MarkdownThread(library) : undefined };
  }
  const override = config.libraryOverrides.get("md") as MarkdownLibrary | undefined;
  const library: MarkdownLibrary = override ?? createDefaultMarkdown();
  // As in Eleventy, a highlighter from the config wins even over a library set with setLibrary.
  if (config.markdownHighlighter && typeof library.set === "function") library.set({ highlight: config.markdownHighlighter });
  if (typeof library.disable === "function") library.disable("code");
  for (const fn of config.libraryAmendments.get("md") ?? []) fn(library);
  return { library };
}

export function createMarkdownLanguage(markdown: { library: MarkdownLibrary; thread?: MarkdownThread }, preprocessor: TemplateLanguage | undefined): TemplateLanguage {
  const { library, thread } = markdown;
  const render = (text: string, data: TemplateData, file?: string): string | Promise<string> => (thread ? thread.render(text, data, file) : library.render(text, data));
  return {
    name: "md",
    compile(source: string, file?: string): RenderFunction {
      if (!preprocessor) return async (data: TemplateData) => render(source, data, file);
      const pre = preprocessor.compile(source, file);
      return async (data: TemplateData) => render(await pre(data), data);
    },
    needsCompilation(): boolean {
      return true;
    },
  };
}
