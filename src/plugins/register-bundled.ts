/**
 * Plinth's versions of the plugins Eleventy bundles, and the ones every site gets by default.
 * Bundled plugins are found by package name through `eleventyConfig.resolvePlugin`, as the RSS
 * plugin does; each is one function object marked unique, so adding it twice adds it once.
 */
import bundlePlugin from "@11ty/eleventy-plugin-bundle";
import { bundledPlugins, type UserConfig, type UserFunction } from "../config/user-config.js";
import { htmlBasePlugin } from "./html-base-plugin.js";
import { htmlRelativeCopyPlugin } from "./html-relative-copy.js";
import { i18nPlugin } from "./i18n-plugin.js";
import { renderPlugin } from "./render-plugin.js";
import { inputPathToUrlFilterPlugin, inputPathToUrlTransformPlugin } from "./input-path-to-url.js";
import { renderTransformsFilterPlugin } from "./render-transforms-filter.js";

type PluginFunction = (eleventyConfig: UserConfig, options?: never) => void;

function bundled(name: string, fn: PluginFunction): UserFunction {
  const plugin = fn as unknown as UserFunction;
  Object.defineProperty(plugin, "eleventyPackage", { value: name });
  Object.defineProperty(plugin, "eleventyPluginOptions", { value: { unique: true } });
  return plugin;
}

const plugins: Record<string, UserFunction> = {
  "@11ty/eleventy/html-base-plugin": bundled("@11ty/eleventy/html-base-plugin", htmlBasePlugin),
  "@11ty/eleventy/inputpath-to-url-plugin": bundled("@11ty/eleventy/inputpath-to-url-plugin", inputPathToUrlTransformPlugin),
  // Already named and marked unique by its module.
  "@11ty/eleventy/i18n-plugin": i18nPlugin as unknown as UserFunction,
  "@11ty/eleventy/render-plugin": renderPlugin as unknown as UserFunction,
};

const htmlRelativeCopy = bundled("@11ty/eleventy/html-relative-copy-plugin", htmlRelativeCopyPlugin);

/** Makes the bundled plugins available to `resolvePlugin`. */
export function registerBundledPlugins(): void {
  for (const [name, plugin] of Object.entries(plugins)) bundledPlugins.set(name, plugin);
}

/**
 * What Eleventy's default config adds before a site's config runs: the bundle plugin (the real
 * one, `@11ty/eleventy-plugin-bundle`, with no bundles until the site adds some, so `addBundle`,
 * `{% css %}` and `getBundle` work as in Eleventy), then the `inputPathToUrl` and
 * `renderTransforms` filters. They are added directly, not queued as plugins, so a site's own
 * filter of the same name still wins.
 */
export function addDefaultPlugins(config: UserConfig): void {
  registerBundledPlugins();
  bundlePlugin(config, { bundles: false, immediate: true });
  // Eleventy's htmlTransformer runs right after the transforms its default config added so far.
  config.transformsBeforeHtmlTransformer = config.transforms.size;
  // Queued, as Eleventy's default config does: it reads the site's html-relative copies once they are added.
  config.addPlugin(htmlRelativeCopy);
  inputPathToUrlFilterPlugin(config);
  renderTransformsFilterPlugin(config);
}
