/**
 * Which collections a site has, inferred from where its content files are: a folder with a
 * directory data file (`news/news.json`, `posts/posts.11tydata.js`) is a collection of every
 * template below it; so is any other top-level folder with two or more templates; the rest
 * are single pages. Pure: it sees paths only.
 *
 * @example
 * inferCollections(["news/a.md", "news/b.md", "about.md"], new Set(["news"]))
 * // collections: news (2, folder "news"), pages (1, folder "")
 */
import path from "node:path";

export interface CollectionInfo {
  /** Stable name, used in the API: the folder (posix), or `pages` for single pages. */
  name: string;
  label: string;
  /** Folder relative to the input folder, posix; `""` for single pages. */
  folder: string;
  count: number;
  /** The directory data file that makes the folder a collection, when there is one. */
  dataFile?: string;
}

export const PAGES = "pages";

const DATA_SUFFIXES = [".json", ".11tydata.json", ".11tydata.js", ".11tydata.cjs", ".11tydata.mjs", ".11tydata.ts"];

/** The directory data files among `files` (relative, posix), by the folder they belong to. */
export function directoryDataFiles(files: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const folder = path.posix.dirname(file);
    if (folder === ".") continue;
    const name = path.posix.basename(folder);
    const base = path.posix.basename(file);
    if (DATA_SUFFIXES.some((suffix) => base === `${name}${suffix}`) && !out.has(folder)) out.set(folder, file);
  }
  return out;
}

export function labelOf(name: string): string {
  const last = name.split("/").pop() ?? name;
  const words = last.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

/** Each content path's collection, and the collections with their counts. */
export function inferCollections(paths: readonly string[], dataFolders: ReadonlyMap<string, string>): { collections: CollectionInfo[]; collectionOf: Map<string, string> } {
  const collectionOf = new Map<string, string>();
  const topCounts = new Map<string, number>();
  for (const p of paths) {
    const slash = p.indexOf("/");
    if (slash !== -1) topCounts.set(p.slice(0, slash), (topCounts.get(p.slice(0, slash)) ?? 0) + 1);
  }
  for (const p of paths) {
    let folder = path.posix.dirname(p);
    let found: string | undefined;
    while (folder !== "." && folder !== "") {
      if (dataFolders.has(folder)) {
        found = folder;
        break;
      }
      folder = path.posix.dirname(folder);
    }
    if (!found) {
      const slash = p.indexOf("/");
      const top = slash === -1 ? "" : p.slice(0, slash);
      found = top && (topCounts.get(top) ?? 0) >= 2 ? top : "";
    }
    collectionOf.set(p, found || PAGES);
  }
  const counts = new Map<string, number>();
  for (const name of collectionOf.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const collections = [...counts]
    .map(([name, count]): CollectionInfo => {
      if (name === PAGES) return { name, label: "Pages", folder: "", count };
      const info: CollectionInfo = { name, label: labelOf(name), folder: name, count };
      const dataFile = dataFolders.get(name);
      if (dataFile) info.dataFile = dataFile;
      return info;
    })
    .sort((a, b) => (a.name === PAGES ? 1 : b.name === PAGES ? -1 : a.name.localeCompare(b.name)));
  return { collections, collectionOf };
}
