/**
 * All template languages of one build, and the rule that picks the chain for a file:
 * its extension, `markdownTemplateEngine` / `htmlTemplateEngine`, or `templateEngineOverride`.
 */
import path from "node:path";
import type { ProjectOptions } from "../config/project-options.js";
import type { UserConfig } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import type { ProjectPaths } from "../engine/project-paths.js";
import { CustomLanguages, type PageRenderFunction } from "./custom-languages.js";
import { createLiquidLanguage, hasLiquidSyntax } from "./liquid-language.js";
import { createMarkdownLanguage, createMarkdownLibrary } from "./markdown-language.js";
import { createNunjucksLanguage, hasNunjucksSyntax } from "./nunjucks-language.js";
import type { RenderFunction, TemplateData, TemplateLanguage } from "./template-language.js";

/**
 * The syntax checks of the built-in languages, asked without making the language: a site whose
 * Markdown holds no Liquid never loads liquidjs (about 30 ms of a build's start).
 */
const syntaxChecks: Record<string, (source: string) => boolean> = {
  liquid: hasLiquidSyntax,
  njk: hasNunjucksSyntax,
  html: () => false,
};

const builtinKeys = new Set(["md", "html", "njk", "liquid"]);

const plainText: TemplateLanguage = {
  name: "html",
  compile: (source: string) => async () => source,
  needsCompilation: () => false,
};

export class LanguageSet {
  private readonly languages = new Map<string, TemplateLanguage>();
  private readonly markdownLibrary;
  /** Languages added with `addExtension`. */
  readonly custom: CustomLanguages;

  /** Languages are made on first use: a site without Liquid never loads liquidjs. */
  private readonly factories: Record<string, () => TemplateLanguage>;

  constructor(
    private readonly options: ProjectOptions,
    config: UserConfig,
    paths: ProjectPaths,
  ) {
    this.factories = {
      njk: () => createNunjucksLanguage({ searchPaths: [paths.includes, paths.cwd], config }),
      liquid: () => createLiquidLanguage({ includesDir: paths.includes, inputDir: paths.input, config }),
    };
    this.markdownLibrary = createMarkdownLibrary(config);
    this.custom = new CustomLanguages(config.extensions, {
      config: { dir: options.dir, directories: config.directories, pathPrefix: options.pathPrefix, templateFormats: options.templateFormats, javascriptFunctions: config.javascriptFunctions },
      javascriptFunctions: config.javascriptFunctions,
    });
    this.inputPathOf = (file) => `./${path.relative(paths.cwd, file).split(path.sep).join("/")}`;
  }

  private readonly inputPathOf: (file: string) => string;

  get(name: string): TemplateLanguage {
    return this.customLanguage(name) ?? this.builtin(name);
  }

  private readonly customWrappers = new Map<string, TemplateLanguage>();

  /** A custom language as a plain one, for layouts and computed strings: a page's "no output" is simply empty. */
  private customLanguage(name: string): TemplateLanguage | undefined {
    if (!this.custom.entry(name)) return undefined;
    let language = this.customWrappers.get(name);
    if (!language) {
      language = {
        name,
        compile: (source, file) => {
          const render = this.compilePage([name], source, file);
          return async (data) => (await render(data)) ?? "";
        },
        needsCompilation: () => true,
      };
      this.customWrappers.set(name, language);
    }
    return language;
  }

  private builtin(name: string): TemplateLanguage {
    const found = this.languages.get(name);
    if (found) return found;
    const factory = this.factories[name];
    if (factory) {
      const language = factory();
      this.languages.set(name, language);
      return language;
    }
    if (name === "html") return plainText;
    if (name === "md") return createMarkdownLanguage(this.markdownLibrary, undefined);
    throw new PlinthError("UnsupportedApi", `The template language "${name}" is not supported yet by Plinth; see COMPAT.md`, {
      hint: "Use one of: njk, liquid, md, html.",
    });
  }

  /** The language names a file renders through, first to last, e.g. `["liquid", "md"]`. */
  chainFor(fileExtension: string, override: unknown): string[] {
    // `.11ty.cjs` and `.11ty.mjs` are JavaScript templates, as `.11ty.js` is.
    const extension = fileExtension === "11ty.cjs" || fileExtension === "11ty.mjs" ? "11ty.js" : this.custom.languageOf(fileExtension);
    if (typeof override === "string" && override.trim() !== "") {
      return override.split(",").map((s) => s.trim()).filter(Boolean);
    }
    if (override === false) return [];
    if (extension === "md") return this.options.markdownTemplateEngine ? [this.options.markdownTemplateEngine, "md"] : ["md"];
    if (extension === "html") return this.options.htmlTemplateEngine ? [this.options.htmlTemplateEngine] : [];
    return [extension];
  }

