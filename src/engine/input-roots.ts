/**
 * The files a build may read besides its templates, which is what `plinth serve` watches and
 * what the build cache fingerprints: the input folder, `_includes`, layouts and `_data` (which may lie
 * outside the input), the config file, `addWatchTarget` and passthrough-copy sources, and the
 * files that change what is ignored. Before the first good build the folders are not known yet,
 * so the working folder and `--input` stand in for them.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { findConfigFile } from "../config/load-config.js";
import type { UserConfig } from "../config/user-config.js";
import { coveringRoots, type ProjectPaths } from "./project-paths.js";

export interface WatchRootsInput {
  cwd: string;
  /** `--input`, for when the folders are not known yet. */
  inputFlag?: string;
  configPath?: string;
  /** The folders of the last good build. */
  paths?: ProjectPaths;
  /** The config as the last build loaded it. */
  config?: Pick<UserConfig, "watchTargets" | "passthroughCopies">;
}

/** A glob's fixed leading folder (`assets/**\/*.css` -> `assets`); a plain path as it is. */
export function watchablePath(cwd: string, target: string): string {
  const scanned = picomatch.scan(target.replace(/^\.\//, ""));
  return path.resolve(cwd, scanned.isGlob ? scanned.base || "." : target);
}

export function watchRoots(input: WatchRootsInput): string[] {
  const { cwd, paths, config } = input;
  const roots: string[] = [];
  if (paths) roots.push(paths.input, paths.includes, paths.layouts, paths.data, path.join(paths.input, ".eleventyignore"));
  else roots.push(cwd, path.resolve(cwd, input.inputFlag ?? "."));
  roots.push(path.join(cwd, ".eleventyignore"), path.join(cwd, ".gitignore"), path.join(cwd, "package.json"));
  try {
    const configFile = findConfigFile(cwd, input.configPath);
    if (configFile) roots.push(configFile);
  } catch {
    // A missing --config file is reported by the build; there is nothing to watch for it.
  }
  roots.push(...watchTargetPaths(cwd, config));
  for (const copy of config?.passthroughCopies ?? []) roots.push(watchablePath(cwd, copy.from));
  // A path that does not exist cannot be watched; the folder it would appear in is.
  return coveringRoots(roots.filter((root) => existsSync(root)));
}

/** The folders and files named by `addWatchTarget`: any code may read them, so a change there rebuilds everything. */
export function watchTargetPaths(cwd: string, config: Pick<UserConfig, "watchTargets"> | undefined): string[] {
  return (config?.watchTargets ?? []).map((target) => watchablePath(cwd, target));
}
