/**
 * Phase 1, scan: walks the input folder once and sorts every file into templates,
 * data files and the rest. Folders that are ignored are never entered.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { IgnoreMatcher } from "./ignore-rules.js";
import { isInside, type ProjectPaths } from "./project-paths.js";

export interface ScanResult {
  /** Template files (by format), absolute paths, sorted. */
  templates: string[];
  /** Every file found outside ignored folders, absolute paths, for passthrough matching. */
  files: string[];
}

export interface ScanOptions {
  paths: ProjectPaths;
  ignore: IgnoreMatcher;
  /** Template extensions without dot, e.g. `md`, `njk`, `11ty.js`. */
  templateExtensions: string[];
}

/** The `11ty.js` format covers CommonJS and ESM modules too, as in Eleventy. */
const javascriptExtensions = ["11ty.cjs", "11ty.mjs"];

export function isJavaScriptTemplateExtension(extension: string): boolean {
  return extension === "11ty.js" || javascriptExtensions.includes(extension);
}

export function templateExtensionOf(file: string, extensions: readonly string[]): string | undefined {
  const base = path.basename(file);
  let best: string | undefined;
  const consider = (ext: string): void => {
    if (base.endsWith(`.${ext}`) && base.length > ext.length + 1 && (!best || ext.length > best.length)) best = ext;
  };
  for (const ext of extensions) consider(ext);
  if (extensions.includes("11ty.js")) for (const ext of javascriptExtensions) consider(ext);
  return best;
}

/** Data files beside templates (`post.11tydata.js`, `dir.json`) are never templates. */
function isLocalDataFile(file: string): boolean {
  return /\.11tydata\.(js|cjs|mjs|json)$/.test(file);
}

export function scan(options: ScanOptions): ScanResult {
  const { paths, ignore, templateExtensions } = options;
  const templates: string[] = [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Files in the includes, layouts or data folders are never templates; asked once per folder.
    const holdsTemplates = !isInside(paths.includes, dir) && !isInside(paths.layouts, dir) && !isInside(paths.data, dir);
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name === ".git" || ignore(abs)) continue;
        walk(abs);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (ignore(abs)) continue;
        files.push(abs);
        if (!holdsTemplates || isLocalDataFile(abs)) continue;
        if (templateExtensionOf(abs, templateExtensions)) templates.push(abs);
      }
    }
  };
  walk(paths.input);
  templates.sort();
  files.sort();
  return { templates, files };
}
