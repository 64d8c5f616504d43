/**
 * Finds and runs a site's config file (Eleventy's names, CommonJS or ESM), then its plugins,
 * and resolves the project's options.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { freshImport } from "../util/fresh-import.js";
import { PlinthError, isPlinthError } from "../errors/plinth-error.js";
import { defaultOptions, type DirectoryOptions, type ProjectOptions } from "./project-options.js";
import { UserConfig, guardUnsupported, pluginName, type PluginCall, type UserFunction } from "./user-config.js";
import { recordFilterOrigins } from "./filter-origins.js";

export const configFileNames = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"];

export interface LoadConfigOptions {
  cwd: string;
  /** Explicit config path from `--config`; otherwise the working directory is searched. */
  configPath?: string;
  /** CLI overrides, which win over the config file. */
  input?: string;
  output?: string;
  pathPrefix?: string;
  formats?: string;
  /** Changes between builds in one process, so an edited config file is imported afresh. */
  importVersion?: number;
  /** Runs on the fresh config before the site's config file: built-in filters and plugins. */
  beforeConfig?: (config: UserConfig) => void;
}

export interface LoadedConfig {
  options: ProjectOptions;
  userConfig: UserConfig;
  /** Absolute path of the config file, when there is one. */
  configFile?: string;
}

export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit) {
    const abs = path.resolve(cwd, explicit);
    if (!existsSync(abs)) {
      throw new PlinthError("ConfigLoad", `The config file ${explicit} does not exist.`, {
        hint: "Check the path given to --config.",
      });
    }
    return abs;
  }
  for (const name of configFileNames) {
    const abs = path.join(cwd, name);
    if (existsSync(abs)) return abs;
  }
  return undefined;
}

type ConfigModule = { default?: unknown; config?: unknown; "module.exports"?: unknown };

async function importConfig(file: string, version?: number): Promise<ConfigModule> {
  try {
    return (await freshImport(file, version ?? 1)) as ConfigModule;
  } catch (cause) {
    const missing = /Cannot find (?:package|module) '([^']+)'/.exec(errorMessage(cause))?.[1];
    throw new PlinthError("ConfigLoad", `${path.basename(file)} threw while loading: ${errorMessage(cause)}`, {
      location: { file, ...errorLine(cause, file) },
      hint: missing
        ? `The config imports "${missing}", which is not installed here. Run \`npm install ${packageName(missing)}\` in the site's folder, or fix the import.`
        : undefined,
      cause,
    });
  }
}

/** `@scope/pkg/sub` -> `@scope/pkg`, `pkg/sub` -> `pkg`: what to `npm install` for an import. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Finds the config file's own line in a stack trace, so the error points into the user's code. */
function errorLine(error: unknown, file: string): { line?: number; column?: number } {
  const stack = error instanceof Error ? error.stack ?? "" : "";
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function filterFunctions(config: UserConfig): object[] {
  const { universal, nunjucks, liquid } = config.filters;
  return [...universal.values(), ...nunjucks.values(), ...liquid.values()].map((entry) => entry.fn);
}

/**
 * Runs one plugin. A plugin's errors are reported under its name; an asynchronous plugin's
 * promise is also kept in `pending`, because a plugin that adds another rarely awaits it.
 */
function runPlugin(plugin: PluginCall["plugin"], options: unknown, proxy: UserConfig, pending: Promise<unknown>[]): unknown {
  const fn: UserFunction | undefined =
    typeof plugin === "function" ? plugin : isRecord(plugin) && typeof plugin.configFunction === "function" ? plugin.configFunction : undefined;
  if (!fn) {
    throw new PlinthError("PluginFailed", "addPlugin was given something that is not a plugin function.", {
      hint: "Pass the plugin's function (often the package's default export) to addPlugin.",
    });
  }
  const fail = (cause: unknown): never => {
    if (isPlinthError(cause)) throw cause;
    throw new PlinthError("PluginFailed", `The plugin ${fn.name || "(anonymous)"} threw: ${errorMessage(cause)}`, { cause });
  };
  const filtersBefore = new Set(filterFunctions(proxy));
  let result: unknown;
  try {
    // Object plugins of the Eleventy 0.x and 1.x era get their `initArguments` through the `init` option first.
    const init = (options as { init?: unknown } | undefined)?.init;
    if (fn !== plugin && typeof init === "function") init.call(proxy, (plugin as { initArguments?: unknown }).initArguments ?? {});
    result = fn(proxy, options);
  } catch (cause) {
    fail(cause);
  }
  // A plugin run from inside another records its own filters first; the outer one takes the rest.
  const noteOrigins = (): void => recordFilterOrigins(pluginName(plugin), filtersBefore, filterFunctions(proxy));
  if (!(result instanceof Promise)) {
    noteOrigins();
    return result;
  }
  const settled = result.then((value) => {
    noteOrigins();
    return value;
  }, fail);
  // Marked handled here; the failure still surfaces when the loader awaits `pending`.
  settled.catch(() => undefined);
  pending.push(settled);
  return settled;
}

/** The second config stage: the queued plugins in order; plugins they add run at once (see addPlugin). */
async function runPlugins(config: UserConfig, proxy: UserConfig, pending: Promise<unknown>[]): Promise<void> {
  config.pluginStage = true;
  const outside = config.activeNamespace;
  for (const { plugin, options, namespace } of config.plugins) {
    config.activeNamespace = namespace;
    await runPlugin(plugin, options, proxy, pending);
  }
  config.activeNamespace = outside;
  await Promise.all(pending);
}

export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const userConfig = new UserConfig();
  userConfig.workingDirectory = opts.cwd;
  const proxy = guardUnsupported(userConfig);
  const pending: Promise<unknown>[] = [];
  userConfig.pluginRunner = (plugin, options) => runPlugin(plugin, options, proxy, pending);
  opts.beforeConfig?.(userConfig);
  const configFile = findConfigFile(opts.cwd, opts.configPath);
  if (configFile) {
    const mod = await importConfig(configFile, opts.importVersion);
    const exported = mod.default ?? mod["module.exports"];
    if (isRecord(mod.config)) Object.assign(userConfig.returnedOptions, mod.config);
    // As in Eleventy, the config function already sees the folders the command line and
    // `export const config` set (sites pass `directories.output` to plugins such as eleventy-img).
    Object.assign(userConfig.directories, directoryStrings(resolveOptions(userConfig, opts)));
    if (typeof exported === "function") {
      let returned: unknown;
      try {
        returned = await (exported as UserFunction)(proxy);
      } catch (cause) {
        if (isPlinthError(cause)) throw cause;
        throw new PlinthError("ConfigLoad", `${path.basename(configFile)} threw: ${errorMessage(cause)}`, {
          location: { file: configFile, ...errorLine(cause, configFile) },
          cause,
        });
      }
      if (isRecord(returned)) mergeReturned(userConfig.returnedOptions, returned);
    } else if (isRecord(exported)) {
      mergeReturned(userConfig.returnedOptions, exported);
    }
  }
  // Plugins read `eleventyConfig.pathPrefix` and `directories`, so settle them before plugins run.
  const early = resolveOptions(userConfig, opts);
  userConfig.pathPrefix = early.pathPrefix;
  Object.assign(userConfig.directories, directoryStrings(early));
  await runPlugins(userConfig, proxy, pending);
  const options = resolveOptions(userConfig, opts);
  return { options, userConfig: proxy, configFile };
}

