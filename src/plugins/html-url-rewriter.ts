/**
 * Rewrites every URL attribute of an HTML document (href, src, srcset, poster, cite, action,
 * meta refresh and the others) through one callback. It uses posthtml and
 * @11ty/posthtml-urls, the pair Eleventy's htmlTransformer uses, so a document that passes
 * through here is parsed and printed exactly as Eleventy would print it.
 */
import type posthtmlModule from "posthtml";
import type posthtmlUrlsModule from "@11ty/posthtml-urls";
import { lazyRequire } from "../util/lazy-require.js";

const posthtml = lazyRequire<typeof posthtmlModule>("posthtml");
const posthtmlUrls = lazyRequire<typeof posthtmlUrlsModule>("@11ty/posthtml-urls");

/** Where a URL was found, as Eleventy passes it to URL transforms. */
export interface UrlContext {
  attribute: string;
  tag: string;
}

/** Returns the new URL; whatever it returns is written back into the attribute. */
export type UrlRewrite = (url: string, where: UrlContext) => unknown;

/** The PostHTML plugin that applies `rewrite` to each URL attribute. */
export function urlRewritePlugin(rewrite: UrlRewrite): ReturnType<typeof posthtmlUrlsModule> {
  return posthtmlUrls()({ eachURL: (url, attribute, tag) => rewrite(url, { attribute, tag }) });
}

/** Runs `rewrite` on each URL in `html` and returns the re-printed document. */
export async function rewriteHtmlUrls(html: string, rewrite: UrlRewrite): Promise<string> {
  const result = await posthtml()().use(urlRewritePlugin(rewrite)).process(html);
  return result.html;
}
