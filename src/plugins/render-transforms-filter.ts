/**
 * The `renderTransforms` filter Eleventy gives every site: runs the site's transforms (URL
 * transforms first, then `addTransform` ones, as on a page's output) over a piece of content,
 * for a page given as an argument. RSS feeds use it with a full-URL base so that the links
 * inside each post's content become absolute.
 */
import type { UserConfig } from "../config/user-config.js";
import { applyHtmlTransformer, type TransformThis } from "./html-transformer.js";
import { transformSteps } from "./transform-steps.js";

interface PageLike {
  inputPath?: unknown;
  outputPath?: unknown;
  url?: unknown;
}

export function renderTransformsFilterPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addAsyncFilter("renderTransforms", async function (this: unknown, content: unknown, pageOverride?: unknown, baseHref?: unknown) {
    const page = (pageOverride || (this as { page?: unknown }).page) as PageLike | undefined;
    if (!page) throw new Error("renderTransforms needs a page: pass one, or call it inside a template that has `page`.");
    const context: TransformThis = {
      inputPath: page.inputPath,
      outputPath: page.outputPath,
      url: page.url,
      page,
      baseHref: typeof baseHref === "string" && baseHref ? baseHref : undefined,
    };
    let output: unknown = typeof content === "string" ? content : String(content ?? "");
    for (const step of transformSteps(eleventyConfig)) {
      if (step.kind === "html") {
        output = await applyHtmlTransformer(eleventyConfig, typeof output === "string" ? output : String(output ?? ""), context);
        continue;
      }
      try {
        output = await step.fn.call(context, output, page.outputPath);
      } catch (cause) {
        throw new Error(`Transform \`${step.name}\` encountered an error when transforming ${String(page.inputPath)}.`, { cause });
      }
    }
    return output;
  });
}
