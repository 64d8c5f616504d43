/**
 * `setServerOptions({ onRequest })`, as Eleventy's dev server runs it: a map of URL patterns
 * (URLPattern pathnames, below the path prefix) to functions that may answer a request before
 * the site's files are looked at. eleventy-img relies on it during `serve`: its transform
 * points images at `/.11ty/image/?src=…` and makes each one when the browser asks for it.
 *
 * The answers are read as Eleventy 2.1's dev server reads them: nothing (or a falsy value
 * other than "") lets the next pattern and then the site answer; a string is the body; an
 * object or a `Response` gives `status`, `headers` and `body`.
 */
import { URLPattern as URLPatternPolyfill } from "urlpattern-polyfill";
import { PlinthError } from "../errors/plinth-error.js";

/** What a hook answered, ready to send. Headers are only the hook's own. */
export interface HookAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: string | Buffer;
}

type Hook = (context: { url: URL; pattern: URLPatternPolyfill; patternGroups: Record<string, string | undefined> }) => unknown;

/** Node 20 has no URLPattern; Node 23.8 and later do, and that one is used when it exists. */
const URLPatternClass: typeof URLPatternPolyfill = (globalThis as { URLPattern?: typeof URLPatternPolyfill }).URLPattern ?? URLPatternPolyfill;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The pattern's path under the prefix, without a doubled slash (Eleventy's getServerPath). */
function prefixed(prefix: string, pattern: string): string {
  return prefix.endsWith("/") && pattern.startsWith("/") ? `${prefix}${pattern.slice(1)}` : `${prefix}${pattern}`;
}

function headerList(headers: unknown): Array<[string, string]> {
  if (headers instanceof Headers) return [...headers.entries()];
  if (isPlainObject(headers)) return Object.entries(headers).map(([name, value]) => [name, String(value)]);
  return [];
}

async function toAnswer(result: unknown, pattern: string): Promise<HookAnswer> {
  if (typeof result === "string") return { status: 200, headers: [], body: result };
  if (result instanceof Response || isPlainObject(result)) {
    const status = typeof result.status === "number" ? result.status : 200;
    const headers = headerList(result.headers);
    if (result instanceof Response) {
      // The body is sent as it is read: no compression of our own, so no encoding header of the fetch's.
      const body = Buffer.from(await result.arrayBuffer());
      const kept = headers.filter(([name]) => name.toLowerCase() !== "content-encoding" && name.toLowerCase() !== "content-length");
      return { status, headers: kept, body };
    }
    const body = result.body;
    return { status, headers, body: Buffer.isBuffer(body) ? body : body ? String(body) : "" };
  }
  throw new PlinthError(
    "ServeOnRequestResult",
    `The onRequest function for "${pattern}" (setServerOptions) returned ${result === null ? "null" : typeof result}: expected a string, an object literal or a Response.`,
  );
}

/**
 * Runs the site's onRequest hooks for one request URL (path and query, with the prefix);
 * undefined when none of them answered.
 *
 * @example
 * await answerOnRequest({ "/api/:name": ({ patternGroups }) => `hi ${patternGroups.name}` }, "/api/ada", "/", "http://localhost:8080")
 * // { status: 200, headers: [], body: "hi ada" }
 */
export async function answerOnRequest(hooks: unknown, requestUrl: string, prefix: string, origin: string): Promise<HookAnswer | undefined> {
  if (!isPlainObject(hooks)) return undefined;
  const url = new URL(requestUrl, origin);
  for (const [patternText, hook] of Object.entries(hooks)) {
    if (typeof hook !== "function") continue;
    const pattern = new URLPatternClass({ pathname: prefixed(prefix, patternText) });
    const match = pattern.exec(url.href);
    if (!match) continue;
    const result = await (hook as Hook)({ url, pattern, patternGroups: match.pathname.groups });
    if (!result && result !== "") continue;
    return toAnswer(result, patternText);
  }
  return undefined;
}
