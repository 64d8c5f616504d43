/**
 * The project's own modules a JavaScript file loads (`./lib/filters.js` from the config, say),
 * followed transitively. The build cache fingerprints them: a filter changed in a helper
 * module must invalidate the cache as surely as a change to the config file itself.
 *
 * A scan of the source text, not a parse: a specifier inside a comment or a string is taken as
 * an import too, which only adds a file to the fingerprint. Packages (`markdown-it`) are left
 * to the lockfile; only relative and absolute specifiers are followed.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire(?:\.resolve)?\s*\(\s*)(["'`])((?:\.{1,2}|\/)[^"'`\n]*)\1/g;
const RESOLVABLE = ["", ".js", ".mjs", ".cjs", ".json", ".ts", ".mts", ".cts", "/index.js", "/index.mjs", "/index.cjs", "/index.json"];
const SCANNED = /\.(?:[cm]?js|[cm]?ts)$/;

export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[2]!);
}

function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier.split(/[?#]/)[0]!);
  for (const suffix of RESOLVABLE) {
    const candidate = base + suffix;
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // Unreadable candidates are not imports we can follow.
    }
  }
  return undefined;
}

/**
 * Every file reachable from `entries` through relative imports, the entries excluded, that is
 * inside `projectRoot` and not in a node_modules folder.
 */
export function localImports(entries: Iterable<string>, projectRoot: string): string[] {
  const seen = new Set<string>();
  const found = new Set<string>();
  const queue = [...entries].filter((file) => SCANNED.test(file));
  for (const file of queue) seen.add(file);
  while (queue.length) {
    const file = queue.pop()!;
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const specifier of importSpecifiers(source)) {
      const target = resolveSpecifier(file, specifier);
      if (!target || seen.has(target)) continue;
      const rel = path.relative(projectRoot, target);
      if (rel.startsWith("..") || path.isAbsolute(rel) || rel.split(path.sep).includes("node_modules")) continue;
      seen.add(target);
      found.add(target);
      if (SCANNED.test(target)) queue.push(target);
    }
  }
  return [...found].sort();
}
