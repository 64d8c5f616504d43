/** Liquid through liquidjs, with Eleventy's options, filters, shortcodes and paired shortcodes. */
import type { Context, Liquid, TagToken, TopLevelToken, Template, Tokenizer, evalToken } from "liquidjs";
import { lazyRequire } from "../util/lazy-require.js";
import type { FunctionEntry, UserConfig } from "../config/user-config.js";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { recordFile } from "../engine/render-tracking.js";
import { isInside } from "../engine/project-paths.js";
import { withPageContext } from "./call-context.js";
import { splitShortcodeArguments } from "./liquid-arguments.js";
import type { RenderFunction, TemplateData, TemplateLanguage } from "./template-language.js";

/** Whether a text holds Liquid syntax; asked of every Markdown post, so it must not load liquidjs. */
export function hasLiquidSyntax(source: string): boolean {
  return source.includes("{{") || source.includes("{%");
}

export interface LiquidOptions {
  includesDir: string;
  inputDir: string;
  config: UserConfig;
}

/** The options form of `registerTag`, and the `this` liquidjs gives its functions. */
type TagOptions = Extract<Parameters<Liquid["registerTag"]>[1], { render: unknown }>;
type TagThis = ThisParameterType<TagOptions["render"]>;

/** What a shortcode tag keeps between parsing and rendering. */
interface ShortcodeState {
  args: string;
  /** With `setLiquidParameterParsing("builtin")`: the arguments as liquidjs parsed them. */
  tokens?: ValueToken[];
  templates: Template[];
}

type ValueToken = NonNullable<ReturnType<InstanceType<typeof Tokenizer>["readValue"]>>;

/**
 * Eleventy's "builtin" argument parsing: liquidjs reads each argument as a value (so filters
 * and ranges are not allowed but any Liquid literal or variable is), separated by commas or spaces.
 */
function parseBuiltinArguments(args: string): ValueToken[] {
  const tokenizer = new (liquidjs().Tokenizer)(args);
  const values: ValueToken[] = [];
  let value = tokenizer.readValue();
  while (value) {
    values.push(value);
    tokenizer.skipBlank();
    if (tokenizer.peek() === ",") tokenizer.advance();
    value = tokenizer.readValue();
  }
  tokenizer.end();
  return values;
}

interface FilterThis {
  context?: Context;
}

function pageDataOf(context: Context | undefined): TemplateData | undefined {
  if (!context) return undefined;
  return { page: context.get(["page"]) as unknown, eleventy: context.get(["eleventy"]) as unknown };
}

function shortcodeScope(ctx: Context): Record<string, unknown> {
  return withPageContext({ ctx } as Record<string, unknown>, pageDataOf(ctx));
}

function registerShortcode(liquid: Liquid, name: string, entry: FunctionEntry, paired: boolean, builtinArguments: boolean): void {
  liquid.registerTag(name, {
    parse(this: TagThis, token: TagToken, remaining: TopLevelToken[]) {
      const state = this as unknown as ShortcodeState;
      state.args = token.args;
      if (builtinArguments) state.tokens = parseBuiltinArguments(token.args);
      state.templates = [];
      if (!paired) return;
      const stream = liquid.parser
        .parseStream(remaining)
        .on("template", (tpl: Template) => state.templates.push(tpl))
        .on(`tag:end${name}`, () => stream.stop())
        .on("end", () => {
          throw new Error(`tag {% ${name} %} was not closed with {% end${name} %}`);
        });
      stream.start();
    },
    *render(this: TagThis, ctx: Context): Generator<unknown, unknown, unknown> {
      const state = this as unknown as ShortcodeState;
      const values: unknown[] = [];
      if (state.tokens) {
        for (const token of state.tokens) values.push(yield liquidjs().evalToken(token, ctx));
      } else {
        for (const expression of splitShortcodeArguments(state.args)) values.push(yield liquid.evalValue(expression, ctx));
      }
      const scope = shortcodeScope(ctx);
      if (paired) {
        const content = yield liquid.renderer.renderTemplates(state.templates, ctx);
        return yield Promise.resolve(entry.fn.call(scope, content, ...values));
      }
      return yield Promise.resolve(entry.fn.call(scope, ...values));
    },
  });
}

/** liquidjs's file access, with every partial it reads recorded for incremental rebuilds. */
const recordingFileSystem = {
  exists: async (file: string) => existsSync(file),
  existsSync: (file: string) => existsSync(file),
  readFile: async (file: string) => {
    recordFile(file);
    return readFile(file, "utf8");
  },
  readFileSync: (file: string) => {
    recordFile(file);
    return readFileSync(file, "utf8");
  },
  resolve: (dir: string, file: string, ext: string) => path.resolve(dir, path.extname(file) ? file : file + ext),
  contains: async (root: string, file: string) => isInside(path.resolve(root), path.resolve(file)),
  containsSync: (root: string, file: string) => isInside(path.resolve(root), path.resolve(file)),
  dirname: (file: string) => path.dirname(file),
  sep: path.sep,
};

const liquidjs = lazyRequire<{ Liquid: typeof Liquid; Tokenizer: typeof Tokenizer; evalToken: typeof evalToken }>("liquidjs");

export function createLiquidLanguage({ includesDir, inputDir, config }: LiquidOptions): TemplateLanguage {
  const override = config.libraryOverrides.get("liquid") as Liquid | undefined;
  const liquid =
    override ??
    new (liquidjs().Liquid)({
      root: [includesDir, inputDir],
      extname: ".liquid",
      strictFilters: true,
      fs: recordingFileSystem,
      // An include that includes itself would otherwise render forever (Eleventy hangs there).
      renderLimit: 60_000,
      ...config.liquidOptions,
    });
  for (const fn of config.libraryAmendments.get("liquid") ?? []) fn(liquid);

  for (const registry of [config.filters.universal, config.filters.liquid]) {
    for (const [name, entry] of registry) {
      liquid.registerFilter(name, function (this: FilterThis, ...args: unknown[]) {
        return entry.fn.call(withPageContext(this, pageDataOf(this.context)), ...args);
      });
    }
  }
  for (const [name, fn] of config.liquidTags) liquid.registerTag(name, fn(liquid) as Parameters<Liquid["registerTag"]>[1]);
  for (const registry of [config.shortcodes.universal, config.shortcodes.liquid]) {
    for (const [name, entry] of registry) registerShortcode(liquid, name, entry, false, config.liquidParameterParsing === "builtin");
  }
  for (const registry of [config.pairedShortcodes.universal, config.pairedShortcodes.liquid]) {
    for (const [name, entry] of registry) registerShortcode(liquid, name, entry, true, config.liquidParameterParsing === "builtin");
  }

  return {
    name: "liquid",
    compile(source: string, file?: string): RenderFunction {
      const templates = liquid.parse(source, file);
      return async (data: TemplateData) => String(await liquid.render(templates, data));
    },
    needsCompilation: hasLiquidSyntax,
    invalidate(): void {
      const cache = liquid.options.cache as { clear?: () => void } | undefined;
      cache?.clear?.();
    },
  };
}
