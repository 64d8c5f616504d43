/**
 * Eleventy's HTML <base> plugin (`@11ty/eleventy/html-base-plugin`), which the RSS plugin
 * resolves and adds. It rewrites the URLs of a page against a base: the path prefix by default,
 * or a full URL such as a feed's site address. It gives three filters (`htmlBaseUrl`,
 * `transformWithHtmlBase`, `addPathPrefixToFullUrl`) and a URL transform on HTML outputs that
 * is on whenever the base is not `/` or a `renderTransforms` call passes a base.
 */
import path from "node:path";
import type { UserConfig } from "../config/user-config.js";
import { isFullUrl, urlFilter } from "../filters/url-filter.js";
import { rewriteHtmlUrls } from "./html-url-rewriter.js";

export interface HtmlBaseOptions {
  /** A folder such as `/docs/` or a full URL; the path prefix by default. */
  baseHref?: string;
  /** Comma-separated output extensions whose URLs are rewritten; `html` by default. */
  extensions?: string;
  /** Removed in Eleventy 3; passing it is an error there too. */
  filters?: unknown;
}

interface BaseUrlOptions {
  pathPrefix?: string;
  /** The URL of the page the link is on, to resolve relative links against. */
  pageUrl?: unknown;
}

/** What `this` holds in a filter: the page being rendered. */
interface FilterThis {
  page?: { url?: unknown };
}

/** What `this` holds in a URL transform: the page being transformed and a possible base override. */
interface TransformThis {
  url?: unknown;
  baseHref?: string;
}

/** Puts `pathPrefix` in front of the path of a full URL (after resolving `url` against `base`). */
export function addPathPrefixToUrl(url: string, pathPrefix: string | undefined, base?: string): string {
  const full = base ? new URL(url, base) : new URL(url);
  if (pathPrefix) full.pathname = path.posix.join(pathPrefix, full.pathname);
  return full.toString();
}

/**
 * Resolves one URL against `base`. Full URLs are kept. With a full-URL base, relative links are
 * first resolved against the page's own URL, then the path prefix is added. Otherwise the
 * base is a folder and the `url` filter applies it.
 */
export function applyBaseToUrl(url: unknown, base: string, options: BaseUrlOptions = {}): string {
  if (url === false) {
    throw new Error(`Invalid url transformed in the HTML \`<base>\` plugin. Did you attempt to link to a \`permalink: false\` page? Received: ${url}`);
  }
  const text = typeof url === "string" ? url : url === undefined || url === null ? "" : String(url);
  if (isFullUrl(text)) return text;
  if (!isFullUrl(base)) return urlFilter(text, base);
  let target = text;
  if (options.pageUrl && !target.startsWith("/")) {
    const resolved = new URL(target, `http://example.com${String(options.pageUrl)}`);
    target = resolved.pathname + resolved.hash;
  }
  return addPathPrefixToUrl(target, options.pathPrefix, base);
}

export function htmlBasePlugin(eleventyConfig: UserConfig, options: HtmlBaseOptions = {}): void {
  const opts = { baseHref: eleventyConfig.pathPrefix, extensions: "html", ...options };
  if (opts.filters !== undefined) {
    throw new Error("The `filters` option in the HTML Base plugin was removed to prevent future cross-plugin compatibility issues.");
  }
  const defaultBase = opts.baseHref;
  if (defaultBase === undefined) throw new Error("The `baseHref` option is required in the HTML Base plugin.");

  eleventyConfig.addFilter("addPathPrefixToFullUrl", (url: unknown) => addPathPrefixToUrl(String(url), eleventyConfig.pathPrefix));

  eleventyConfig.addFilter("htmlBaseUrl", function (this: unknown, url: unknown, baseOverride?: unknown, pageUrlOverride?: unknown) {
    const base = typeof baseOverride === "string" && baseOverride ? baseOverride : defaultBase;
    if (base === "/") return url;
    return applyBaseToUrl(url, base, { pathPrefix: eleventyConfig.pathPrefix, pageUrl: pageUrlOverride || (this as FilterThis).page?.url });
  });

  eleventyConfig.addAsyncFilter("transformWithHtmlBase", async function (this: unknown, content: unknown, baseOverride?: unknown, pageUrlOverride?: unknown) {
    const base = typeof baseOverride === "string" && baseOverride ? baseOverride : defaultBase;
    if (base === "/") return content;
    const pageUrl = pageUrlOverride || (this as FilterThis).page?.url;
    return rewriteHtmlUrls(String(content ?? ""), (url) => applyBaseToUrl(url.trim(), base, { pathPrefix: eleventyConfig.pathPrefix, pageUrl }));
  });

  eleventyConfig.htmlTransformer.addUrlTransform(
    opts.extensions,
    function (this: unknown, url: unknown) {
      const page = this as TransformThis;
      return applyBaseToUrl(String(url).trim(), page.baseHref || defaultBase, { pathPrefix: eleventyConfig.pathPrefix, pageUrl: page.url });
    },
    {
      // Priorities run high to low: the base goes last, after input-path and copy rewrites.
      priority: -2,
      enabled: (context: unknown) => Boolean((context as TransformThis).baseHref) || defaultBase !== "/",
    },
  );
}
