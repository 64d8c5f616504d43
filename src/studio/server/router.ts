/**
 * A small router for the studio's API: exact paths (and `/prefix/*` for trees of URLs), one
 * handler per method, handlers that return a reply instead of writing to the response. About
 * fifteen routes do not need a framework; the server stays plain `node:http` like `plinth serve`.
 *
 * @example
 * export function pingRoutes(r: Router, ctx: StudioContext): void {
 *   r.get("/api/ping", (req) => ({ json: { pong: req.query.get("x") ?? ctx.inputDir } }));
 * }
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Action, StudioUser } from "../auth/roles.js";
import { badRequest, StudioHttpError } from "./http-error.js";

export type Method = "GET" | "PUT" | "POST" | "DELETE" | "PATCH";

/** What a handler answers: JSON, bytes with a type, or `sent` when it wrote the response itself (streams). */
export type Reply =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; body: string | Buffer; type: string; headers?: Record<string, string> }
  | { sent: true };

export interface StudioRequest {
  method: string;
  /** The URL's path, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Who asks: set by the server before any handler runs (token mode: an admin named after git's user.name). */
  user: StudioUser;
  /** For a `/prefix/*` route: the rest of the path after the prefix's `/`, still encoded. */
  rest: string;
  raw: IncomingMessage;
  res: ServerResponse;
  /** A query parameter that must be there: a 400 otherwise. */
  param(name: string): string;
  /** The body's bytes; a 413 when it is larger than `limit` (default 10 MB). */
  body(limit?: number): Promise<Buffer>;
  /** The body parsed as a JSON object; a 400 when it is anything else. */
  json(limit?: number): Promise<Record<string, unknown>>;
}

export type Handler = (req: StudioRequest) => Reply | Promise<Reply>;

/**
 * Who may call a route: an action of the role policy (checked before the handler runs; checks
 * that depend on the entry happen in the handler with `ctx.authorize`), `"signed-in"` for any
 * user, `"public"` for no login at all (the login page and its API, the app's own files).
 */
export type RouteAccess = Action | "signed-in" | "public";

export interface RouteOptions {
  action: RouteAccess;
}

/** One registered route, as listed for the every-role-every-route test. */
export interface RouteInfo {
  method: Method;
  path: string;
  /** Undefined when the route was registered without one: it is then for admins only. */
  action?: RouteAccess;
}

interface Entry {
  handler: Handler;
  action?: RouteAccess;
}

export type Match = { kind: "found"; handler: Handler; rest: string; action?: RouteAccess } | { kind: "method"; allowed: string[] } | { kind: "none" };

const MB = 1024 * 1024;

export class Router {
  private readonly exact = new Map<string, Map<string, Entry>>();
  private readonly prefixes: { prefix: string; handlers: Map<string, Entry> }[] = [];
  private readonly registered: RouteInfo[] = [];

  get(path: string, handler: Handler, options?: RouteOptions): void {
    this.add("GET", path, handler, options);
  }
  put(path: string, handler: Handler, options?: RouteOptions): void {
    this.add("PUT", path, handler, options);
  }
  post(path: string, handler: Handler, options?: RouteOptions): void {
    this.add("POST", path, handler, options);
  }
  delete(path: string, handler: Handler, options?: RouteOptions): void {
    this.add("DELETE", path, handler, options);
  }
  patch(path: string, handler: Handler, options?: RouteOptions): void {
    this.add("PATCH", path, handler, options);
  }

  /** Every route registered so far, in order. */
  routes(): readonly RouteInfo[] {
    return this.registered;
  }

  /** `path` is exact (`/api/entry`) or ends in `/*` for every path below it. */
  add(method: Method, path: string, handler: Handler, options?: RouteOptions): void {
    let handlers: Map<string, Entry> | undefined;
    if (path.endsWith("/*")) {
      const prefix = path.slice(0, -1);
      handlers = this.prefixes.find((p) => p.prefix === prefix)?.handlers;
      if (!handlers) {
        handlers = new Map();
        this.prefixes.push({ prefix, handlers });
        // The longest prefix wins.
        this.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
      }
    } else {
      handlers = this.exact.get(path) ?? new Map<string, Entry>();
      this.exact.set(path, handlers);
    }
    if (handlers.has(method)) throw new Error(`Two studio routes for ${method} ${path}`);
    handlers.set(method, { handler, action: options?.action });
    this.registered.push({ method, path, action: options?.action });
  }

  match(method: string, path: string): Match {
    const wanted = method === "HEAD" ? "GET" : method;
    const exact = this.exact.get(path);
    if (exact) return pick(exact, wanted, "");
    for (const { prefix, handlers } of this.prefixes) {
      if (path.startsWith(prefix)) return pick(handlers, wanted, path.slice(prefix.length));
    }
    return { kind: "none" };
  }
}

function pick(handlers: Map<string, Entry>, method: string, rest: string): Match {
  const entry = handlers.get(method);
  if (entry) return { kind: "found", handler: entry.handler, rest, action: entry.action };
  return { kind: "method", allowed: [...handlers.keys()] };
}

/** Reads a request body up to `limit` bytes. */
export function readBody(req: IncomingMessage, limit = 10 * MB): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(new StudioHttpError(413, "StudioBadRequest", `The request body is ${declared} bytes; at most ${limit} are accepted here.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new StudioHttpError(413, "StudioBadRequest", `The request body is over ${limit} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** JSON.parse's message without the text it quotes, which may be a password. */
export function withoutInput(message: string): string {
  return message.replace(/, ".*" is not valid JSON$/s, " is not valid JSON");
}

export function makeRequest(raw: IncomingMessage, res: ServerResponse, url: URL, rest: string, user: StudioUser): StudioRequest {
  let body: Promise<Buffer> | undefined;
  const request: StudioRequest = {
    method: raw.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    rest,
    user,
    raw,
    res,
    param(name) {
      const value = url.searchParams.get(name);
      if (value === null || value === "") throw badRequest(`The query parameter "${name}" is missing.`);
      return value;
    },
    body(limit) {
      body ??= readBody(raw, limit);
      return body;
    },
    async json(limit) {
      const bytes = await request.body(limit);
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString("utf8"));
      } catch (cause) {
        throw badRequest(`The request body is not JSON: ${withoutInput((cause as Error).message)}`, "Send `Content-Type: application/json` with a JSON object as the body.");
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw badRequest("The request body must be a JSON object.");
      return value as Record<string, unknown>;
    },
  };
  return request;
}
