/**
 * Serves a site's output over HTTP: content types, directory indexes, the site's own 404 page
 * and the path prefix. Which paths may be served is decided by `request-path.ts`, where the
 * bytes come from by an `OutputSource`, so memory and disk share this one implementation.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { OutputSource } from "./output-source.js";
import { requestTarget, urlOfOutput } from "./request-path.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".zip": "application/zip",
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export function isHtml(file: string): boolean {
  return contentType(file).startsWith("text/html");
}

/** The output file a response was made from, for code that rewrites HTML on its way out. */
export interface ServedFile {
  /** Output-relative path, e.g. `about/index.html` or `404.html`. */
  relative: string;
  status: 200 | 404;
}

export interface StaticOptions {
  source: OutputSource;
  /** URL prefix the site is served under, e.g. `/docs/`. Default `/`. */
  pathPrefix?: string;
  /** Rewrites an HTML response (the dev server adds its client); the stored output is never changed. */
  decorateHtml?: (html: string, served: ServedFile) => string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const PLAIN = "text/plain; charset=utf-8";

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": String(bytes.length),
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    ...extra,
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** Sends a plain-text answer with no body of the site's, for errors and redirects. */
export function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  send(req, res, status, PLAIN, text, extra);
}

/** The `?…` part of a URL, kept across a redirect when it is plain printable ASCII. */
function queryOf(rawUrl: string): string {
  const match = /\?[^#]*/.exec(rawUrl);
  return match && /^[\x21-\x7e]*$/.test(match[0]) ? match[0] : "";
}

export function createStaticHandler(options: StaticOptions): Handler {
  const { source, decorateHtml } = options;
  const prefix = options.pathPrefix ?? "/";

  const sendFile = (req: IncomingMessage, res: ServerResponse, relative: string, body: string | Buffer, status: 200 | 404): void => {
    const type = contentType(relative);
    if (decorateHtml && type.startsWith("text/html")) {
      send(req, res, status, type, decorateHtml(body.toString(), { relative, status }));
    } else send(req, res, status, type, body);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    const page = source.read("404.html");
    if (page === undefined) sendText(req, res, 404, "Not found\n");
    else sendFile(req, res, "404.html", page, 404);
  };

  const handle: Handler = (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendText(req, res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
      return;
    }
    const rawUrl = req.url ?? "/";
    const target = requestTarget(rawUrl, prefix);
    if (target.kind === "bad") return sendText(req, res, 400, `Bad request: ${target.reason}\n`);
    if (target.kind === "redirect") return sendText(req, res, 302, `Moved to ${target.location}\n`, { Location: target.location });
    if (target.kind === "outside-prefix") return notFound(req, res);

    const { relative, directory } = target;
    const index = relative ? `${relative}/index.html` : "index.html";
    if (directory) {
      const body = source.read(index);
      return body === undefined ? notFound(req, res) : sendFile(req, res, index, body, 200);
    }
    const body = source.read(relative);
    if (body !== undefined) return sendFile(req, res, relative, body, 200);
    if (source.read(index) !== undefined) {
      const location = `${urlOfOutput(relative, prefix)}/${queryOf(rawUrl)}`;
      return sendText(req, res, 301, `Moved to ${location}\n`, { Location: location });
    }
    notFound(req, res);
  };

  return (req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // A request must never take the server down; the cause goes to the terminal.
      console.error(`[serve] ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendText(req, res, 500, "Internal error\n");
      else res.destroy();
    }
  };
}
