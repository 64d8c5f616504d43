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

/** Layouts ask for the same few URLs on every page: answers are kept, up to a bound. */
const answers = new Map<string, string>();
const MAX_ANSWERS = 50_000;

export function urlFilter(url: unknown, pathPrefix = "/"): string {
  const value = url ? String(url) : "";
  // The usual case, no prefix and a clean root-relative path: normalising leaves it as it is.
  if (pathPrefix === "/" && value.charCodeAt(0) === 47 && !value.includes("//") && !value.includes("/.")) return value;
  const key = `${pathPrefix}\0${value}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answer = prefixUrl(value, pathPrefix);
    answers.set(key, answer);
  }
  return answer;
}

function prefixUrl(value: string, pathPrefix: string): string {
  if (isFullUrl(value) || (value.startsWith("//") && value !== "//")) return value;
  const normalized = joinUrlPath(value);
  const root = joinUrlPath("/", pathPrefix);
  if (normalized === "/" || normalized === root) return root.endsWith("/") ? root : `${root}/`;
  if (normalized.startsWith("/")) return joinUrlPath("/", pathPrefix, value);
  return normalized;
}
