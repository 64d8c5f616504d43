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

export type Match = { kind: "found"; handler: Handler; rest: string } | { kind: "method"; allowed: string[] } | { kind: "none" };

const MB = 1024 * 1024;

export class Router {
  private readonly exact = new Map<string, Map<string, Handler>>();
  private readonly prefixes: { prefix: string; handlers: Map<string, Handler> }[] = [];

  get(path: string, handler: Handler): void {
    this.add("GET", path, handler);
  }
  put(path: string, handler: Handler): void {
    this.add("PUT", path, handler);
  }
  post(path: string, handler: Handler): void {
    this.add("POST", path, handler);
  }
  delete(path: string, handler: Handler): void {
    this.add("DELETE", path, handler);
  }
  patch(path: string, handler: Handler): void {
    this.add("PATCH", path, handler);
  }

  /** `path` is exact (`/api/entry`) or ends in `/*` for every path below it. */
  add(method: Method, path: string, handler: Handler): void {
    let handlers: Map<string, Handler> | undefined;
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
      handlers = this.exact.get(path) ?? new Map<string, Handler>();
      this.exact.set(path, handlers);
    }
    if (handlers.has(method)) throw new Error(`Two studio routes for ${method} ${path}`);
    handlers.set(method, handler);
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

function pick(handlers: Map<string, Handler>, method: string, rest: string): Match {
  const handler = handlers.get(method);
  if (handler) return { kind: "found", handler, rest };
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

export function makeRequest(raw: IncomingMessage, res: ServerResponse, url: URL, rest: string): StudioRequest {
  let body: Promise<Buffer> | undefined;
  const request: StudioRequest = {
    method: raw.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    rest,
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
        throw badRequest(`The request body is not JSON: ${(cause as Error).message}`, "Send `Content-Type: application/json` with a JSON object as the body.");
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw badRequest("The request body must be a JSON object.");
      return value as Record<string, unknown>;
    },
  };
  return request;
}
