/**
 * The media library: the site's images, folder by folder. Which folders hold images, and the
 * URL each image is served at, come from the site's passthrough copies as the engine resolves
 * them (so `{ "assets/img": "img" }` and globs map as in a build); folders a CMS config or the
 * members model uploads into are listed too, even before they hold anything.
 */
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import type { PassthroughEntry } from "../../config/user-config.js";
import { resolvePassthrough } from "../../engine/passthrough.js";
import { isInside, type ProjectPaths } from "../../engine/project-paths.js";
import { kindOfExtension } from "../../members/logo.js";
import { StudioHttpError } from "../server/http-error.js";
import { readImageInfo } from "./image-info.js";
import { resolveSiteFolder } from "./site-folder.js";

export interface MediaFile {
  /** Relative to the input folder, posix. */
  path: string;
  /** Where the built site serves it, with the path prefix. */
  url: string;
  /** False when no passthrough copy puts the file into the site, so pages cannot show it yet. */
  copied: boolean;
  size: number;
  kind: string;
  width?: number;
  height?: number;
  /** Content files that refer to the image (relative to the input folder). */
  usedBy: string[];
}

export interface MediaListing {
  folder: string;
  /** Every folder with images or meant for uploads, relative to the input folder. */
  folders: string[];
  files: MediaFile[];
}

export interface MediaSite {
  inputDir: string;
  pathPrefix: string;
  /** The project's paths from the last build; without them only the extra folders are known. */
  paths?: ProjectPaths;
  passthrough: readonly PassthroughEntry[];
  /** Upload folders from CMS configs and the members model's logo folder. */
  extraFolders: readonly string[];
}

/** Output path of every passthrough image inside the input folder, keyed by its input-relative path. */
export function passthroughImages(site: MediaSite): Map<string, string> {
  const out = new Map<string, string>();
  if (!site.paths) return out;
  let files;
  try {
    files = resolvePassthrough(site.passthrough, site.paths);
  } catch {
    // An unsupported passthrough mode fails the build, which reports it; the library shows what it can.
    return out;
  }
  for (const file of files) {
    if (!kindOfExtension(file.source) || !isInside(site.inputDir, file.source)) continue;
    out.set(path.relative(site.inputDir, file.source).split(path.sep).join("/"), file.relative);
  }
  return out;
}

/** The site's URL of an output path under the path prefix (`/docs/` + `img/a.png`). */
export function publicUrl(pathPrefix: string, outputRelative: string): string {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  return `${prefix.startsWith("/") ? prefix : `/${prefix}`}${outputRelative.split("/").map(encodeURIComponent).join("/")}`;
}

function parentFolders(relative: string): string[] {
  const parts = relative.split("/");
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join("/"));
}

/** The images directly in `folder` (not below it), sorted by name, and every folder the library knows. */
export function listMedia(site: MediaSite, folder: string, usage: (paths: string[]) => Map<string, string[]>): MediaListing {
  const absolute = resolveSiteFolder(site.inputDir, folder);
  const images = passthroughImages(site);
  const folders = new Set<string>(site.extraFolders);
  for (const relative of images.keys()) for (const parent of parentFolders(relative)) folders.add(parent);

  let entries: Dirent[];
  try {
    entries = readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    if (!folders.has(folder)) throw new StudioHttpError(404, "MediaFolderMissing", `The folder ${JSON.stringify(folder)} does not exist.`);
    entries = [];
  }
  const prefix = folder === "" ? "" : `${folder.replace(/\/+$/, "")}/`;
  const found: Omit<MediaFile, "usedBy">[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) folders.add(relative);
    if (!entry.isFile() || !kindOfExtension(entry.name)) continue;
    const info = readImageInfo(path.join(absolute, entry.name));
    if (!info) continue;
    const output = images.get(relative);
    found.push({ path: relative, url: publicUrl(site.pathPrefix, output ?? relative), copied: output !== undefined, ...info });
  }
  found.sort((a, b) => a.path.localeCompare(b.path));
  const used = usage(found.map((file) => file.path));
  return {
    folder: prefix.replace(/\/$/, ""),
    folders: [...folders].filter((name) => name !== "").sort(),
    files: found.map((file) => ({ ...file, usedBy: used.get(file.path) ?? [] })),
  };
}
