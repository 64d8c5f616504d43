/**
 * The `eleventyConfig` object handed to a site's config file and its plugins.
 * It only records what the site asks for; the engine reads the records.
 * Names and signatures follow Eleventy 3 so existing config files run unchanged.
 */
import { PlinthError } from "../errors/plinth-error.js";
import { PluginLogger } from "./plugin-logger.js";
import type { DirectoryOptions } from "./project-options.js";
import type { HtmlRelativeCopyEntry, RenderedCopy } from "../plugins/html-relative-copy.js";
import type { TemplateRenderer } from "../plugins/render-plugin.js";

/** A function from a site's config or a plugin: user code of unknown shape. */
export type UserFunction = (this: unknown, ...args: unknown[]) => unknown;

export interface FunctionEntry {
  fn: UserFunction;
  async: boolean;
}

/** Filters, shortcodes and paired shortcodes, each kept per template language. */
export interface CallableRegistry {
  universal: Map<string, FunctionEntry>;
  nunjucks: Map<string, FunctionEntry>;
  liquid: Map<string, FunctionEntry>;
  javascript: Map<string, FunctionEntry>;
}

const registry = (): CallableRegistry => ({
  universal: new Map(),
  nunjucks: new Map(),
  liquid: new Map(),
  javascript: new Map(),
});

export interface PassthroughEntry {
  /** A path or glob relative to the working directory. */
  from: string;
  /** Destination relative to the output folder; undefined keeps the input-relative path. */
  to?: string;
  options?: Record<string, unknown>;
}

export interface DataExtension {
  parser: UserFunction;
  read: boolean;
  encoding: BufferEncoding;
}

export interface VirtualTemplate {
  /** Path relative to the input folder, for example `feed.njk`. */
  path: string;
  content: unknown;
  data: Record<string, unknown>;
}

export type EventName = "eleventy.before" | "eleventy.after" | "eleventy.beforeWatch" | "eleventy.beforeConfig";

export interface PluginCall {
  plugin: UserFunction | { configFunction: UserFunction; initArguments?: unknown };
  options: unknown;
  /** The namespace active when the config file queued it; what the plugin adds is prefixed with it. */
  namespace: string;
}

/** A URL rewrite applied to every URL attribute of HTML outputs (Eleventy's `htmlTransformer`). */
export interface UrlTransform {
  extensions: string[];
  fn: UserFunction;
  priority: number;
  enabled?: (context: unknown) => boolean;
}

/** A PostHTML plugin run over HTML outputs before the URL transforms (Eleventy's `addPosthtmlPlugin`). */
export interface PosthtmlPluginEntry {
  extensions: string[];
  /** Called per page with the page context merged with `options`; returns the PostHTML plugin. */
  fn: UserFunction;
  priority: number;
  enabled?: () => boolean;
  options?: Record<string, unknown>;
}

/**
 * A template language added with `addExtension` (Eleventy 3's custom languages). `key` names an
 * existing language when the extension aliases it (`key: "11ty.js"` for `.11ty.jsx`).
 */
export interface ExtensionEntry {
  extension: string;
  key: string;
  compile?: UserFunction;
  /** `true` or a list of export names read from `getInstanceFromInputPath`, or a function of the input path. */
  getData?: boolean | string[] | UserFunction;
  getInstanceFromInputPath?: UserFunction;
  init?: UserFunction;
  read?: boolean;
  outputFileExtension?: string;
  useLayouts?: boolean;
  compileOptions?: { permalink?: unknown; [option: string]: unknown };
  [option: string]: unknown;
}

/**
 * `eleventyConfig.htmlTransformer`. A class, as in Eleventy, because plugins feature-detect it by
 * its constructor (the bundle plugin prunes empty `<style>` tags only when
 * `SUPPORTS_PLUGINS_ENABLED_CALLBACK` is set).
 */
export class HtmlTransformerConfig {
  static readonly SUPPORTS_PLUGINS_ENABLED_CALLBACK = true;

  constructor(
    private readonly urlTransforms: UrlTransform[],
    private readonly posthtmlPlugins: PosthtmlPluginEntry[],
    private readonly processOptions: Record<string, unknown>,
  ) {}

