/**
 * The order of a page's transforms, as Eleventy 3 runs them: the transforms its default config
 * added first (the bundle plugin's, which fills `getBundle` in), then the htmlTransformer (PostHTML
 * plugins and URL transforms, so empty bundle tags can be pruned), then every transform added
 * after (the site's and its plugins').
 */
import type { UserConfig, UserFunction } from "../config/user-config.js";

export type TransformStep = { kind: "transform"; name: string; fn: UserFunction } | { kind: "html" };

export function transformSteps(config: Pick<UserConfig, "transforms" | "transformsBeforeHtmlTransformer">): TransformStep[] {
  const steps: TransformStep[] = [...config.transforms].map(([name, fn]) => ({ kind: "transform", name, fn }));
  steps.splice(Math.min(config.transformsBeforeHtmlTransformer, steps.length), 0, { kind: "html" });
  return steps;
}
