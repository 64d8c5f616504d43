/** `slugify` (Eleventy's recommended filter) and the older `slug`, from the same libraries Eleventy uses. */
import sindresorhusSlugify from "@sindresorhus/slugify";
import type slugifyModule from "slugify";
import { lazyRequire } from "../util/lazy-require.js";

/** The deprecated `slug` filter's library, loaded only by sites that use it. */
const slugifyLegacy = lazyRequire<typeof slugifyModule>("slugify");

const slugifyCache = new Map<string, string>();

export function slugifyFilter(input: unknown, options: Record<string, unknown> = {}): string {
  if (typeof input !== "string" && typeof input !== "number") {
    return input === undefined || input === null ? "" : String(input);
  }
  const text = String(input);
  const cacheable = Object.keys(options).length === 0;
  const cached = cacheable ? slugifyCache.get(text) : undefined;
  if (cached !== undefined) return cached;
  const result = sindresorhusSlugify(text, { decamelize: false, ...options });
  if (cacheable) slugifyCache.set(text, result);
  return result;
}

export function slugFilter(input: unknown, options: Record<string, unknown> = {}): string {
  if (typeof input !== "string") return input === undefined || input === null ? "" : String(input);
  return (slugifyLegacy() as unknown as (s: string, o: Record<string, unknown>) => string)(input, { replacement: "-", lower: true, ...options });
}
