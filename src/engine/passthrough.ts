/**
 * Passthrough copy: files and folders named in `addPassthroughCopy` (paths relative to the
 * working directory, globs, or `{from: to}`) go to the output as they are. As in Eleventy,
 * a path without a target keeps its place relative to the input folder.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { PassthroughEntry } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { isInside, toPosix, type ProjectPaths } from "./project-paths.js";

export interface PassthroughFile {
  source: string;
  /** Output path relative to the output folder, posix. */
  relative: string;
}

/** Files below `dir`, never entering node_modules, .git or the output folder (which would copy the site into itself). */
function walkFiles(dir: string, outputDir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== ".git" && abs !== outputDir) out.push(...walkFiles(abs, outputDir));
    } else out.push(abs);
  }
  return out;
}

function relativeToInput(paths: ProjectPaths, abs: string): string {
  const base = isInside(paths.input, abs) ? paths.input : paths.cwd;
  return toPosix(path.relative(base, abs));
}

function globBase(glob: string): string {
  const parts = glob.split("/");
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[\]{}()!]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || ".";
}

/** Ignore rules do not apply here: they are for templates, and Eleventy copies a named file even from node_modules or a git-ignored folder. */
export function resolvePassthrough(entries: readonly PassthroughEntry[], paths: ProjectPaths): PassthroughFile[] {
  const out = new Map<string, PassthroughFile>();
  const add = (source: string, relative: string): void => {
    out.set(relative, { source, relative: relative.replace(/^\/+/, "") });
  };
  for (const entry of entries) {
    if (entry.options?.mode === "html-relative") {
      throw new PlinthError("UnsupportedApi", `addPassthroughCopy with { mode: "html-relative" } (for ${entry.from}) is not supported yet by Plinth; see COMPAT.md`);
    }
    const from = entry.from.replace(/^\.\//, "");
    const isGlob = picomatch.scan(from).isGlob;
    if (isGlob) {
      const base = path.resolve(paths.cwd, globBase(from));
      if (!existsSync(base)) continue;
      const match = picomatch(from, { dot: true });
      for (const file of walkFiles(base, paths.output)) {
        const rel = toPosix(path.relative(paths.cwd, file));
        if (!match(rel)) continue;
        add(file, entry.to !== undefined ? path.posix.join(entry.to, path.basename(file)) : relativeToInput(paths, file));
      }
      continue;
    }
    const abs = path.resolve(paths.cwd, from);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isDirectory()) {
      const target = entry.to !== undefined ? entry.to : relativeToInput(paths, abs);
      for (const file of walkFiles(abs, paths.output)) add(file, path.posix.join(target, toPosix(path.relative(abs, file))));
    } else {
      const target = entry.to !== undefined ? (entry.to.endsWith("/") || entry.to === "" ? path.posix.join(entry.to, path.basename(abs)) : entry.to) : relativeToInput(paths, abs);
      add(abs, target);
    }
  }
  return [...out.values()];
}

/**
 * Where a passthrough entry can find files: a named file or folder, or a glob's fixed base. A
 * change outside all of them cannot add, remove or alter a passthrough file, so an update can
 * keep the list it had instead of walking the folders again.
 */
export function passthroughRoots(entries: readonly PassthroughEntry[], paths: ProjectPaths): string[] {
  return entries.map((entry) => {
    const from = entry.from.replace(/^\.\//, "");
    return path.resolve(paths.cwd, picomatch.scan(from).isGlob ? globBase(from) : from);
  });
}
