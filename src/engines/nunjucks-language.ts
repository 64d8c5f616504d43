/** Nunjucks, with Eleventy's loader paths, filters, shortcodes, paired shortcodes, tags and globals. */
import nunjucks from "nunjucks";
import type { FunctionEntry, UserConfig } from "../config/user-config.js";
import { recordFile } from "../engine/render-tracking.js";
import { withPageContext } from "./call-context.js";
import { isPureFilter, memoizeCallbackFilter } from "./filter-memo.js";
import type { RenderFunction, TemplateData, TemplateLanguage } from "./template-language.js";

type Callback = (error: unknown, result?: unknown) => void;
interface NunjucksCallThis {
  ctx?: TemplateData;
  env?: nunjucks.Environment;
}
interface ExtensionParser {
  nextToken(): { value: string };
  parseSignature(a: boolean, b: boolean): { children: unknown[]; addChild(node: unknown): void };
  advanceAfterBlockEnd(name?: string): void;
  parseUntilBlocks(...names: string[]): unknown;
}
interface ExtensionNodes {
  Literal: new (line: number, col: number, value: string) => unknown;
  CallExtension: new (ext: unknown, method: string, args: unknown, body?: unknown[]) => unknown;
  CallExtensionAsync: new (ext: unknown, method: string, args: unknown, body?: unknown[]) => unknown;
}

/** Whether a text holds Nunjucks syntax (comments too: they render to nothing). */
export function hasNunjucksSyntax(source: string): boolean {
  return source.includes("{{") || source.includes("{%") || source.includes("{#");
}

export interface NunjucksOptions {
  searchPaths: string[];
  config: UserConfig;
}

function contextData(self: NunjucksCallThis): TemplateData | undefined {
  return self.ctx;
}

/**
 * Hands a value to a Nunjucks callback. The rest of the template runs inside that callback, so
 * a later error would be thrown here, in our promise chain, where Nunjucks cannot see it: such
 * an error goes back to Nunjucks through the same callback, and the render fails normally.
 */
function settle(done: Callback, value: unknown): void {
  try {
    done(null, value);
  } catch (error) {
    done(error);
  }
}

/** Runs a shortcode or filter that may be async, then continues the template with its value. */
function continueWith(done: Callback, run: () => unknown, wrap: (value: unknown) => unknown): void {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    done(error);
    return;
  }
  // A synchronous result continues synchronously, inside Nunjucks' own error handling, as in Eleventy.
  if (!(result instanceof Promise)) {
    done(null, wrap(result));
    return;
  }
  result.then((value) => settle(done, wrap(value)), (error: unknown) => done(error));
}

const safe = (value: unknown) => new nunjucks.runtime.SafeString(String(value ?? ""));

function shortcodeExtension(name: string, entry: FunctionEntry, paired: boolean): nunjucks.Extension {
  const extension = {
    tags: [name],
    parse(parser: ExtensionParser, nodes: ExtensionNodes) {
      const token = parser.nextToken();
      const args = parser.parseSignature(true, true);
      if (!paired && args.children.length === 0) args.addChild(new nodes.Literal(0, 0, ""));
      parser.advanceAfterBlockEnd(token.value);
      if (paired) {
        const body = parser.parseUntilBlocks(`end${name}`);
        parser.advanceAfterBlockEnd();
        return new nodes.CallExtensionAsync(extension, "run", args, [body]);
      }
      return entry.async ? new nodes.CallExtensionAsync(extension, "run", args) : new nodes.CallExtension(extension, "run", args);
    },
    run(context: NunjucksCallThis, ...rest: unknown[]) {
      const self = withPageContext({ ctx: context.ctx, env: context.env }, context.ctx);
      if (paired) {
        const done = rest.pop() as Callback;
        const body = rest.pop() as (cb: Callback) => void;
        body((error, content) => {
          if (error) return done(error);
          continueWith(done, () => entry.fn.call(self, content, ...rest), safe);
        });
        return undefined;
      }
      if (entry.async) {
        const done = rest.pop() as Callback;
        continueWith(done, () => entry.fn.call(self, ...rest), safe);
        return undefined;
      }
      return new nunjucks.runtime.SafeString(String(entry.fn.call(self, ...rest) ?? ""));
    },
  };
  return extension as unknown as nunjucks.Extension;
}

/** Nunjucks keeps no position for filter calls: the filter's name lets the error be found in the source. */
function tagFilterError(error: unknown, name: string): unknown {
  if (error && typeof error === "object" && !("filterName" in error)) Object.defineProperty(error, "filterName", { value: name });
  return error;
}

