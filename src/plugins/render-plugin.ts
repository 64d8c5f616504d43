/**
 * Eleventy's Render plugin (`resolvePlugin("@11ty/eleventy/render-plugin")`): the paired
 * `renderTemplate` tag renders its body, as written, with another template language; the
 * `renderContent` filter does the same for a string; the `renderFile` shortcode renders a file.
 * Rendered text sees the data given as an argument (a value that is not an object is `_`), plus
 * `page` and `eleventy`, or with `accessGlobalData` the page's whole data beneath it.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig, UserFunction } from "../config/user-config.js";
import { isPlainObject } from "../engine/data-merge.js";
import { splitShortcodeArguments } from "../engines/liquid-arguments.js";

/** What the build lends the plugin: compiling text with named languages, as `templateEngineOverride` names them. */
export interface TemplateRenderer {
  compile(languages: string, text: string, file?: string): (data: Record<string, unknown>) => Promise<string>;
  /** The languages a file renders with, from its extension; undefined when it is not a template. */
  languagesOfFile(file: string): string | undefined;
  cwd: string;
}

export interface RenderPluginOptions {
  tagName: string | false;
  tagNameFile: string | false;
  filterName: string | false;
  accessGlobalData: boolean;
}

interface RenderThis {
  page?: { templateSyntax?: unknown };
  eleventy?: unknown;
  /** The calling page's data, when `accessGlobalData` is on. */
  data?: Record<string, unknown>;
}

function renderer(config: UserConfig): TemplateRenderer {
  if (!config.templateRenderer) throw new Error("The Render plugin was used outside a build.");
  return config.templateRenderer;
}

/** The data a rendered piece sees: the argument, then the calling page's data or its page and eleventy. */
function renderData(self: RenderThis, given: unknown): Record<string, unknown> {
  const data: Record<string, unknown> = isPlainObject(given) ? { ...given } : { _: given };
  if (self.data && isPlainObject(self.data)) return { ...self.data, ...data };
  return { ...data, page: self.page, eleventy: self.eleventy };
}

export function renderPlugin(eleventyConfig: UserConfig, given: Partial<RenderPluginOptions> = {}): void {
  const options: RenderPluginOptions = { tagName: "renderTemplate", tagNameFile: "renderFile", filterName: "renderContent", accessGlobalData: false, ...given };

  async function renderString(this: unknown, content: unknown, languageOrData?: unknown, dataArgument?: unknown): Promise<string> {
    const self = (this ?? {}) as RenderThis;
    const languages = typeof languageOrData === "string" ? languageOrData : String(self.page?.templateSyntax ?? "");
    const data = typeof languageOrData === "string" ? dataArgument : languageOrData;
    if (languages.split(",").some((name) => name.trim().startsWith("11ty."))) {
      throw new Error("renderTemplate cannot render JavaScript templates; use renderFile for a .11ty.js file.");
    }
    return renderer(eleventyConfig).compile(languages, String(content ?? ""))(renderData(self, data));
  }

  async function renderFile(this: unknown, file: unknown, data?: unknown, languages?: unknown): Promise<string> {
    const self = (this ?? {}) as RenderThis;
    if (typeof file !== "string" || file === "") throw new Error("renderFile needs the path of a file, relative to the project folder.");
    const lend = renderer(eleventyConfig);
    const absolute = path.resolve(lend.cwd, file);
    if (!existsSync(absolute)) throw new Error(`renderFile could not find ${file}.`);
    const chain = typeof languages === "string" && languages ? languages : lend.languagesOfFile(absolute);
    if (!chain) throw new Error(`renderFile does not know how to render ${file}: give the template language as the third argument.`);
    return lend.compile(chain, readFileSync(absolute, "utf8"), absolute)(renderData(self, data));
  }

  if (options.tagName) {
    const tagName = options.tagName;
    eleventyConfig.addJavaScriptFunction(tagName, renderString as UserFunction);
    eleventyConfig.addNunjucksTag(tagName, ((nunjucksLib: NunjucksLib) => nunjucksRawTag(nunjucksLib, tagName, renderString, options.accessGlobalData)) as UserFunction);
    eleventyConfig.addLiquidTag(tagName, ((liquid: LiquidLike) => liquidRawTag(liquid, tagName, renderString, options.accessGlobalData)) as UserFunction);
  }
  if (options.filterName) eleventyConfig.addAsyncFilter(options.filterName, renderString as UserFunction);
  if (options.tagNameFile) eleventyConfig.addAsyncShortcode(options.tagNameFile, renderFile as UserFunction);
}

Object.defineProperty(renderPlugin, "eleventyPackage", { value: "@11ty/eleventy/render-plugin" });

// ---- the paired tag, whose body is kept as written ------------------------------------------

type RenderString = (this: unknown, content: unknown, languageOrData?: unknown, data?: unknown) => Promise<string>;

