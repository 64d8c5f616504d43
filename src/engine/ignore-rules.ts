/**
 * Which files Plinth skips: node_modules, .git, the output folder, entries of `.gitignore`
 * (in the working directory) and `.eleventyignore` (working and input directories), and
 * the `ignores` set from the config. Patterns follow Eleventy: relative to the ignore file's folder.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { isInside, toPosix, type ProjectPaths } from "./project-paths.js";

export type IgnoreMatcher = (absolutePath: string) => boolean;

function patternsFromFile(file: string, cwd: string): string[] {
  if (!existsSync(file)) return [];
  const dir = path.dirname(file);
  const out: string[] = [];
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const abs = path.resolve(dir, line.replace(/^\//, ""));
    let rel = toPosix(path.relative(cwd, abs));
    try {
      if (statSync(abs).isDirectory()) rel = `${rel}/**`;
    } catch {
      // A pattern that names no existing file is still a glob.
    }
    out.push(rel);
  }
  return out;
}

export function ignoreFilePatterns(paths: ProjectPaths, useGitIgnore: boolean): string[] {
  const files = new Set<string>();
  if (useGitIgnore) files.add(path.join(paths.cwd, ".gitignore"));
  files.add(path.join(paths.cwd, ".eleventyignore"));
  files.add(path.join(paths.input, ".eleventyignore"));
  return [...files].flatMap((f) => patternsFromFile(f, paths.cwd));
}

export function createIgnoreMatcher(paths: ProjectPaths, configIgnores: Iterable<string>, useGitIgnore: boolean): IgnoreMatcher {
  const patterns = [...configIgnores, ...ignoreFilePatterns(paths, useGitIgnore)].map((p) => p.replace(/^\.\//, ""));
  const matches = picomatch(patterns, { dot: true });
  const outputInsideInput = !isInside(paths.output, paths.input);
  return (absolutePath: string) => {
    if (outputInsideInput && isInside(paths.output, absolutePath)) return true;
    const rel = toPosix(path.relative(paths.cwd, absolutePath));
    return matches(rel) || matches(`${rel}/`);
  };
}