  addUrlTransform(extensions: string, fn: UserFunction, options: { priority?: number; enabled?: (context: unknown) => boolean } = {}): void {
    this.urlTransforms.push({ extensions: toList(extensions), fn, priority: options.priority ?? 0, enabled: options.enabled });
  }

  addPosthtmlPlugin(extensions: string, fn: UserFunction, options: { priority?: number; enabled?: () => boolean; pluginOptions?: Record<string, unknown> } = {}): void {
    this.posthtmlPlugins.push({ extensions: toList(extensions), fn, priority: options.priority ?? 0, enabled: options.enabled, options: options.pluginOptions });
  }

  setPosthtmlProcessOptions(options: Record<string, unknown>): void {
    Object.assign(this.processOptions, options);
  }
}

/** Plugins Eleventy bundles, found by package name through `resolvePlugin`. */
export const bundledPlugins = new Map<string, UserFunction>();

/** Real Eleventy APIs that Plinth does not implement yet: calling one fails loudly, never silently. */
const knownUnsupported = ["setNunjucksPrecompiledTemplates"];

export class UserConfig {
  readonly filters = registry();
  readonly shortcodes = registry();
  readonly pairedShortcodes = registry();
  readonly nunjucksGlobals = new Map<string, unknown>();
  readonly nunjucksTags = new Map<string, UserFunction>();
  readonly liquidTags = new Map<string, UserFunction>();
  readonly collections = new Map<string, UserFunction>();
  readonly passthroughCopies: PassthroughEntry[] = [];
  /** `addPassthroughCopy(glob, { mode: "html-relative" })` entries. */
  readonly htmlRelativeCopies: HtmlRelativeCopyEntry[] = [];
  /** Files the html-relative copies found while pages rendered, by output path. */
  readonly renderedCopies = new Map<string, RenderedCopy>();
  /** The build's template languages, lent to the Render plugin; set once the build has them. */
  templateRenderer?: TemplateRenderer;
  /** The folder the build runs in; set by the config loader. */
  workingDirectory = process.cwd();
  readonly layoutAliases = new Map<string, string>();
  readonly globalData = new Map<string, unknown>();
  readonly libraryOverrides = new Map<string, unknown>();
  readonly libraryAmendments = new Map<string, UserFunction[]>();
  readonly transforms = new Map<string, UserFunction>();
  readonly linters = new Map<string, UserFunction>();
  readonly preprocessors = new Map<string, { extensions: string[]; fn: UserFunction }>();
  readonly listeners = new Map<string, UserFunction[]>();
  readonly watchTargets: string[] = [];
  readonly dataExtensions = new Map<string, DataExtension>();
  /** `addExtension` entries by file extension, in the order added. */
  readonly extensions = new Map<string, ExtensionEntry>();
  readonly ignores = new Set<string>(["**/node_modules/**", ".git/**"]);
  readonly virtualTemplates: VirtualTemplate[] = [];
  readonly plugins: PluginCall[] = [];
  readonly serverOptions: Record<string, unknown> = {};
  readonly urlTransforms: UrlTransform[] = [];
  readonly posthtmlPlugins: PosthtmlPluginEntry[] = [];
  readonly posthtmlProcessOptions: Record<string, unknown> = {};
  readonly htmlTransformer = new HtmlTransformerConfig(this.urlTransforms, this.posthtmlPlugins, this.posthtmlProcessOptions);
  /**
   * How many transforms run before the htmlTransformer: Eleventy adds its htmlTransformer as a
   * transform right after the bundle plugin's, so transforms added before that point run first.
   */
  transformsBeforeHtmlTransformer = 0;

  templateFormats?: string[];
  addedTemplateFormats: string[] = [];
  useGitIgnore = true;
  dataDeepMerge = true;
  /** False: a page's data may set names Eleventy reserves (`content`, `page.url`, ...). */
  freezeReservedData = true;
  /** False: permalink strings are used as written (Eleventy's `setDynamicPermalinks`). */
  dynamicPermalinks = true;
  quietMode = false;
  layoutResolution = true;
  frontMatterParsingOptions: Record<string, unknown> = {};
  nunjucksEnvironmentOptions: Record<string, unknown> = {};
  liquidOptions: Record<string, unknown> = {};
  pathPrefix?: string;
  dir: Partial<DirectoryOptions> = {};
  /** Options returned from the config function or exported as `config`. */
  returnedOptions: Record<string, unknown> = {};

