/**
 * Eleventy's `htmlTransformer`: the PostHTML plugins and URL transforms that plugins register
 * through `eleventyConfig.htmlTransformer`, run over each output whose extension they asked
 * for. Eleventy runs this as the first transform of every page, and again inside the
 * `renderTransforms` filter with a base override; both call `applyHtmlTransformer`.
 * When nothing is enabled for a page its content is returned untouched, not re-printed.
 */
import type posthtmlModule from "posthtml";
import { lazyRequire } from "../util/lazy-require.js";
import type { PosthtmlPluginEntry, UrlTransform } from "../config/user-config.js";
import { urlRewritePlugin } from "./html-url-rewriter.js";

/** `this` inside a transform, as Eleventy builds it. */
export interface TransformThis {
  inputPath: unknown;
  outputPath: unknown;
  url: unknown;
  page: unknown;
  /** Set by `renderTransforms(page, base)`: the HTML <base> plugin then resolves against it. */
  baseHref?: string;
}

/** What the config recorded through `eleventyConfig.htmlTransformer`. */
export interface HtmlTransformerRecords {
  readonly urlTransforms: readonly UrlTransform[];
  readonly posthtmlPlugins: readonly PosthtmlPluginEntry[];
  readonly posthtmlProcessOptions: Record<string, unknown>;
}

type Posthtml = ReturnType<typeof posthtmlModule>;
const posthtml = lazyRequire<typeof posthtmlModule>("posthtml");
type PosthtmlPlugin = Parameters<Posthtml["use"]>[0];

/** The text after the last dot of the output path, exactly as Eleventy takes it. */
export function outputExtension(outputPath: unknown): string {
  return (typeof outputPath === "string" ? outputPath : "").split(".").pop() ?? "";
}

/** Highest priority first; Array.prototype.sort is stable, so ties keep the order they were added in. */
function byPriority<T extends { priority: number }>(entries: T[]): T[] {
  return entries.sort((a, b) => b.priority - a.priority);
}

/** URL transforms registered for this output and enabled for this page, in the order they run. */
export function activeUrlTransforms(transforms: readonly UrlTransform[], context: TransformThis): UrlTransform[] {
  const extension = outputExtension(context.outputPath);
  return byPriority(transforms.filter((t) => t.extensions.includes(extension) && (!t.enabled || t.enabled(context))));
}

function activePosthtmlPlugins(plugins: readonly PosthtmlPluginEntry[], context: TransformThis): PosthtmlPluginEntry[] {
  const extension = outputExtension(context.outputPath);
  return byPriority(plugins.filter((p) => p.extensions.includes(extension) && (!p.enabled || p.enabled())));
}

export async function applyHtmlTransformer(records: HtmlTransformerRecords, content: string, context: TransformThis): Promise<string> {
  const callbacks = activeUrlTransforms(records.urlTransforms, context);
  const plugins = activePosthtmlPlugins(records.posthtmlPlugins, context);
  if (callbacks.length === 0 && plugins.length === 0) return content;
  const processor = posthtml()();
  for (const plugin of plugins) processor.use(plugin.fn({ ...context, ...plugin.options }) as PosthtmlPlugin);
  if (callbacks.length > 0) {
    processor.use(
      urlRewritePlugin((url, where) => {
        let current: unknown = url;
        for (const transform of callbacks) current = transform.fn.call(context, current, where);
        return current;
      }),
    );
  }
  const result = await processor.process(content, records.posthtmlProcessOptions);
  return result.html;
}
