/**
 * Absolute folders of a project and the conversions between absolute paths and the
 * `./`-prefixed, working-directory-relative paths that Eleventy shows to templates.
 */
import path from "node:path";
import type { ProjectOptions } from "../config/project-options.js";

export interface ProjectPaths {
  cwd: string;
  input: string;
  output: string;
  includes: string;
  layouts: string;
  data: string;
}

export function resolveProjectPaths(cwd: string, options: ProjectOptions): ProjectPaths {
  const input = path.resolve(cwd, options.dir.input);
  const includes = path.resolve(input, options.dir.includes);
  return {
    cwd,
    input,
    output: path.resolve(cwd, options.dir.output),
    includes,
    layouts: options.dir.layouts ? path.resolve(input, options.dir.layouts) : includes,
    data: path.resolve(input, options.dir.data),
  };
}

export function toPosix(p: string): string {
  return path.sep === "/" ? p : p.split(path.sep).join("/");
}

/** `./news/post.md` style path, relative to the working directory, as in `page.inputPath`. */
export function displayPath(paths: Pick<ProjectPaths, "cwd">, absolute: string): string {
  const rel = toPosix(path.relative(paths.cwd, absolute));
  return rel.startsWith("../") ? rel : `./${rel}`;
}

/** True when `child` is `parent` or inside it. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * The smallest set of roots covering `paths`: a path inside another one adds nothing.
 *
 * @example
 * coveringRoots(["/site", "/site/_includes", "/shared"]) // ["/shared", "/site"]
 */
export function coveringRoots(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths.map((p) => path.resolve(p)))].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((root) => isInside(root, p))) out.push(p);
  return out;
}
