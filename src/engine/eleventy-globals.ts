/**
 * The data Eleventy supplies to every template: `eleventy` (version, generator, env,
 * directories) and `pkg` (the project's package.json). Plinth reports the Eleventy version it
 * reproduces, because sites and plugins compare on it (see COMPAT.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { directoryStrings } from "../config/load-config.js";
import type { ProjectOptions } from "../config/project-options.js";
import type { DataObject } from "./data-merge.js";
import type { ProjectPaths } from "./project-paths.js";

export const ELEVENTY_COMPAT_VERSION = "3.1.8";

export type RunMode = "build" | "serve" | "watch";

/** How Plinth is run, as Eleventy's `eleventy.env.source` says it: from the command line. */
const SOURCE = "cli";

/**
 * Sets the environment variables Eleventy sets for a site. Eleventy does it before it imports
 * the config file, and configs and plugins read them at import time (eleventy-img decides from
 * ELEVENTY_RUN_MODE whether images are made on request by the dev server), so this runs
 * before the config loads too.
 */
export function setEleventyEnvironment(cwd: string, runMode: RunMode): void {
  process.env.ELEVENTY_VERSION = ELEVENTY_COMPAT_VERSION;
  process.env.ELEVENTY_ROOT = cwd;
  process.env.ELEVENTY_SOURCE = SOURCE;
  process.env.ELEVENTY_RUN_MODE = runMode;
}

export function eleventyGlobal(options: ProjectOptions, paths: ProjectPaths, runMode: RunMode, configFile?: string): DataObject {
  const env = {
    source: SOURCE,
    runMode,
    config: configFile,
    root: paths.cwd,
  };
  return {
    version: ELEVENTY_COMPAT_VERSION,
    generator: `Eleventy v${ELEVENTY_COMPAT_VERSION}`,
    env,
    directories: directoryStrings(options),
  };
}

export function packageData(cwd: string): DataObject {
  try {
    return JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as DataObject;
  } catch {
    return {};
  }
}
