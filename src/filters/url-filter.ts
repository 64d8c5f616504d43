/**
 * The `url` filter: prefixes a site-relative URL with the path prefix. Full URLs and
 * protocol-relative URLs are left alone; other paths are normalised the way Eleventy's
 * filter normalises them (`foo/./bar` becomes `foo/bar`, an empty URL becomes `.`), because
 * the HTML <base> plugin routes every URL of a page through this function.
 */
import path from "node:path";

/** True when `url` parses on its own as a URL, which is Eleventy's test for "full URL". */
export function isFullUrl(url: string): boolean {
  return URL.canParse(url);
}

/** POSIX join that keeps at most one trailing slash, like Eleventy's `normalizeUrlPath`. */
function joinUrlPath(...parts: string[]): string {
  return path.posix.join(...parts).replace(/\/+$/, "/");
}

export function urlFilter(url: unknown, pathPrefix = "/"): string {
  const value = url ? String(url) : "";
  if (isFullUrl(value) || (value.startsWith("//") && value !== "//")) return value;
  const normalized = joinUrlPath(value);
  const root = joinUrlPath("/", pathPrefix);
  if (normalized === "/" || normalized === root) return root.endsWith("/") ? root : `${root}/`;
  if (normalized.startsWith("/")) return joinUrlPath("/", pathPrefix, value);
  return normalized;
}
