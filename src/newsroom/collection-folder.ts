/**
 * What a collection folder already does, learnt from its entries: how files are named
 * (`2023-03-22-slug.md`, `slug.md` or `slug/index.md`), which extension they use, what the
 * folder's directory data sets, and the layout, tags and fields most entries repeat.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseFrontMatter } from "../engine/front-matter.js";
import { pathNames } from "../engine/file-slug.js";

export type Naming = "dated" | "plain" | "folder";

export interface CollectionEntry {
  /** Path relative to the folder, posix. */
  file: string;
  fileSlug: string;
  data: Record<string, unknown>;
}

export interface CollectionFolder {
  entries: CollectionEntry[];
  naming: Naming;
  extension: string;
  /** The folder's JSON directory data (`news/news.json`, `news/news.11tydata.json`). */
  directoryData: Record<string, unknown>;
  /** The layout most entries set in their own front matter. */
  layout?: string;
  /** Tags more than half of the entries set in their own front matter. */
  tags: string[];
  /** Other front matter keys more than half of the entries have, with their most common value when it is a boolean (`index: false`), else null. */
  commonKeys: [string, boolean | null][];
}

const TEMPLATE_EXTENSIONS = new Set(["md", "njk", "liquid", "html"]);
const DATED = /^\d{4}-\d{2}-\d{2}-/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function extensionOf(name: string): string | undefined {
  const extension = path.extname(name).slice(1);
  return TEMPLATE_EXTENSIONS.has(extension) ? extension : undefined;
}

function readEntry(folder: string, file: string, extension: string): CollectionEntry {
  let data: Record<string, unknown> = {};
  try {
    data = parseFrontMatter(readFileSync(path.join(folder, file), "utf8"), file).data;
  } catch {
    // Broken front matter is the build's to report; the entry still takes its slug.
  }
  return { file, fileSlug: pathNames(file, extension).fileSlug, data };
}

function readDirectoryData(folder: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of [`${path.basename(folder)}.json`, `${path.basename(folder)}.11tydata.json`]) {
    try {
      const value: unknown = JSON.parse(readFileSync(path.join(folder, name), "utf8"));
      if (isRecord(value)) Object.assign(data, value);
    } catch {
      // Absent, or not JSON: the build reports a broken data file.
    }
  }
  return data;
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function tagsOf(data: Record<string, unknown>): string[] {
  const tags = data.tags;
  return (Array.isArray(tags) ? tags : [tags]).filter((tag): tag is string => typeof tag === "string");
}

export function readCollectionFolder(folder: string): CollectionFolder {
  const entries: CollectionEntry[] = [];
  const namings: Naming[] = [];
  const extensions: string[] = [];
  const folderName = path.basename(folder);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      for (const name of ["index.md", "index.njk", "index.liquid", "index.html"]) {
        try {
          if (!statSync(path.join(folder, entry.name, name)).isFile()) continue;
        } catch {
          continue;
        }
        const extension = extensionOf(name)!;
        entries.push(readEntry(folder, `${entry.name}/${name}`, extension));
        namings.push("folder");
        extensions.push(extension);
        break;
      }
      continue;
    }
    const extension = extensionOf(entry.name);
    // The folder's own index page (`news/index.njk`, `news/news.njk`) lists entries; it is not one.
    const stem = entry.name.slice(0, entry.name.length - (extension?.length ?? 0) - 1);
    if (!entry.isFile() || extension === undefined || stem === "index" || stem === folderName) continue;
    entries.push(readEntry(folder, entry.name, extension));
    namings.push(DATED.test(entry.name) ? "dated" : "plain");
    extensions.push(extension);
  }
  const layouts = entries.map((e) => e.data.layout).filter((layout): layout is string => typeof layout === "string");
  const half = entries.length / 2;
  const tagCounts = new Map<string, number>();
  for (const entry of entries) for (const tag of new Set(tagsOf(entry.data))) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const keyCounts = new Map<string, number>();
  for (const entry of entries) for (const key of Object.keys(entry.data)) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
  const handled = new Set(["title", "date", "layout", "tags", "permalink", "draft"]);
  return {
    entries,
    naming: mostCommon(namings) ?? "plain",
    extension: mostCommon(extensions) ?? "md",
    directoryData: readDirectoryData(folder),
    layout: layouts.length > half ? mostCommon(layouts) : undefined,
    tags: [...tagCounts].filter(([, count]) => count > half).map(([tag]) => tag),
    commonKeys: [...keyCounts]
      .filter(([key, count]) => count > half && !handled.has(key))
      .map(([key]): [string, boolean | null] => {
        const value = mostCommon(entries.map((e) => e.data[key]));
        return [key, typeof value === "boolean" ? value : null];
      }),
  };
}