function dirString(dir: string): string {
  const posix = dir.replace(/\\/g, "/");
  if (posix.startsWith("/")) return posix.endsWith("/") ? posix : `${posix}/`;
  const clean = posix.replace(/^\.\/?/, "").replace(/\/$/, "");
  return clean ? `./${clean}/` : "./";
}

/** Eleventy's `directories`: folders as `./`-prefixed, slash-terminated strings. */
export function directoryStrings(options: ProjectOptions): Record<string, string | undefined> {
  const input = dirString(options.dir.input);
  const join = (a: string, b: string) => dirString(path.posix.join(a, b));
  return {
    input,
    includes: join(input, options.dir.includes),
    layouts: options.dir.layouts ? join(input, options.dir.layouts) : undefined,
    data: join(input, options.dir.data),
    output: dirString(options.dir.output),
  };
}

function mergeReturned(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    if (key === "dir" && isRecord(value) && isRecord(target.dir)) target.dir = { ...target.dir, ...value };
    else target[key] = value;
  }
}

function resolveOptions(userConfig: UserConfig, cli: LoadConfigOptions): ProjectOptions {
  const options = defaultOptions();
  const returned = userConfig.returnedOptions;
  const dir: DirectoryOptions = { ...options.dir, ...userConfig.dir, ...(isRecord(returned.dir) ? (returned.dir as Partial<DirectoryOptions>) : {}) };
  if (cli.input) dir.input = cli.input;
  if (cli.output) dir.output = cli.output;
  options.dir = dir;

  const formats = returned.templateFormats ?? userConfig.templateFormats;
  if (typeof formats === "string" || Array.isArray(formats)) {
    options.templateFormats = (Array.isArray(formats) ? formats.map(String) : formats.split(",")).map((f) => f.trim()).filter(Boolean);
  }
  if (cli.formats) options.templateFormats = cli.formats === "*" ? options.templateFormats : cli.formats.split(",").map((f) => f.trim());
  options.templateFormats = [...new Set([...options.templateFormats, ...userConfig.addedTemplateFormats])];

  for (const key of ["markdownTemplateEngine", "htmlTemplateEngine", "dataTemplateEngine"] as const) {
    const value = returned[key];
    if (typeof value === "string" || value === false) options[key] = value;
  }
  const prefix = cli.pathPrefix ?? (typeof returned.pathPrefix === "string" ? returned.pathPrefix : userConfig.pathPrefix);
  if (prefix) options.pathPrefix = normalizePathPrefix(prefix);
  return options;
}

export function normalizePathPrefix(prefix: string): string {
  let p = prefix.trim();
  if (!p.startsWith("/")) p = `/${p}`;
  if (!p.endsWith("/")) p = `${p}/`;
  return p.replace(/\/+/g, "/");
}