interface NunjucksLib {
  runtime: { SafeString: new (value: string) => unknown };
}

interface NunjucksParser {
  nextToken(): { value: string; lineno: number; colno: number };
  parseSignature(tolerant: boolean, noParens: boolean): unknown;
  advanceAfterBlockEnd(name?: string): { lineno: number; colno: number };
  tokens: { _extractRegex(regex: RegExp): RegExpMatchArray | null };
}

interface NunjucksNodes {
  Output: new (line: number, col: number, children: unknown[]) => unknown;
  TemplateData: new (line: number, col: number, value: string) => unknown;
  CallExtensionAsync: new (extension: unknown, method: string, args: unknown, content: unknown[]) => unknown;
}

type Callback = (error: unknown, value?: unknown) => void;

/**
 * A Nunjucks tag whose body is not parsed: the text up to the matching end tag is taken as it
 * is, the way Nunjucks reads `{% raw %}` (nested tags of the same name count only when bare).
 */
function nunjucksRawTag(nunjucksLib: NunjucksLib, tagName: string, render: RenderString, withData: boolean): unknown {
  const endName = `end${tagName}`;
  const extension = {
    tags: [tagName],
    parse(parser: NunjucksParser, nodes: NunjucksNodes) {
      const start = parser.nextToken();
      const args = parser.parseSignature(true, true);
      const bodyStart = parser.advanceAfterBlockEnd(start.value);
      const nextTag = new RegExp(`([\\s\\S]*?)\\{%\\s*(${tagName}|${endName})\\s*(?=%\\})%\\}`);
      let depth = 1;
      let text = "";
      let match: RegExpMatchArray | null;
      while (depth > 0 && (match = parser.tokens._extractRegex(nextTag))) {
        const [whole, before, name] = [match[0], match[1]!, match[2]];
        // As in Eleventy, only a bare `{% renderTemplate %}` (no arguments) opens a nested one.
        depth += name === tagName ? 1 : -1;
        // The matching end tag is consumed with the text before it.
        text += depth === 0 ? before : whole;
      }
      const body = new nodes.Output(bodyStart.lineno, bodyStart.colno, [new nodes.TemplateData(bodyStart.lineno, bodyStart.colno, text)]);
      return new nodes.CallExtensionAsync(extension, "run", args, [body]);
    },
    run(context: { ctx?: Record<string, unknown> }, ...rest: unknown[]) {
      const done = rest.pop() as Callback;
      const body = rest.pop() as (callback: Callback) => void;
      const ctx = context.ctx ?? {};
      const self: RenderThis = { page: ctx.page as RenderThis["page"], eleventy: ctx.eleventy, ...(withData ? { data: ctx } : {}) };
      body((error, content) => {
        if (error) return done(error);
        render.call(self, content, ...rest).then(
          (value) => done(null, new nunjucksLib.runtime.SafeString(value)),
          (failure: unknown) => done(failure),
        );
      });
    },
  };
  return extension;
}

interface LiquidToken {
  name?: string;
  args?: string;
  getText(): string;
}

interface LiquidLike {
  parser: { parseStream(tokens: unknown[]): { on(event: string, fn: (token: LiquidToken) => void): ReturnType<LiquidLike["parser"]["parseStream"]>; start(): void; stop(): void } };
  evalValue(expression: string, ctx: unknown): unknown;
}

interface LiquidContext {
  get(path: string[]): unknown;
  getAll(): Record<string, unknown>;
}

/** The Liquid form: the tokens up to the end tag, as written, and the arguments as shortcode arguments. */
function liquidRawTag(liquid: LiquidLike, tagName: string, render: RenderString, withData: boolean): unknown {
  return {
    parse(this: { args: string; tokens: LiquidToken[] }, token: LiquidToken, remaining: unknown[]) {
      this.args = token.args ?? "";
      this.tokens = [];
      const stream = liquid.parser
        .parseStream(remaining)
        .on("token", (next) => {
          if (next.name === `end${tagName}`) stream.stop();
          else this.tokens.push(next);
        })
        .on("end", () => {
          throw new Error(`tag {% ${tagName} %} was not closed with {% end${tagName} %}`);
        });
      stream.start();
    },
    *render(this: { args: string; tokens: LiquidToken[] }, ctx: LiquidContext): Generator<unknown, unknown, unknown> {
      const self: RenderThis = { page: ctx.get(["page"]) as RenderThis["page"], eleventy: ctx.get(["eleventy"]), ...(withData ? { data: ctx.getAll() } : {}) };
      const values: unknown[] = [];
      for (const expression of splitShortcodeArguments(this.args)) values.push(yield liquid.evalValue(expression, ctx));
      const body = this.tokens.map((t) => t.getText()).join("");
      return yield render.call(self, body, ...values);
    },
  };
}
