/**
 * Template languages a site adds with `addExtension`, following Eleventy 3's custom engine:
 * `compile(text, inputPath)` returns a render function of the page's data (or nothing, for a
 * file that writes no output, such as a Sass partial); `getData` adds data from the file;
 * `key` aliases an existing language, whose renderer the custom one gets as `defaultRenderer`.
 * An alias with no other option is just another extension of that language.
 */
import type { ExtensionEntry, UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import type { TemplateData } from "./template-language.js";

/** Renders one page; `undefined` means the custom language's `compile` chose to write nothing. */
export type PageRenderFunction = (data: TemplateData) => Promise<string | undefined>;

/** How a file of a custom language is read: as text with front matter, not at all, or as a JavaScript module. */
export type ReadMode = "text" | "none" | "javascript";

const builtinKeys = new Set(["md", "html", "njk", "liquid", "11ty.js"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Eleventy's test: an alias that sets nothing but `key` and `extension`. */
function isSimpleAlias(entry: ExtensionEntry): boolean {
  return entry.key !== entry.extension && Object.keys(entry).every((k) => k === "key" || k === "extension");
}

function failure(entry: ExtensionEntry, what: string, cause: unknown): PlinthError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new PlinthError("TemplateRender", `The custom template language "${entry.extension}" (addExtension) failed in ${what}: ${message}`, { cause });
}

export interface CustomLanguageContext {
  /** What `this.config` shows a custom language's `compile`, `init` and `getData` (Eleventy's merged config). */
  config: Record<string, unknown>;
  /** Filters and shortcodes, given to `getData` functions as `this` (Eleventy's mixins). */
  javascriptFunctions: Record<string, UserFunction>;
}

export class CustomLanguages {
  private readonly entries = new Map<string, ExtensionEntry>();
  private readonly inits = new Map<string, Promise<unknown>>();

  constructor(
    entries: ReadonlyMap<string, ExtensionEntry>,
    private readonly context: CustomLanguageContext,
  ) {
    for (const entry of entries.values()) {
      if (entry.key !== entry.extension && !builtinKeys.has(entry.key)) {
        throw new PlinthError("ConfigMisuse", `addExtension("${entry.extension}") aliases "${entry.key}", which is not a template language.`, {
          hint: `Use one of ${[...builtinKeys].join(", ")} as \`key\`, or leave \`key\` out for a language of its own.`,
        });
      }
      this.entries.set(entry.extension, entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The file extensions custom languages claim, for the scan. */
  extensions(): string[] {
    return [...this.entries.keys()];
  }

  /** The language a file extension renders through: an alias's key, else the extension itself. */
  languageOf(extension: string): string {
    const entry = this.entries.get(extension);
    return entry && isSimpleAlias(entry) ? entry.key : extension;
  }

  /** The entry of a custom language (not a simple alias), by language name. */
  entry(name: string): ExtensionEntry | undefined {
    const entry = this.entries.get(name);
    return entry && !isSimpleAlias(entry) ? entry : undefined;
  }

  /** The first custom language of a chain, if any. */
  customIn(chain: readonly string[]): ExtensionEntry | undefined {
    for (const name of chain) {
      const entry = this.entry(name);
      if (entry) return entry;
    }
    return undefined;
  }

  readMode(extension: string): ReadMode {
    const entry = this.entries.get(extension);
    if (!entry) return "text";
    if ("read" in entry && entry.read !== undefined) return entry.read ? "text" : "none";
    // An alias of JavaScript templates loads the module, as the `11ty.js` language does.
    return entry.key === "11ty.js" ? "javascript" : "text";
  }

  outputExtension(name: string): string | undefined {
    return this.entry(name)?.outputFileExtension;
  }

  useLayouts(name: string): boolean {
    return this.entry(name)?.useLayouts ?? true;
  }

  private init(entry: ExtensionEntry): Promise<unknown> {
    let running = this.inits.get(entry.extension);
    if (!running) {
      running = typeof entry.init === "function" ? Promise.resolve(entry.init.call({ config: this.context.config })) : Promise.resolve();
      this.inits.set(entry.extension, running);
    }
    return running;
  }

  /** Data `getData` adds for one file, merged over its front matter; undefined when the language adds none. */
  async extraData(extension: string, inputPath: string): Promise<Record<string, unknown> | undefined> {
    const entry = this.entry(extension);
    if (!entry || entry.getData === undefined || entry.getData === false) return undefined;
    try {
      await this.init(entry);
      if (typeof entry.getData === "function") {
        const data: unknown = await entry.getData(inputPath);
        return isRecord(data) ? data : undefined;
      }
      if (typeof entry.getInstanceFromInputPath !== "function") {
        throw new Error("`getInstanceFromInputPath` is needed when `getData` is true or a list; set `getData: false` to opt out.");
      }
      const instance: unknown = await entry.getInstanceFromInputPath(inputPath);
      if (!isRecord(instance)) return undefined;
      const keys = Array.isArray(instance.eleventyDataKey) ? instance.eleventyDataKey.map(String) : entry.getData === true ? ["data"] : entry.getData;
      const data: Record<string, unknown> = {};
      for (const key of keys) {
        let value = instance[key];
        if (typeof value === "function") value = await (value as UserFunction).call({ ...this.context.javascriptFunctions });
        if (isRecord(value)) Object.assign(data, value);
      }
      return data;
    } catch (cause) {
      throw failure(entry, `getData for ${inputPath}`, cause);
    }
  }

  /**
   * Compiles a page's body with a custom language. `defaultRenderer` renders the body with the
   * language the entry aliases or overrides, for `compile` functions that call it.
   */
  compile(entry: ExtensionEntry, source: string, inputPath: string, defaultRenderer?: (data: TemplateData) => Promise<string>): PageRenderFunction {
    let compiled: Promise<unknown> | undefined;
    const compileOnce = (): Promise<unknown> => {
      compiled ??= (async () => {
        await this.init(entry);
        if (typeof entry.compile !== "function") {
          if (defaultRenderer) return defaultRenderer;
          throw new Error(`addExtension("${entry.extension}") has no \`compile\` function (only an alias of an existing language may leave it out).`);
        }
        return entry.compile.call({ config: this.context.config, addDependencies: () => undefined, defaultRenderer }, source, inputPath);
      })();
      return compiled;
    };
    return async (data) => {
      let render: unknown;
      try {
        render = await compileOnce();
      } catch (cause) {
        throw failure(entry, `compile for ${inputPath}`, cause);
      }
      if (render === undefined) return undefined;
      if (typeof render !== "function") throw failure(entry, `compile for ${inputPath}`, new Error(`\`compile\` did not return a function; it returned ${typeof render}.`));
      const result: unknown = await (render as UserFunction).call({ defaultRenderer }, data);
      return result === undefined || result === null ? undefined : String(result);
    };
  }

  /**
   * A permalink string of a page in a custom language, as Eleventy treats it: used as it is
   * unless `compileOptions.permalink` is a function `(permalink, inputPath)` returning the
   * rendered value or a function of the data (asked even when the page sets no permalink), or
 * `true` to render it with the language itself. `false` there means no page is written.
   */
  async permalink(entry: ExtensionEntry, permalink: unknown, inputPath: string, data: TemplateData): Promise<unknown> {
    const option = entry.compileOptions?.permalink;
    if (option === false) return false;
    if (option === true && typeof permalink === "string") return (await this.compile(entry, permalink, inputPath)(data)) ?? "";
    if (typeof option !== "function") return permalink;
    const mixins = { ...this.context.javascriptFunctions };
    const result: unknown = await (option as UserFunction).call(mixins, permalink, inputPath);
    return typeof result === "function" ? (result as UserFunction).call(mixins, data) : result;
  }
}