function wrapFilter(name: string, entry: FunctionEntry): (...args: unknown[]) => unknown {
  if (entry.async) {
    return function (this: NunjucksCallThis, ...args: unknown[]) {
      const done = args.pop() as Callback;
      const self = withPageContext(this, contextData(this));
      continueWith(done, () => entry.fn.call(self, ...args), (value) => value);
    };
  }
  return function (this: NunjucksCallThis, ...args: unknown[]) {
    try {
      return entry.fn.call(withPageContext(this, contextData(this)), ...args);
    } catch (error) {
      throw tagFilterError(error, name);
    }
  };
}

/**
 * A callback-style async filter continues the template inside its callback, often from a
 * promise of its own (the RSS plugin's htmlToAbsoluteUrls), where an error thrown later in the
 * template would be an unhandled rejection that ends the process: it goes back to Nunjucks
 * through the callback instead, as `settle` does for shortcodes.
 */
function guardCallback(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    const done = args.at(-1);
    if (typeof done === "function") args[args.length - 1] = (error: unknown, value?: unknown) => (error ? (done as Callback)(error) : settle(done as Callback, value));
    return fn.apply(this, args);
  };
}

function withThis(entry: FunctionEntry): (...args: unknown[]) => unknown {
  return function (this: NunjucksCallThis, ...args: unknown[]) {
    return entry.fn.call(withPageContext(this, contextData(this)), ...args);
  };
}

/** Records every template an include, import or extends loads, for incremental rebuilds. */
function recordIncludes(env: nunjucks.Environment): void {
  type GetTemplate = (...args: unknown[]) => unknown;
  const original = (env.getTemplate as unknown as GetTemplate).bind(env);
  (env as unknown as { getTemplate: GetTemplate }).getTemplate = (...args: unknown[]) => {
    const callbackIndex = args.findIndex((a) => typeof a === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (error: unknown, template?: { path?: string }) => void;
      args[callbackIndex] = (error: unknown, template?: { path?: string }) => {
        if (template?.path) recordFile(template.path);
        callback(error, template);
      };
      return original(...args);
    }
    const template = original(...args) as { path?: string } | undefined;
    if (template?.path) recordFile(template.path);
    return template;
  };
}

export function createNunjucksLanguage({ searchPaths, config }: NunjucksOptions): TemplateLanguage {
  const override = config.libraryOverrides.get("njk") as nunjucks.Environment | undefined;
  const loader = new nunjucks.FileSystemLoader(searchPaths);
  const envOptions = Object.keys(config.nunjucksEnvironmentOptions).length ? config.nunjucksEnvironmentOptions : { dev: true };
  const env = override ?? new nunjucks.Environment(loader, envOptions as nunjucks.ConfigureOptions);
  for (const fn of config.libraryAmendments.get("njk") ?? []) fn(env);
  recordIncludes(env);

  for (const [name, entry] of config.filters.universal) env.addFilter(name, wrapFilter(name, entry), entry.async);
  // Nunjucks-only async filters use Nunjucks' own callback style, so they are passed through as written.
  for (const [name, entry] of config.filters.nunjucks) {
    const filter = entry.async ? guardCallback(withThis(entry)) : wrapFilter(name, entry);
    env.addFilter(name, entry.async && isPureFilter(name, entry) ? memoizeCallbackFilter(filter, entry.fn) : filter, entry.async);
  }
  env.addExtension("setAsync", shortcodeExtension("setAsync", {
    async: false,
    fn(this: unknown, content: unknown, variable: unknown) {
      const ctx = (this as NunjucksCallThis).ctx;
      if (ctx) ctx[String(variable)] = content;
      return "";
    },
  }, true));
  for (const [name, fn] of config.nunjucksTags) env.addExtension(name, fn(nunjucks, env) as nunjucks.Extension);
  for (const registry of [config.shortcodes.universal, config.shortcodes.nunjucks]) {
    for (const [name, entry] of registry) env.addExtension(name, shortcodeExtension(name, entry, false));
  }
  for (const registry of [config.pairedShortcodes.universal, config.pairedShortcodes.nunjucks]) {
    for (const [name, entry] of registry) env.addExtension(name, shortcodeExtension(name, entry, true));
  }
  for (const [name, value] of config.nunjucksGlobals) env.addGlobal(name, value);

  return {
    name: "njk",
    compile(source: string, file?: string): RenderFunction {
      const template = new nunjucks.Template(source, env, file, true);
      return (data: TemplateData) =>
        new Promise<string>((resolve, reject) => {
          template.render(data, (error, result) => (error ? reject(error) : resolve(result ?? "")));
        });
    },
    needsCompilation: hasNunjucksSyntax,
    invalidate(file: string): void {
      for (const l of (env as unknown as { loaders: { pathsToNames?: Record<string, string>; cache?: Record<string, unknown> }[] }).loaders) {
        const name = l.pathsToNames?.[file];
        if (name !== undefined) {
          delete l.pathsToNames![file];
          delete l.cache![name];
        }
      }
    },
  };
}

