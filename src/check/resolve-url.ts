/**
 * Where a URL written in a built page leads: a file of the output folder (with an optional
 * fragment), another site, or nowhere `plinth check` can follow (mailto:, data:, ...).
 * Absolute URLs on the site's own host count as internal, so they are checked offline too.
 */

export type Destination =
  | { type: "internal"; /** Path under the site root, decoded, without the path prefix, starting with `/`. */ path: string; fragment?: string; /** Written as http:// on the site's own host. */ insecure: boolean }
  /** A fragment of the page itself (`#top`). */
  | { type: "same-page"; fragment: string }
  | { type: "external"; url: string }
  /** A URL under the site's host but outside its path prefix, or one that cannot be decoded. */
  | { type: "invalid"; reason: string }
  | { type: "skipped" };

export interface SiteAddress {
  /** The site's public host, e.g. `lintel.example.org`; absolute URLs on it are internal. */
  host?: string;
  /** The path prefix the site is served under, `/` or `/docs/`. */
  pathPrefix: string;
}

/** Page URL of an output file: `news/index.html` -> `/news/`, `404.html` -> `/404.html`. */
export function pageUrlOf(outputPath: string, pathPrefix: string): string {
  const url = outputPath === "index.html" ? "" : outputPath.endsWith("/index.html") ? outputPath.slice(0, -"index.html".length) : outputPath;
  return `${pathPrefix}${url}`;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const BASE = "http://plinth-check.invalid";

function decodeFragment(hash: string): string | undefined {
  if (hash.length <= 1) return undefined;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** Resolves `raw`, found on the page at `pageUrl` (which includes the path prefix). */
export function resolveUrl(raw: string, pageUrl: string, site: SiteAddress): Destination {
  if (raw === "") return { type: "skipped" };
  if (raw.startsWith("#")) {
    const fragment = decodeFragment(raw);
    return fragment === undefined ? { type: "skipped" } : { type: "same-page", fragment };
  }
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") return { type: "skipped" };
  let url: URL;
  try {
    url = new URL(raw.startsWith("//") ? `https:${raw}` : raw, `${BASE}${pageUrl}`);
  } catch {
    return { type: "invalid", reason: "not a valid URL" };
  }
  const internal = url.origin === BASE || (site.host !== undefined && url.hostname.toLowerCase() === site.host);
  if (!internal) {
    url.hash = "";
    return { type: "external", url: url.href };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { type: "invalid", reason: "its path has a malformed %-escape" };
  }
  if (!path.startsWith(site.pathPrefix)) {
    if (!`${path}/`.startsWith(site.pathPrefix)) return { type: "invalid", reason: `it is outside the site's path prefix ${site.pathPrefix}` };
    path = site.pathPrefix;
  }
  return {
    type: "internal",
    path: `/${path.slice(site.pathPrefix.length)}`,
    fragment: decodeFragment(url.hash),
    insecure: url.origin !== BASE && url.protocol === "http:",
  };
}

/**
 * The output file a site path is served from, as a static host serves it: the file itself,
 * or a folder's `index.html`. Undefined when there is none.
 */
export function servedFile(sitePath: string, files: ReadonlySet<string>): string | undefined {
  const relative = sitePath.slice(1);
  if (relative === "" || relative.endsWith("/")) {
    const index = `${relative}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(relative)) return relative;
  const index = `${relative}/index.html`;
  return files.has(index) ? index : undefined;
}

/**
 * `resolveUrl` with a memory: a URL that does not depend on the page it is on (root-relative
 * or absolute) is resolved once. A site links to the same few thousand paths from every page.
 */
export function cachedResolver(site: SiteAddress): (raw: string, pageUrl: string) => Destination {
  const known = new Map<string, Destination>();
  return (raw, pageUrl) => {
    const independent = (raw.startsWith("/") && !raw.startsWith("//")) || SCHEME.test(raw);
    if (!independent) return resolveUrl(raw, pageUrl, site);
    let destination = known.get(raw);
    if (destination === undefined) {
      destination = resolveUrl(raw, "/", site);
      known.set(raw, destination);
    }
    return destination;
  };
}