  /** Exposed for plugins that read Eleventy's version or feature-detect. */
  readonly versionNumber = "3.1.8";
  /**
   * Eleventy's benchmark groups, which plugins time themselves with (the I18n plugin does):
   * Plinth measures its own phases, so these measure nothing.
   */
  readonly benchmarkManager = {
    get: (_group: string) => ({ get: (_name: string) => ({ before: (): void => undefined, after: (): void => undefined }) }),
  };
  readonly logger = new PluginLogger(() => !this.quietMode);
  readonly javascriptFunctions: Record<string, UserFunction> = {};
  readonly directories: Record<string, string | undefined> = {};
  /** Set by the syntax highlight plugin; the Markdown library's `highlight` option. */
  markdownHighlighter?: UserFunction;

  // ---- namespaces ----------------------------------------------------------
  /** Prefixed to the names of filters, shortcodes, tags, globals, collections, transforms, linters and preprocessors added now. */
  activeNamespace = "";
  private namespaced(name: string): string {
    return this.activeNamespace + name;
  }
  /**
   * Eleventy's `namespace(prefix, callback)`: what the callback adds (and the plugins it queues
   * add) gets names starting with the prefix. Kept as Eleventy has it, an async function that
   * ends the namespace only after awaiting the callback, so a caller that does not await it
   * sees the same names it would in Eleventy.
   */
  async namespace(prefix: unknown, callback: (config: UserConfig) => unknown): Promise<void> {
    const valid = typeof prefix === "string" && prefix !== "";
    if (valid) this.activeNamespace = prefix;
    await callback(this);
    if (valid) this.activeNamespace = "";
  }

  // ---- filters -------------------------------------------------------------
  addFilter(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.filters.universal.set(name, { fn, async: isAsyncFunction(fn) });
    this.javascriptFunctions[name] = fn;
  }
  addAsyncFilter(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.filters.universal.set(name, { fn, async: true });
    this.javascriptFunctions[name] = fn;
  }
  addNunjucksFilter(name: string, fn: UserFunction, isAsync = false): void {
    this.filters.nunjucks.set(this.namespaced(name), { fn, async: isAsync });
  }
  addNunjucksAsyncFilter(name: string, fn: UserFunction): void {
    this.filters.nunjucks.set(this.namespaced(name), { fn, async: true });
  }
  addLiquidFilter(name: string, fn: UserFunction): void {
    this.filters.liquid.set(this.namespaced(name), { fn, async: false });
  }
  addJavaScriptFunction(name: string, fn: UserFunction): void {
    // JavaScript templates see these as `this.<name>` (the syntax highlight plugin adds `highlight`).
    this.javascriptFunctions[this.namespaced(name)] = fn;
  }
  /** JavaScript templates only (`this.name` in `.11ty.js`); Eleventy keeps them with the JavaScript functions. */
  addJavaScriptFilter(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.filters.javascript.set(name, { fn, async: isAsyncFunction(fn) });
    this.javascriptFunctions[name] = fn;
  }
  addJavaScriptShortcode(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.shortcodes.javascript.set(name, { fn, async: isAsyncFunction(fn) });
    this.javascriptFunctions[name] = fn;
  }
  addPairedJavaScriptShortcode(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.pairedShortcodes.javascript.set(name, { fn, async: isAsyncFunction(fn) });
    this.javascriptFunctions[name] = fn;
  }
  addMarkdownHighlighter(fn: UserFunction): void {
    this.markdownHighlighter = fn;
  }
  /**
   * A universal filter, else a JavaScript function (as in Eleventy, for plugins that keep their
   * options there: eleventy-img's serve-time image requests read them this way). Filters added
   * for Nunjucks or Liquid only are not found, as in Eleventy.
   */
  getFilter(name: string): UserFunction | undefined {
    // Eleventy falls back to the JavaScript functions (filters added with addJavaScriptFilter among them).
    return this.filters.universal.get(name)?.fn ?? this.javascriptFunctions[name];
  }
  getFilters(): Record<string, UserFunction> {
    return Object.fromEntries([...this.filters.universal].map(([k, v]) => [k, v.fn]));
  }

