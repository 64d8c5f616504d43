// Bundles the studio's browser app (src/studio/client/) into dist/src/studio/public/:
// index.html, app.js and app.css, minified, with no external requests, since the studio
// serves them under `script-src 'self'; style-src 'self'`. Run by `npm run build` after tsc.
// `--metafile` also writes dist/studio-bundle-meta.json, for looking at what takes the room.

import { build } from "esbuild";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const client = path.join(root, "src", "studio", "client");
const out = path.join(root, "dist", "src", "studio", "public");

await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: { app: path.join(client, "main.tsx") },
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "preact",
  outdir: out,
  legalComments: "none",
  metafile: process.argv.includes("--metafile"),
  logLevel: "warning",
});
await copyFile(path.join(client, "index.html"), path.join(out, "index.html"));
if (result.metafile) await writeFile(path.join(root, "dist", "studio-bundle-meta.json"), JSON.stringify(result.metafile));

const js = await readFile(path.join(out, "app.js"));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
process.stdout.write(`[studio] bundled app.js ${kb(js.length)} (${kb(gzipSync(js, { level: 9 }).length)} gzipped) into ${path.relative(root, out)}\n`);
