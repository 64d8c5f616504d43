/**
 * Finds and reads the schema configs a site carries — CloudCannon's `cloudcannon.config.yml`,
 * Decap/Sveltia's `admin/config.yml`, the studio's own `studio.config.yml` — and lays them
 * over each other in that order (the studio's own file wins). A site with none of them gets
 * empty overrides, and the studio works from inference alone.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { readCloudCannonConfig } from "./cloudcannon.js";
import { readDecapConfig, type SiteFolders } from "./decap.js";
import { readStudioConfig } from "./studio-config.js";
import { emptyOverrides, mergeOverrides, type SchemaOverrides } from "./types.js";
import { readYaml, type YamlSource } from "./yaml-source.js";

export const STUDIO_CONFIG_FILES = ["studio.config.yml", "studio.config.yaml"];
export const CLOUDCANNON_CONFIG_FILES = ["cloudcannon.config.yml", "cloudcannon.config.yaml", "cloudcannon.config.json"];

/** Where Decap and Sveltia sites keep their admin folder: in the input folder (copied with the site) or a static folder. */
function decapCandidates(site: SiteFolders): string[] {
  const roots = [site.inputDir, site.cwd, path.join(site.cwd, "static"), path.join(site.cwd, "public"), path.join(site.cwd, "src")];
  return [...new Set(roots)].flatMap((root) => [path.join(root, "admin", "config.yml"), path.join(root, "admin", "config.yaml")]);
}

export interface FoundConfigs {
  cloudcannon?: string;
  decap?: string;
  studio?: string;
}

function firstFile(candidates: readonly string[]): { file: string; mtimeMs: number; size: number } | undefined {
  for (const file of candidates) {
    try {
      const stat = statSync(file);
      if (stat.isFile()) return { file, mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
      // Not there: try the next place.
    }
  }
  return undefined;
}

function source(file: string, cwd: string): YamlSource {
  const shown = path.relative(cwd, file).split(path.sep).join("/");
  try {
    return readYaml(readFileSync(file, "utf8"), shown);
  } catch (error) {
    const yaml = readYaml("", shown);
    yaml.diagnostics.push({ code: "CmsConfigInvalid", severity: "error", message: `Cannot read ${shown}: ${(error as Error).message}`, file: shown });
    return yaml;
  }
}

let cached: { key: string; overrides: SchemaOverrides } | undefined;

/**
 * The site's schema overrides, read again only when one of the files changed.
 *
 * @example
 * const overrides = loadSchemaOverrides(process.cwd(), path.resolve("src"));
 * fieldOverride(overrides, "news", "image")?.uploadFolder // "img/news"
 */
export function loadSchemaOverrides(cwd: string, inputDir: string): SchemaOverrides {
  const site = { cwd: path.resolve(cwd), inputDir: path.resolve(inputDir) };
  const found = {
    cloudcannon: firstFile(CLOUDCANNON_CONFIG_FILES.map((name) => path.join(site.cwd, name))),
    decap: firstFile(decapCandidates(site)),
    studio: firstFile(STUDIO_CONFIG_FILES.map((name) => path.join(site.cwd, name))),
  };
  const key = JSON.stringify([site, found]);
  if (cached?.key === key) return cached.overrides;
  let overrides = emptyOverrides();
  if (found.cloudcannon) overrides = mergeOverrides(overrides, readCloudCannonConfig(source(found.cloudcannon.file, site.cwd), site));
  if (found.decap) overrides = mergeOverrides(overrides, readDecapConfig(source(found.decap.file, site.cwd), site));
  if (found.studio) overrides = mergeOverrides(overrides, readStudioConfig(source(found.studio.file, site.cwd)));
  cached = { key, overrides };
  return overrides;
}
