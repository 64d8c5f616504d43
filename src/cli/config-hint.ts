/**
 * Eleventy looks for its config file in the working folder only, so `--input site` run from
 * elsewhere builds without `site/eleventy.config.js`, and fails on every filter it adds. Plinth
 * keeps that rule; when such a build fails, this one line says what happened and what to do.
 */
import path from "node:path";
import { findConfigFile } from "../config/load-config.js";

/** The hint, when no config was given or found and one sits in a separate input folder. */
export function unloadedConfigHint(cwd: string, flags: { input?: string; config?: string }): string | undefined {
  if (flags.config !== undefined || flags.input === undefined || findConfigFile(cwd) !== undefined) return undefined;
  const input = path.resolve(cwd, flags.input);
  if (input === path.resolve(cwd)) return undefined;
  const file = findConfigFile(input);
  if (file === undefined) return undefined;
  const shown = path.relative(cwd, file);
  return (
    `hint: ${shown} was not loaded: like Eleventy, Plinth reads the config file from the working folder only. ` +
    `Run Plinth in ${path.relative(cwd, input) || "."}, or pass --config ${shown}.`
  );
}