  // ---- shortcodes ----------------------------------------------------------
  addShortcode(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.shortcodes.universal.set(name, { fn, async: isAsyncFunction(fn) });
    this.javascriptFunctions[name] = fn;
  }
  addAsyncShortcode(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.shortcodes.universal.set(name, { fn, async: true });
    this.javascriptFunctions[name] = fn;
  }
  addNunjucksShortcode(name: string, fn: UserFunction): void {
    this.shortcodes.nunjucks.set(this.namespaced(name), { fn, async: false });
  }
  addNunjucksAsyncShortcode(name: string, fn: UserFunction): void {
    this.shortcodes.nunjucks.set(this.namespaced(name), { fn, async: true });
  }
  addLiquidShortcode(name: string, fn: UserFunction): void {
    this.shortcodes.liquid.set(this.namespaced(name), { fn, async: false });
  }
  addPairedShortcode(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.pairedShortcodes.universal.set(name, { fn, async: isAsyncFunction(fn) });
    this.javascriptFunctions[name] = fn;
  }
  addPairedAsyncShortcode(name: string, fn: UserFunction): void {
    name = this.namespaced(name);
    this.pairedShortcodes.universal.set(name, { fn, async: true });
    this.javascriptFunctions[name] = fn;
  }
  addPairedNunjucksShortcode(name: string, fn: UserFunction): void {
    this.pairedShortcodes.nunjucks.set(this.namespaced(name), { fn, async: false });
  }
  addPairedNunjucksAsyncShortcode(name: string, fn: UserFunction): void {
    this.pairedShortcodes.nunjucks.set(this.namespaced(name), { fn, async: true });
  }
  addPairedLiquidShortcode(name: string, fn: UserFunction): void {
    this.pairedShortcodes.liquid.set(this.namespaced(name), { fn, async: false });
  }
  getShortcode(name: string): UserFunction | undefined {
    return this.shortcodes.universal.get(name)?.fn;
  }
  getPairedShortcode(name: string): UserFunction | undefined {
    return this.pairedShortcodes.universal.get(name)?.fn;
  }

  // ---- tags and globals ----------------------------------------------------
  addNunjucksGlobal(name: string, value: unknown): void {
    this.nunjucksGlobals.set(this.namespaced(name), value);
  }
  addGlobalData(name: string, value: unknown): this {
    this.globalData.set(name, value);
    return this;
  }
  addNunjucksTag(name: string, fn: UserFunction): void {
    this.nunjucksTags.set(this.namespaced(name), fn);
  }
  addLiquidTag(name: string, fn: UserFunction): void {
    this.liquidTags.set(this.namespaced(name), fn);
  }

