/**
 * The one small interface every template language implements. Languages are registered by
 * name (`njk`, `liquid`, `md`, `html`) and chained: Markdown is usually preprocessed by Liquid.
 */
export type TemplateData = Record<string, unknown>;

/** A compiled template: give it the page's data, get the rendered text. */
export type RenderFunction = (data: TemplateData) => Promise<string>;

export interface TemplateLanguage {
  readonly name: string;
  /**
   * Compiles a template. `file` is the absolute path when the template is a file, used to
   * resolve relative includes and to name the template in errors.
   */
  compile(source: string, file?: string): RenderFunction;
  /** True when the text holds syntax of this language, so plain strings can skip rendering. */
  needsCompilation(source: string): boolean;
  /** Forget anything cached about a file (an include or layout that changed). */
  invalidate?(file: string): void;
}
