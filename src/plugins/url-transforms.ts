/**
 * Eleventy's `htmlTransformer`: the URL transforms that plugins register with
 * `eleventyConfig.htmlTransformer.addUrlTransform`, run over every URL attribute of an output
 * whose extension they asked for. Eleventy runs this as the first transform of each page, and
 * again inside the `renderTransforms` filter with a base override; both call `applyUrlTransforms`.
 * When no transform is enabled for a page its content is returned untouched, not re-printed.
 */
import type { UrlTransform } from "../config/user-config.js";
import { rewriteHtmlUrls } from "./html-url-rewriter.js";

/** `this` inside a transform, as Eleventy builds it. */
export interface TransformThis {
  inputPath: unknown;
  outputPath: unknown;
  url: unknown;
  page: unknown;
  /** Set by `renderTransforms(page, base)`: the HTML <base> plugin then resolves against it. */
  baseHref?: string;
}

/** The text after the last dot of the output path, exactly as Eleventy takes it. */
export function outputExtension(outputPath: unknown): string {
  return (typeof outputPath === "string" ? outputPath : "").split(".").pop() ?? "";
}

/** Transforms registered for this output and enabled for this page, highest priority first. */
export function activeUrlTransforms(transforms: readonly UrlTransform[], context: TransformThis): UrlTransform[] {
  const extension = outputExtension(context.outputPath);
  const active = transforms.filter((t) => t.extensions.includes(extension) && (!t.enabled || t.enabled(context)));
  // Array.prototype.sort is stable, so equal priorities keep the order they were added in.
  return active.sort((a, b) => b.priority - a.priority);
}

export async function applyUrlTransforms(transforms: readonly UrlTransform[], content: string, context: TransformThis): Promise<string> {
  const active = activeUrlTransforms(transforms, context);
  if (active.length === 0) return content;
  return rewriteHtmlUrls(content, (url, where) => {
    let current: unknown = url;
    for (const transform of active) current = transform.fn.call(context, current, where);
    return current;
  });
}