  // ---- collections, layouts, passthrough -----------------------------------
  addCollection(name: string, fn: UserFunction): void {
    this.collections.set(this.namespaced(name), fn);
  }
  addLayoutAlias(alias: string, target: string): void {
    this.layoutAliases.set(alias, target);
  }
  setLayoutResolution(enabled: boolean): void {
    this.layoutResolution = enabled;
  }
  addPassthroughCopy(input: string | string[] | Record<string, string>, options?: Record<string, unknown>): this {
    if (options?.mode !== undefined) {
      if (options.mode !== "html-relative") {
        throw new PlinthError("ConfigMisuse", `addPassthroughCopy was given mode "${String(options.mode)}".`, { hint: 'The only mode is "html-relative".' });
      }
      if (typeof input !== "string" && !Array.isArray(input)) {
        throw new PlinthError("ConfigMisuse", 'addPassthroughCopy with mode "html-relative" takes a glob or a list of globs, not an object.', {
          hint: "Eleventy does not support input -> output mappings in this mode either.",
        });
      }
      this.htmlRelativeCopies.push({ ...(options as Omit<HtmlRelativeCopyEntry, "match">), match: input });
      return this;
    }
    if (typeof input === "string") {
      this.passthroughCopies.push({ from: input, options });
    } else {
      for (const [from, to] of Object.entries(input)) this.passthroughCopies.push({ from, to, options });
    }
    return this;
  }
  addTemplate(virtualPath: string, content: unknown, data: Record<string, unknown> = {}): void {
    this.virtualTemplates.push({ path: virtualPath.replace(/^\.?\//, ""), content, data });
  }

  // ---- directories ---------------------------------------------------------
  // Eleventy ranks these below a `dir` returned or exported by the config file, and forbids them in plugins.
  setInputDirectory(dir: string): void {
    this.setDirectory("input", dir);
  }
  setOutputDirectory(dir: string): void {
    this.setDirectory("output", dir);
  }
  setIncludesDirectory(dir: string): void {
    this.setDirectory("includes", dir);
  }
  setLayoutsDirectory(dir: string): void {
    this.setDirectory("layouts", dir);
  }
  setDataDirectory(dir: string): void {
    this.setDirectory("data", dir);
  }
  private setDirectory(key: keyof DirectoryOptions, dir: string): void {
    if (this.pluginStage) {
      throw new PlinthError("ConfigMisuse", `eleventyConfig.set${key[0]!.toUpperCase()}${key.slice(1)}Directory was called from a plugin.`, {
        hint: "Eleventy does not allow the set*Directory methods in plugins either: call it in the config file itself.",
      });
    }
    this.dir[key] = dir;
  }

  // ---- libraries -----------------------------------------------------------
  setLibrary(engine: string, library: unknown): void {
    this.libraryOverrides.set(normalizeEngine(engine), library);
  }
  amendLibrary(engine: string, callback: UserFunction): void {
    const key = normalizeEngine(engine);
    const list = this.libraryAmendments.get(key) ?? [];
    list.push(callback);
    this.libraryAmendments.set(key, list);
  }
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void {
    this.nunjucksEnvironmentOptions = options;
  }
  setLiquidOptions(options: Record<string, unknown>): void {
    this.liquidOptions = options;
  }
  /** How Liquid shortcodes read their arguments: Eleventy's own lexer ("legacy") or liquidjs's ("builtin"). */
  liquidParameterParsing: "legacy" | "builtin" = "legacy";
  setLiquidParameterParsing(behavior: string): void {
    if (behavior !== "legacy" && behavior !== "builtin") {
      throw new PlinthError("ConfigMisuse", `setLiquidParameterParsing was given "${behavior}".`, { hint: 'Pass "legacy" (the default) or "builtin".' });
    }
    this.liquidParameterParsing = behavior;
  }
  setFrontMatterParsingOptions(options: Record<string, unknown>): void {
    this.frontMatterParsingOptions = options;
  }

  setFreezeReservedData(enabled: boolean): void {
    this.freezeReservedData = Boolean(enabled);
  }
  setDynamicPermalinks(enabled: boolean): void {
    this.dynamicPermalinks = Boolean(enabled);
  }

  /** `addDateParsing` callbacks: each may replace a page's `date` value before it is read. */
  readonly dateParsing: UserFunction[] = [];
  addDateParsing(callback: UserFunction): void {
    if (typeof callback !== "function") throw new PlinthError("ConfigMisuse", "addDateParsing expects a function.", { hint: "Pass a function (dateValue) => Date, luxon DateTime or string." });
    this.dateParsing.push(callback);
  }

  /** `setDataFileSuffixes`: how template and directory data files end (Eleventy: `[".11tydata", ""]`). */
  dataFileSuffixes?: string[];
  /** `setDataFileBaseName`: the name of every folder's data file, instead of the folder's own name. */
  dataFileBaseName?: string;
  setDataFileSuffixes(suffixes: string[]): void {
    this.dataFileSuffixes = suffixes;
  }
  setDataFileBaseName(baseName: string): void {
    this.dataFileBaseName = baseName;
  }

  // ---- data ----------------------------------------------------------------
  setDataDeepMerge(enabled: boolean): void {
    this.dataDeepMerge = enabled;
  }
  addDataExtension(extensions: string, parserOrOptions: UserFunction | { parser: UserFunction; read?: boolean; encoding?: BufferEncoding }): void {
    const spec =
      typeof parserOrOptions === "function"
        ? { parser: parserOrOptions, read: true, encoding: "utf8" as BufferEncoding }
        : { parser: parserOrOptions.parser, read: parserOrOptions.read ?? true, encoding: parserOrOptions.encoding ?? "utf8" };
    for (const ext of extensions.split(",").map((e) => e.trim()).filter(Boolean)) this.dataExtensions.set(ext, spec);
  }

  /** Eleventy's `addExtension(extension or list, options)`: one custom language per extension, never two. */
  addExtension(extension: string | string[], options: Partial<ExtensionEntry> = {}): void {
    for (const ext of Array.isArray(extension) ? extension : [extension]) {
      if (this.extensions.has(ext)) {
        throw new PlinthError("ConfigMisuse", `addExtension was called twice for "${ext}".`, {
          hint: "Eleventy allows one addExtension per file extension: merge the two into one call.",
        });
      }
      this.extensions.set(ext, { ...options, key: options.key ?? ext, extension: ext });
    }
  }

  // ---- formats, ignores, misc ----------------------------------------------
  setTemplateFormats(formats: string | string[]): void {
    this.templateFormats = toList(formats);
  }
  addTemplateFormats(formats: string | string[]): void {
    this.addedTemplateFormats.push(...toList(formats));
  }
  setUseGitIgnore(enabled: boolean): void {
    this.useGitIgnore = enabled;
  }
  setQuietMode(quiet: boolean): void {
    this.quietMode = quiet;
  }
  setServerOptions(options: Record<string, unknown>): void {
    Object.assign(this.serverOptions, options);
  }
  setBrowserSyncConfig(): void {
    // Accepted for compatibility: Eleventy 3 no longer uses Browsersync either.
  }
  addWatchTarget(target: string): void {
    this.watchTargets.push(target);
  }
  setWatchThrottle(): void {}
  /**
   * Options of Eleventy's own watcher and dev server. `plinth serve` has its own (see README), so
   * they are kept for plugins that read them back but change nothing; none affects the output.
   */
  readonly devServerOptions: Record<string, unknown> = {};
  setServerPassthroughCopyBehavior(behavior: string): void {
    this.devServerOptions.serverPassthroughCopyBehavior = behavior;
  }
  setWatchJavaScriptDependencies(enabled: boolean): void {
    this.devServerOptions.watchJavaScriptDependencies = Boolean(enabled);
  }
  setWatchThrottleWaitTime(milliseconds = 0): void {
    this.devServerOptions.watchThrottleWaitTime = milliseconds;
  }
  setChokidarConfig(options: Record<string, unknown> = {}): void {
    this.devServerOptions.chokidarConfig = options;
  }
  // No-ops Eleventy 3 keeps for configs written for the languages it moved out of core.
  addHandlebarsHelper(): void {}
  addHandlebarsShortcode(): void {}
  addPairedHandlebarsShortcode(): void {}
  setPugOptions(): void {}
  setEjsOptions(): void {}
  /** Eleventy 3's `configureErrorReporting({ allowMissingExtensions })`. */
  errorReporting: Record<string, unknown> = {};
  configureErrorReporting(options: Record<string, unknown>): void {
    Object.assign(this.errorReporting, options);
  }
  versionCheck(): void {
    // Plinth tracks Eleventy 3's behaviour; plugins asking for 1.x-3.x are satisfied.
  }
  addTransform(name: string, fn: UserFunction): void {
    this.transforms.set(this.namespaced(name), fn);
  }
  addLinter(name: string, fn: UserFunction): void {
    this.linters.set(this.namespaced(name), fn);
  }
  addPreprocessor(name: string, extensions: string | string[], fn: UserFunction): void {
    this.preprocessors.set(this.namespaced(name), { extensions: extensions === "*" ? ["*"] : toList(extensions), fn });
  }
  /**
   * Listeners that only keep what they are told for the build's own use (Plinth's bundled
   * plugins): a build the cache skips loses nothing by not calling them.
   */
  readonly buildLocalListeners = new WeakSet<UserFunction>();
  /**
   * `eleventy.before` listeners whose work is the main thread's alone (Plinth's bundled plugins
   * validate and log there): render threads skip them, so a site with only these may use them.
   */
  readonly mainThreadListeners = new WeakSet<UserFunction>();
  on(event: string, listener: UserFunction): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }
  /** Runs one plugin at once with the guarded config; set by the config loader. */
  pluginRunner?: (plugin: PluginCall["plugin"], options: unknown) => unknown;
  /** True once the config file has run and its queued plugins run (Eleventy's second config stage). */
  pluginStage = false;

  /**
   * Eleventy's rules, kept exactly because output depends on them: the config file's plugins are
   * queued; a plugin added by a plugin runs at once and is never queued; a unique plugin
   * (`eleventyPluginOptions.unique`) is skipped only when one of the same name is in the queue.
   * So two plugins that each add a unique plugin the config file did not add both run it.
   */
  addPlugin(plugin: PluginCall["plugin"], options: unknown = {}): unknown {
    const unique = (plugin as { eleventyPluginOptions?: { unique?: boolean } } | undefined)?.eleventyPluginOptions?.unique;
    if (unique && this.hasPlugin(plugin)) return undefined;
    const immediate = (options as { immediate?: unknown } | undefined)?.immediate === true;
    if ((this.pluginStage || immediate) && this.pluginRunner) return this.pluginRunner(plugin, options);
    this.plugins.push({ plugin, options, namespace: this.activeNamespace });
    return undefined;
  }
  /** Whether the config file queued a plugin of this name (Eleventy compares names, not functions). */
  hasPlugin(plugin: string | PluginCall["plugin"]): boolean {
    const name = typeof plugin === "string" ? plugin : pluginName(plugin);
    return this.plugins.some((entry) => pluginName(entry.plugin) === name);
  }
  resolvePlugin(name: string): UserFunction | Promise<UserFunction> {
    const plugin = bundledPlugins.get(name);
    if (!plugin) throw new PlinthError("UnsupportedApi", `The bundled plugin "${name}" is not supported yet by Plinth; see COMPAT.md`);
    // Eleventy loads the I18n plugin lazily, so sites `await` it; a promise keeps `.then` working too.
    return name === "@11ty/eleventy/i18n-plugin" ? Promise.resolve(plugin) : plugin;
  }
  /** Eleventy 3's `eleventyConfig.ignores` is a Set-like object; ours is a real Set. */
  get ignoresSet(): Set<string> {
    return this.ignores;
  }
}

/** A plugin's name as Eleventy takes it: its declared package, else its function's name. */
export function pluginName(plugin: PluginCall["plugin"]): string | undefined {
  const declared = (plugin as { eleventyPackage?: unknown } | undefined)?.eleventyPackage;
  if (typeof declared === "string") return declared;
  if (typeof plugin === "function") return plugin.name;
  return typeof plugin?.configFunction === "function" ? plugin.configFunction.name : undefined;
}

function toList(value: string | string[]): string[] {
  return (Array.isArray(value) ? value : value.split(",")).map((v) => v.trim()).filter(Boolean);
}

function normalizeEngine(engine: string): string {
  return engine === "markdown" ? "md" : engine === "nunjucks" ? "njk" : engine;
}

export function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === "function" && fn.constructor?.name === "AsyncFunction";
}

/**
 * Wraps a UserConfig so that Eleventy APIs Plinth lacks fail with a clear error naming them,
 * while feature detection of names Eleventy never had still sees `undefined`.
 */
export function guardUnsupported(config: UserConfig): UserConfig {
  const unsupported = new Set(knownUnsupported);
  return new Proxy(config, {
    get(target, property, receiver) {
      if (typeof property === "string" && !(property in target) && unsupported.has(property)) {
        return () => {
          throw new PlinthError("UnsupportedApi", `eleventyConfig.${property} is not supported yet by Plinth; see COMPAT.md`);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
