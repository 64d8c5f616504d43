/**
 * Turns a request's URL into a path inside the site's output, or refuses it. This is the one
 * place that decides what a URL may name, for every kind of output (memory or disk): it works on
 * output-relative paths only, so no absolute path, `..` segment, backslash or NUL byte can
 * survive it, however the request encoded them.
 */

export type RequestTarget =
  /** `relative` is posix and relative to the output folder ("" is its root); `directory` when the URL ended in `/`. */
  | { kind: "output"; relative: string; directory: boolean }
  /** The URL is the path prefix without its final slash, or `/` under a prefix: send the browser to `location`. */
  | { kind: "redirect"; location: string }
  /** The URL lies outside the path prefix, so no output file can answer it. */
  | { kind: "outside-prefix" }
  /** Malformed or hostile: answered with 400. */
  | { kind: "bad"; reason: string };

/** `/docs/` style: a leading and a trailing slash, or just `/`. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "/").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The path part of a request target, before `?` or `#`. */
export function pathPart(rawUrl: string): string {
  const end = rawUrl.search(/[?#]/);
  return end === -1 ? rawUrl : rawUrl.slice(0, end);
}

/**
 * Where a request URL points inside the output.
 *
 * @example
 * requestTarget("/docs/guide/", "/docs/") // { kind: "output", relative: "guide", directory: true }
 * requestTarget("/%2e%2e/etc/passwd", "/") // { kind: "bad", reason: "`..` in the path" }
 */
export function requestTarget(rawUrl: string, pathPrefix = "/"): RequestTarget {
  const raw = pathPart(rawUrl);
  // Absolute-form targets (`http://host/x`) and `*` are proxy syntax, never sent by a browser to a dev server.
  if (!raw.startsWith("/")) return { kind: "bad", reason: "the path does not start with /" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: "bad", reason: "malformed percent-encoding" };
  }
  if (decoded.includes("\0")) return { kind: "bad", reason: "NUL byte in the path" };
  if (decoded.includes("\\")) return { kind: "bad", reason: "backslash in the path" };

  const prefix = normalizePrefix(pathPrefix);
  let rest = decoded;
  if (prefix !== "/") {
    if (decoded === "/" || decoded === prefix.slice(0, -1)) return { kind: "redirect", location: urlOfOutput("", prefix) };
    if (!decoded.startsWith(prefix)) return { kind: "outside-prefix" };
    rest = decoded.slice(prefix.length - 1);
  }

  const segments: string[] = [];
  for (const segment of rest.split("/")) {
    if (segment === "..") return { kind: "bad", reason: "`..` in the path" };
    if (segment === "" || segment === ".") continue;
    segments.push(segment);
  }
  return { kind: "output", relative: segments.join("/"), directory: rest.endsWith("/") || segments.length === 0 };
}

/** The URL of an output path under the prefix, for redirects and the live-reload client. */
export function urlOfOutput(relative: string, pathPrefix = "/"): string {
  const encode = (p: string) => p.split("/").map(encodeURIComponent).join("/");
  return `${encode(normalizePrefix(pathPrefix))}${encode(relative)}`;
}
