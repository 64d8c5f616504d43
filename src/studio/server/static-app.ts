/**
 * The browser app's files, bundled at build time into `dist/src/studio/public/`: `GET /` is its
 * index.html and `/_studio/<file>` its other files. When the client has not been built, `/`
 * says how to build it instead of failing.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contentType } from "../../server/static-handler.js";
import type { Reply, Router } from "./router.js";

/** dist/src/studio/public, beside this module's folder once compiled. */
export const PUBLIC_DIR = fileURLToPath(new URL("../public/", import.meta.url));

const MISSING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plinth Studio</title></head>
<body><h1>Plinth Studio</h1><p>The studio's browser app is not built. Run <code>npm run build</code> in Plinth's folder, then reload.</p>
<p>The API works meanwhile: see docs/studio.md.</p></body></html>
`;

function fileReply(file: string): Reply | null {
  try {
    if (!statSync(file).isFile()) return null;
    return { body: readFileSync(file), type: contentType(file), headers: { "Cache-Control": "no-cache" } };
  } catch {
    return null;
  }
}

export function appRoutes(r: Router, publicDir = PUBLIC_DIR): void {
  r.get("/", () => fileReply(path.join(publicDir, "index.html")) ?? { body: MISSING, type: "text/html; charset=utf-8" }, { action: "public" });
  r.get("/_studio/*", (req) => {
    let rest: string;
    try {
      rest = decodeURIComponent(req.rest);
    } catch {
      return notFoundReply();
    }
    // Only plain names below public/: no `..`, no hidden files, no backslashes.
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(rest) || rest.split("/").some((s) => s.startsWith("."))) return notFoundReply();
    return fileReply(path.join(publicDir, ...rest.split("/"))) ?? notFoundReply();
  }, { action: "public" });
}

function notFoundReply(): Reply {
  return { status: 404, body: "Not found\n", type: "text/plain; charset=utf-8" };
}
