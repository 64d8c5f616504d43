/**
 * "Where used" for the media library: which content files (posts, pages, data files, member
 * files, stylesheets) refer to an image. Each file's references are found once and kept until
 * the file changes; a reference is matched after taking off the query, fragment and path
 * prefix, read from the site root (`/img/a.png`, and `img/a.png` as CMSs write it) and from
 * the file's own folder (`../img/a.png`). In the members folder a bare name (`acme.svg`) is a
 * logo in the logo folder, as the members model reads it.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";

export interface UsageSite {
  inputDir: string;
  pathPrefix: string;
  /** Input-relative image path → output path, for images copied to another place. */
  outputs: ReadonlyMap<string, string>;
  /** Folders (input-relative) whose files name images by bare file name, and where those live. */
  bareNames?: ReadonlyMap<string, string>;
}

const CONTENT_FILES = ["**/*.{md,markdown,njk,liquid,html,htm,11ty.js,json,yml,yaml,css,scss}"];
const SKIPPED = ["**/node_modules/**", "_site/**", "**/.*/**"];
const REFERENCE = /[^\s"'()<>[\]{}|,=*`]+\.(?:png|jpe?g|gif|webp|avif|svg)(?=[\s"'()<>[\]{}|,?#*`]|$)/gi;

interface FileRefs {
  mtimeMs: number;
  size: number;
  refs: Set<string>;
}

/** Normalised output paths a text refers to, read as `file` (input-relative) would. */
export function referencesIn(text: string, file: string, site: Pick<UsageSite, "pathPrefix" | "bareNames">): Set<string> {
  const refs = new Set<string>();
  const folder = path.posix.dirname(file);
  const prefix = site.pathPrefix.replace(/^\/?/, "/").replace(/\/?$/, "/");
  const bareFolder = site.bareNames?.get(folder);
  for (const match of text.matchAll(REFERENCE)) {
    let ref = match[0];
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith("//")) continue;
    try {
      ref = decodeURI(ref);
    } catch {
      // A stray `%` is part of the name.
    }
    const add = (candidate: string): void => {
      const normal = path.posix.normalize(candidate);
      if (!normal.startsWith("../") && normal !== "..") refs.add(normal.replace(/^\.\//, ""));
    };
    if (ref.startsWith("/")) {
      add(ref.startsWith(prefix) ? ref.slice(prefix.length) : ref.slice(1));
      continue;
    }
    add(path.posix.join(folder, ref));
    add(ref);
    if (bareFolder && !ref.includes("/")) add(path.posix.join(bareFolder, ref));
  }
  return refs;
}

/** Keeps each content file's references between requests; reads again only files that changed. */
export class UsageIndex {
  private readonly files = new Map<string, FileRefs>();

  /** For each image path (input-relative), the content files that refer to it, sorted. */
  usedBy(site: UsageSite, images: readonly string[]): Map<string, string[]> {
    const byOutput = new Map<string, string>();
    for (const image of images) {
      byOutput.set(image, image);
      const output = site.outputs.get(image);
      if (output) byOutput.set(output, image);
    }
    const result = new Map<string, string[]>(images.map((image) => [image, []]));
    if (images.length === 0) return result;
    const seen = new Set<string>();
    for (const file of globSync(CONTENT_FILES, { cwd: site.inputDir, ignore: SKIPPED, dot: false }).sort()) {
      seen.add(file);
      const refs = this.refsOf(site, file);
      const hits = new Set<string>();
      for (const ref of refs) {
        const image = byOutput.get(ref);
        if (image) hits.add(image);
      }
      for (const image of hits) result.get(image)!.push(file);
    }
    for (const file of this.files.keys()) if (!seen.has(file)) this.files.delete(file);
    return result;
  }

  private refsOf(site: UsageSite, file: string): Set<string> {
    const absolute = path.join(site.inputDir, file);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      return new Set();
    }
    const known = this.files.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.refs;
    let refs = new Set<string>();
    try {
      refs = referencesIn(readFileSync(absolute, "utf8"), file, site);
    } catch {
      // Unreadable now (deleted meanwhile): no references.
    }
    this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, refs });
    return refs;
  }
}
