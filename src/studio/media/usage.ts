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
/** An image extension at the end of a reference; the reference itself is found by walking back from it. */
const EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg)(?=[\s"'()<>[\]{}|,?#*`]|$)/gi;
/** Characters that end a reference on its left: quotes, brackets, spaces and the like. */
const DELIMITER = /[\s"'()<>[\]{}|,=*`]/;

/** The references to image files in a text, as written (`/img/a.png`, `../b.jpg`, `logo.svg`). */
function imageReferences(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(EXTENSION)) {
    let start = match.index;
    while (start > 0 && !DELIMITER.test(text[start - 1]!)) start--;
    if (start < match.index) out.push(text.slice(start, match.index + match[0].length));
  }
  return out;
}

/** Normalised output paths a text refers to, read as `file` (input-relative) would. */
export function referencesIn(text: string, file: string, site: Pick<UsageSite, "pathPrefix" | "bareNames">): Set<string> {
  const refs = new Set<string>();
  const folder = path.posix.dirname(file);
  const prefix = site.pathPrefix.replace(/^\/?/, "/").replace(/\/?$/, "/");
  const bareFolder = site.bareNames?.get(folder);
  for (const written of imageReferences(text)) {
    let ref = written;
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

/** A content file's text, relative to the input folder. */
export interface ContentText {
  file: string;
  text: string;
}

/** Content files worth searching for image references: templates, data, stylesheets. */
export const CONTENT_FILE = /\.(md|markdown|njk|liquid|html?|11ty\.js|json|ya?ml|css|scss)$/i;

/**
 * Keeps each content file's references between requests and finds them again only for a file
 * whose text changed. The texts come from the dev session's memory (its template sources) and,
 * for data files and stylesheets, from disk through `readText`.
 */
export class UsageIndex {
  private readonly files = new Map<string, { text: string; refs: Set<string> }>();
  private readonly disk = new Map<string, { mtimeMs: number; size: number; text: string }>();

  /** For each image path (input-relative), the content files that refer to it, sorted. */
  usedBy(site: UsageSite, images: readonly string[], documents: Iterable<ContentText>): Map<string, string[]> {
    const byOutput = new Map<string, string>();
    for (const image of images) {
      byOutput.set(image, image);
      const output = site.outputs.get(image);
      if (output) byOutput.set(output, image);
    }
    const result = new Map<string, string[]>(images.map((image) => [image, []]));
    if (images.length === 0) return result;
    const seen = new Set<string>();
    for (const { file, text } of documents) {
      if (seen.has(file)) continue;
      seen.add(file);
      let known = this.files.get(file);
      // The same string (most often the very same object) means the same references.
      if (known?.text !== text) {
        known = { text, refs: referencesIn(text, file, site) };
        this.files.set(file, known);
      }
      const hits = new Set<string>();
      for (const ref of known.refs) {
        const image = byOutput.get(ref);
        if (image) hits.add(image);
      }
      for (const image of hits) result.get(image)!.push(file);
    }
    for (const file of this.files.keys()) if (!seen.has(file)) this.files.delete(file);
    for (const list of result.values()) list.sort();
    return result;
  }

  /** A file's text from disk, read again only when its size or time changed; undefined when unreadable. */
  readText(absolute: string): string | undefined {
    try {
      const stat = statSync(absolute);
      const known = this.disk.get(absolute);
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.text;
      const text = readFileSync(absolute, "utf8");
      this.disk.set(absolute, { mtimeMs: stat.mtimeMs, size: stat.size, text });
      return text;
    } catch {
      return undefined;
    }
  }

  /** Every content file of the folder from disk, for a site the dev session has not built yet. */
  *diskDocuments(inputDir: string): Iterable<ContentText> {
    for (const file of globSync(CONTENT_FILES, { cwd: inputDir, ignore: SKIPPED, dot: false })) {
      const text = this.readText(path.join(inputDir, file));
      if (text !== undefined) yield { file, text };
    }
  }
}
