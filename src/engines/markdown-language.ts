/**
 * Markdown through markdown-it (`html: true`, indented code blocks off, as in Eleventy),
 * optionally preprocessed by another language (Liquid by default).
 */
import MarkdownIt from "markdown-it";
import type { UserConfig } from "../config/user-config.js";
import type { RenderFunction, TemplateData, TemplateLanguage } from "./template-language.js";

interface MarkdownLibrary {
  render(source: string, env?: unknown): string;
  disable?(rule: string, ignoreInvalid?: boolean): unknown;
  set?(options: Record<string, unknown>): unknown;
}

export function createMarkdownLibrary(config: UserConfig): MarkdownLibrary {
  const override = config.libraryOverrides.get("md") as MarkdownLibrary | undefined;
  const library: MarkdownLibrary = override ?? new MarkdownIt({ html: true });
  // As in Eleventy, a highlighter from the config wins even over a library set with setLibrary.
  if (config.markdownHighlighter && typeof library.set === "function") library.set({ highlight: config.markdownHighlighter });
  if (typeof library.disable === "function") library.disable("code");
  for (const fn of config.libraryAmendments.get("md") ?? []) fn(library);
  return library;
}

export function createMarkdownLanguage(library: MarkdownLibrary, preprocessor: TemplateLanguage | undefined): TemplateLanguage {
  return {
    name: "md",
    compile(source: string, file?: string): RenderFunction {
      if (!preprocessor) return async (data: TemplateData) => library.render(source, data);
      const pre = preprocessor.compile(source, file);
      return async (data: TemplateData) => library.render(await pre(data), data);
    },
    needsCompilation(): boolean {
      return true;
    },
  };
}