  /** The name of the language that renders a permalink or computed-data string for a file. */
  private stringLanguageFor(chain: readonly string[]): string | undefined {
    // JavaScript templates give their permalinks as plain strings or functions.
    return chain.find((name) => this.custom.entry(name) || (name !== "md" && name !== "html" && name !== "11ty.js"));
  }

  private needsCompilation(name: string, source: string): boolean {
    const check = this.custom.entry(name) ? undefined : syntaxChecks[name];
    return check ? check(source) : this.get(name).needsCompilation(source);
  }

  /**
   * Compiles a page's body. A custom language (addExtension) in the chain compiles it, with the
   * rest of the chain, or `base` (a JavaScript template's own render), as its `defaultRenderer`;
   * its render may give `undefined`: no output for that page.
   */
  compilePage(chain: readonly string[], source: string, file?: string, base?: RenderFunction): PageRenderFunction {
    const entry = this.custom.customIn(chain);
    if (!entry) return base ?? this.compile(chain, source, file);
    const builtin = chain.filter((name) => name !== entry.extension);
    // An override of a built-in language (addExtension("md", ...)) keeps that language as its default.
    if (entry.key === entry.extension && builtinKeys.has(entry.key)) builtin.push(entry.key);
    else if (entry.key !== entry.extension && entry.key !== "11ty.js") builtin.push(...this.chainFor(entry.key, undefined));
    let defaultRenderer = base;
    if (!defaultRenderer && builtin.length > 0) {
      let compiled: RenderFunction | undefined;
      defaultRenderer = (data) => (compiled ??= this.compileBuiltin(builtin, source, file))(data);
    }
    return this.custom.compile(entry, source, file ? this.inputPathOf(file) : "", defaultRenderer);
  }

  compile(chain: readonly string[], source: string, file?: string): RenderFunction {
    if (chain.length === 0) return async () => source;
    if (this.custom.customIn(chain)) {
      const render = this.compilePage(chain, source, file);
      return async (data) => (await render(data)) ?? "";
    }
    return this.compileBuiltin(chain, source, file);
  }

  private compileBuiltin(chain: readonly string[], source: string, file?: string): RenderFunction {
    if (chain.length === 0) return async () => source;
    const last = chain[chain.length - 1]!;
    if (last === "md") {
      const preName = chain.length > 1 ? chain[0]! : undefined;
      // Most posts hold no template syntax: skipping the preprocessor gives the same text, faster.
      const pre = preName && this.needsCompilation(preName, source) ? this.get(preName) : undefined;
      return createMarkdownLanguage(this.markdownLibrary, pre).compile(source, file);
    }
    return this.builtin(chain[0]!).compile(source, file);
  }

  /** Compiled permalink and computed-data strings: every page of a pagination shares one. */
  private readonly stringCache = new Map<string, RenderFunction>();

  /** Renders a short string (a permalink or computed value) if it holds template syntax. */
  async renderString(chain: readonly string[], text: string, data: TemplateData, file?: string): Promise<string> {
    const name = this.stringLanguageFor(chain);
    if (!name || !this.needsCompilation(name, text)) return text;
    const key = `${name}\0${file ?? ""}\0${text}`;
    let compiled = this.stringCache.get(key);
    if (!compiled) {
      compiled = this.get(name).compile(text, file);
      this.stringCache.set(key, compiled);
    }
    return compiled(data);
  }

  /**
   * Set by a build that expects to render few of its pages (one that remembers the last build,
   * src/cache/): the second thread does not start ahead of rendering, nor render every file early.
   */
  rendersFew = false;

  /** Tells the Markdown renderer how many Markdown files a build is about to render, so a second thread can start early. */
  prepareMarkdown(files: number): void {
    if (!this.rendersFew) this.markdownLibrary.thread?.prepare(files);
  }

  /**
   * Hands a Markdown body to the second thread ahead of rendering (see MarkdownThread.prerender)
   * when no built-in language would change it: its page's preprocessor is not known yet.
   */
  prerenderMarkdown(file: string, body: string): void {
    const thread = this.markdownLibrary.thread;
    if (thread && !Object.values(syntaxChecks).some((holdsSyntax) => holdsSyntax(body))) thread.prerender(file, body);
  }

  /** Render threads take part of the pages: Markdown is no longer sent ahead for pages that may render elsewhere. */
  stopPrerendering(): void {
    this.markdownLibrary.thread?.stopSendingAhead();
  }

  /** The build is over: Markdown sent ahead and not asked for is dropped. */
  endBuild(): void {
    this.markdownLibrary.thread?.forgetPrerendered();
  }

  invalidate(file: string): void {
    this.stringCache.clear();
    for (const language of this.languages.values()) language.invalidate?.(file);
  }
}
