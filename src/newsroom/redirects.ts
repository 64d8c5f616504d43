/**
 * Redirects kept in one data file (`_data/redirects.json`), written out three ways: a
 * `_redirects` file (Netlify, Cloudflare Pages), an nginx `map`, and a small HTML page at each
 * old URL with a meta refresh and a canonical link, for hosts with no redirect support.
 */
import { escapeXml } from "../members/xml.js";
import { PlinthError } from "../errors/plinth-error.js";

export interface Redirect {
  from: string;
  to: string;
  status: number;
}

const STATUSES = new Set([301, 302, 303, 307, 308]);

/** Accepts `{"/old/": "/new/"}` or `[{"from": "/old/", "to": "/new/", "status": 302}]`. */
export function normalizeRedirects(value: unknown, file = "_data/redirects.json"): Redirect[] {
  if (value === undefined || value === null) return [];
  const fail = (message: string): never => {
    throw new PlinthError("RedirectsInvalid", `${file}: ${message}`, { location: { file } });
  };
  const entries: [unknown, unknown, unknown][] = Array.isArray(value)
    ? value.map((entry: unknown) => {
        const record = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
        return [record.from, record.to, record.status];
      })
    : typeof value === "object"
      ? Object.entries(value as Record<string, unknown>).map(([from, to]): [unknown, unknown, unknown] => [from, to, undefined])
      : fail("must be an object of old URL to new URL, or a list of {from, to, status}.");
  const seen = new Set<string>();
  return entries.map(([from, to, status]) => {
    if (typeof from !== "string" || !from.startsWith("/")) return fail(`the old URL ${JSON.stringify(from)} must be a path starting with "/".`);
    if (typeof to !== "string" || !to) return fail(`the new URL for ${from} must be a path or an absolute URL.`);
    if (status !== undefined && (typeof status !== "number" || !STATUSES.has(status))) return fail(`the status for ${from} must be one of 301, 302, 303, 307, 308.`);
    if (seen.has(from)) return fail(`${from} is redirected twice.`);
    seen.add(from);
    return { from, to, status: (status as number | undefined) ?? 301 };
  });
}

/** Netlify's and Cloudflare Pages' `_redirects`: `from to status`, one a line. */
export function netlifyRedirects(redirects: readonly Redirect[]): string {
  return redirects.map((r) => `${r.from} ${r.to} ${r.status}\n`).join("");
}

/**
 * An nginx `map` from old URI to new; the server block then does
 * `if ($plinth_redirect) { return 301 $plinth_redirect; }`.
 */
export function nginxMap(redirects: readonly Redirect[]): string {
  const quote = (value: string): string => `"${value.replace(/["\\]/g, "\\$&")}"`;
  return [
    "# Include in nginx's http block; in the server block add:",
    "#   if ($plinth_redirect) { return 301 $plinth_redirect; }",
    "map $uri $plinth_redirect {",
    ...redirects.map((r) => `  ${quote(r.from)} ${quote(r.to)};`),
    "}",
    "",
  ].join("\n");
}

/** Where the HTML page for an old URL goes: `/old/` and `/old` -> `/old/index.html`, `/old.html` stays. */
export function redirectPagePath(from: string): string {
  const path = from.split(/[?#]/)[0]!;
  if (path.endsWith("/")) return `${path}index.html`;
  return /\.html?$/.test(path) ? path : `${path}/index.html`;
}

export function redirectPage(redirect: Redirect, absoluteTo: string): string {
  const to = escapeXml(absoluteTo);
  return [
    "<!doctype html>",
    '<html lang="en">',
    '<meta charset="utf-8">',
    `<title>Moved to ${escapeXml(redirect.to)}</title>`,
    `<link rel="canonical" href="${to}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${to}">`,
    `<p>This page has moved to <a href="${to}">${escapeXml(redirect.to)}</a>.</p>`,
    "</html>",
    "",
  ].join("\n");
}
