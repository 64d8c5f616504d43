/**
 * Serves files from a folder: content types, directory indexes, the site's own 404 page,
 * and no way out of the folder (encoded `..`, absolute paths and symlinks are refused).
 */
import { createReadStream, realpathSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
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
  ".pdf": "application/pdf",
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticOptions {
  root: string;
  /** URL prefix the site is served under, e.g. `/docs/`. */
  pathPrefix?: string;
}

/** Maps a request path to a file inside root, or undefined when it would leave root. */
export function resolveRequestPath(root: string, urlPath: string, pathPrefix = "/"): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  if (pathPrefix !== "/" && decoded.startsWith(pathPrefix)) decoded = `/${decoded.slice(pathPrefix.length)}`;
  const segments = decoded.split(/[\\/]+/);
  if (segments.includes("..")) return undefined;
  const candidate = path.join(root, ...segments);
  const realRoot = safeRealpath(root);
  if (!realRoot) return undefined;
  const real = safeRealpath(candidate);
  if (real && real !== realRoot && !real.startsWith(realRoot + path.sep)) return undefined;
  return candidate;
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function fileFor(candidate: string): string | undefined {
  try {
    const st = statSync(candidate);
    if (st.isFile()) return candidate;
    if (st.isDirectory()) {
      const index = path.join(candidate, "index.html");
      if (statSync(index).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function createStaticHandler(options: StaticOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const urlPath = (req.url ?? "/").split("?")[0]!.split("#")[0]!;
    const candidate = resolveRequestPath(options.root, urlPath, options.pathPrefix);
    if (!candidate) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request\n");
      return;
    }
    if (!urlPath.endsWith("/") && fileFor(candidate)?.endsWith(`${path.sep}index.html`) && !candidate.endsWith("index.html")) {
      res.writeHead(301, { Location: `${urlPath}/` }).end();
      return;
    }
    const file = fileFor(candidate);
    if (!file) {
      const notFound = fileFor(path.join(options.root, "404.html"));
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      if (notFound && req.method === "GET") createReadStream(notFound).pipe(res);
      else res.end("Not found\n");
      return;
    }
    res.writeHead(200, { "Content-Type": contentType(file), "Cache-Control": "no-cache" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };
}
