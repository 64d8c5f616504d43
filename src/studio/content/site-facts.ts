/**
 * What the studio learns about the site from the dev session's last build: the layouts a page
 * may name, the member tiers, the site's time zone and its slug rules (its own `slugify`
 * filter when the config replaces Eleventy's).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../../engine/build.js";
import { toPosix } from "../../engine/project-paths.js";
import { slugifyFilter } from "../../filters/slug-filters.js";

const TEMPLATE_FILE = /\.(njk|liquid|html|md|11ty\.js|webc|hbs|ejs|pug)$/;

function filesUnder(folder: string, limit = 2000): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= limit || entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (TEMPLATE_FILE.test(entry.name)) out.push(toPosix(path.relative(folder, full)));
    }
  };
  walk(folder);
  return out.sort();
}

/** Layout names as front matter writes them: files of the layouts folder (in `_includes`, those under a folder named like "layouts", and those in use). */
export function layoutNames(state: BuildState | undefined, inUse: Iterable<string>): string[] {
  const used = new Set([...inUse]);
  if (!state) return [...used].sort();
  const { layouts, includes } = state.paths;
  const all = filesUnder(layouts);
  const chosen = layouts === includes ? all.filter((f) => /(^|\/)layouts?\//i.test(f) || used.has(f)) : all;
  for (const alias of state.config.layoutAliases.keys()) chosen.push(alias);
  return [...new Set([...chosen, ...used])].sort();
}

/** Member tier ids from `_data/tiers` (the members plugin's model). */
export function tierIds(state: BuildState | undefined): string[] {
  const tiers = state?.globalData.tiers;
  const list = Array.isArray(tiers) ? tiers : tiers && typeof tiers === "object" && Array.isArray((tiers as { tiers?: unknown }).tiers) ? (tiers as { tiers: unknown[] }).tiers : [];
  return list.map((t) => (t && typeof t === "object" ? (t as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === "string");
}

/** The site's time zone: `timezone` in its `site` data, else the TZ variable, else the machine's. */
export function siteTimeZone(state: BuildState | undefined): string {
  const site = state?.globalData.site;
  if (site && typeof site === "object") {
    for (const key of ["timezone", "timeZone", "tz"]) {
      const value = (site as Record<string, unknown>)[key];
      if (typeof value === "string" && value) return value;
    }
  }
  return process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The site's slug rule: its `slugify` filter (Eleventy's by default). */
export function siteSlugify(state: BuildState | undefined): (text: string) => string {
  const filter = state?.config.filters.universal.get("slugify")?.fn;
  return (text) => {
    if (filter) {
      try {
        const value: unknown = (filter as (input: string) => unknown)(text);
        if (typeof value === "string") return value;
      } catch {
        // A filter that needs a template's context: Eleventy's rule instead.
      }
    }
    return slugifyFilter(text);
  };
}
