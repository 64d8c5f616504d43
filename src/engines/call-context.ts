/**
 * What `this` holds inside a filter or shortcode: Eleventy exposes `this.page` and
 * `this.eleventy` from the data of the page being rendered, so we do the same.
 */
import type { TemplateData } from "./template-language.js";

export function withPageContext<T extends object>(target: T, data: TemplateData | undefined): T & { page?: unknown; eleventy?: unknown } {
  const out = target as T & { page?: unknown; eleventy?: unknown };
  if (!data) return out;
  if (data.page) out.page = data.page;
  if (data.eleventy) out.eleventy = data.eleventy;
  return out;
}
