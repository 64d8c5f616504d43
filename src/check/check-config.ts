/**
 * A site's settings for `plinth check`: the `check` section of `plinth.json` in the working
 * folder, and the site's public URL (from that section, `--site-url`, or `url` in the site's
 * `_data/site.json` or `_data/metadata.json`).
 *
 * @example
 * // plinth.json
 * { "check": { "ignore": ["https://twitter.com/*", "/legacy/*"], "ignorePages": ["/members/embed/"],
 *              "rules": { "title-duplicate": "off" }, "external": { "timeout": 5000 } } }
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { isRuleName, type RuleName, type Severity } from "./rules.js";

export interface ExternalSettings {
  /** Milliseconds to wait for each outside link. Default 10,000. */
  timeout: number;
  /** Outside links checked at once. Default 8. */
  concurrency: number;
  /** How long a link that worked is trusted without asking again. Default 24 hours. */
  cacheHours: number;
}

export interface CheckSettings {
  siteUrl?: string;
  /** Targets not checked: exact URLs or paths, or prefixes ending in `*`. */
  ignore: string[];
  /** Pages whose own problems are not reported, by URL (`/members/embed/`) or prefix (`/legacy/*`). */
  ignorePages: string[];
  /** Severity changes per rule: `error`, `warning` or `off`. */
  rules: Partial<Record<RuleName, Severity | "off">>;
  external: ExternalSettings;
}

export const CHECK_CONFIG_FILE = "plinth.json";

export const defaultSettings = (): CheckSettings => ({
  ignore: [],
  ignorePages: [],
  rules: {},
  external: { timeout: 10_000, concurrency: 8, cacheHours: 24 },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readJson(file: string, cwd: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new PlinthError("CheckConfigInvalid", `${path.relative(cwd, file)} is not valid JSON: ${(cause as Error).message}`, {
      location: { file: path.relative(cwd, file) },
      cause,
    });
  }
}

/** Reads `plinth.json`'s `check` section; every field is optional and checked. */
export function loadCheckSettings(cwd: string): CheckSettings {
  const settings = defaultSettings();
  const file = path.join(cwd, CHECK_CONFIG_FILE);
  if (!existsSync(file)) return settings;
  const json = readJson(file, cwd);
  const section = isRecord(json) ? json.check : undefined;
  if (section === undefined) return settings;
  const fail = (message: string): never => {
    throw new PlinthError("CheckConfigInvalid", `${CHECK_CONFIG_FILE}: ${message}`, { location: { file: CHECK_CONFIG_FILE } });
  };
  if (!isRecord(section)) return fail('"check" must be an object.');
  const strings = (key: string): string[] => {
    const value = section[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return fail(`"check.${key}" must be a list of strings.`);
    return value as string[];
  };
  settings.ignore = strings("ignore");
  settings.ignorePages = strings("ignorePages");
  if (section.siteUrl !== undefined) {
    if (typeof section.siteUrl !== "string") fail('"check.siteUrl" must be a URL string.');
    settings.siteUrl = section.siteUrl as string;
  }
  if (section.rules !== undefined) {
    if (!isRecord(section.rules)) fail('"check.rules" must map rule names to "error", "warning" or "off".');
    for (const [rule, level] of Object.entries(section.rules as Record<string, unknown>)) {
      if (!isRuleName(rule)) fail(`"check.rules" names an unknown rule "${rule}".`);
      if (level !== "error" && level !== "warning" && level !== "off") fail(`"check.rules.${rule}" must be "error", "warning" or "off".`);
      settings.rules[rule as RuleName] = level as Severity | "off";
    }
  }
  if (section.external !== undefined) {
    if (!isRecord(section.external)) fail('"check.external" must be an object.');
    for (const key of ["timeout", "concurrency", "cacheHours"] as const) {
      const value = (section.external as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (typeof value !== "number" || !(value >= 0) || (key === "concurrency" && (value < 1 || !Number.isInteger(value)))) {
        fail(`"check.external.${key}" must be a ${key === "concurrency" ? "whole number of at least 1" : "number of at least 0"}.`);
      }
      settings.external[key] = value as number;
    }
  }
  return settings;
}

/** The site's public URL from its global data, when it keeps one as `url`. */
export function siteUrlFromData(dataDir: string): string | undefined {
  for (const name of ["site.json", "metadata.json"]) {
    const file = path.join(dataDir, name);
    if (!existsSync(file)) continue;
    try {
      const data: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (isRecord(data) && typeof data.url === "string" && data.url) return data.url;
    } catch {
      // A broken data file is the build's to report; the check just goes without the URL.
    }
  }
  return undefined;
}

/** Whether `value` matches one of the patterns: exact, or a prefix when the pattern ends in `*`. */
export function matchesAny(value: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.endsWith("*") ? value.startsWith(pattern.slice(0, -1)) : value === pattern));
}
