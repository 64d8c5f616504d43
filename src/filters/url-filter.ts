/**
 * The `url` filter: prefixes a site-relative URL with the path prefix. Full URLs,
 * protocol-relative URLs, anchors and relative paths are left alone, as in Eleventy.
 */
import path from "node:path";

export function urlFilter(url: unknown, pathPrefix = "/"): string {
  const value = url === undefined || url === null ? "" : String(url);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//") || value.startsWith("#") || value.startsWith("?")) return value;
  if (pathPrefix === undefined || typeof pathPrefix !== "string") return value;
  if (!value.startsWith("/")) return value;
  const normalized = path.posix.normalize(path.posix.join("/", pathPrefix, value));
  return value.endsWith("/") && !normalized.endsWith("/") ? `${normalized}/` : normalized;
}
