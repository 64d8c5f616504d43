/**
 * How a site writes its news posts, learnt from the posts it already has: the folder, the
 * layout, whether file names start with the date, and whether posts carry a `byline`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseFrontMatter } from "../engine/front-matter.js";

export interface NewsFormat {
  /** Folder relative to the input folder, with forward slashes. */
  folder: string;
  layout: string;
  datePrefix: boolean;
  byline: boolean;
}

export const DEFAULT_NEWS_FORMAT: NewsFormat = { folder: "news", layout: "layouts/news.njk", datePrefix: false, byline: false };

const SKIPPED_FOLDERS = new Set(["node_modules", "_site", "_includes", "_data", "_layouts"]);
const DATED_NAME = /^\d{4}-\d{2}-\d{2}-/;

interface Post {
  folder: string;
  name: string;
  data: Record<string, unknown>;
}

function markdownFiles(dir: string, depth: number, skip: ReadonlySet<string>): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const skipped = entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name) || skip.has(full);
      return skipped || depth === 0 ? [] : markdownFiles(full, depth - 1, skip);
    }
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

/** A folder's JSON directory data (`news/news.json`, `news/news.11tydata.json`), where layouts and tags often live. */
function directoryData(dir: string, cache: Map<string, Record<string, unknown>>): Record<string, unknown> {
  let data = cache.get(dir);
  if (data) return data;
  data = {};
  for (const name of [`${path.basename(dir)}.json`, `${path.basename(dir)}.11tydata.json`]) {
    try {
      const value: unknown = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
      if (typeof value === "object" && value !== null && !Array.isArray(value)) Object.assign(data, value);
    } catch {
      // Absent or not JSON: nothing learnt from it.
    }
  }
  cache.set(dir, data);
  return data;
}

function isNewsPost(data: Record<string, unknown>): boolean {
  const tags = Array.isArray(data.tags) ? data.tags : [data.tags];
  const layout = typeof data.layout === "string" ? data.layout : "";
  return data.date !== undefined && (tags.some((tag) => tag === "news" || tag === "announcement") || /news|post/i.test(layout));
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The news format of the site at `inputDir`, ignoring `skipFolders` (such as the members folder). */
export function detectNewsFormat(inputDir: string, skipFolders: readonly string[] = []): NewsFormat {
  const skip = new Set(skipFolders.map((folder) => path.resolve(inputDir, folder)));
  const posts: Post[] = [];
  const folderData = new Map<string, Record<string, unknown>>();
  for (const file of markdownFiles(inputDir, 3, skip)) {
    try {
      const matter = parseFrontMatter(readFileSync(file, "utf8"), file).data;
      const data = { ...directoryData(path.dirname(file), folderData), ...matter };
      if (isNewsPost(data)) posts.push({ folder: path.relative(inputDir, path.dirname(file)).split(path.sep).join("/"), name: path.basename(file), data });
    } catch {
      // A post with broken front matter says nothing about the format; the build reports it.
    }
  }
  if (posts.length === 0) return DEFAULT_NEWS_FORMAT;
  const layouts = posts.map((post) => post.data.layout).filter((layout): layout is string => typeof layout === "string");
  return {
    folder: mostCommon(posts.map((post) => post.folder)) || ".",
    layout: mostCommon(layouts) ?? DEFAULT_NEWS_FORMAT.layout,
    datePrefix: posts.filter((post) => DATED_NAME.test(post.name)).length * 2 > posts.length,
    byline: posts.filter((post) => "byline" in post.data).length * 2 > posts.length,
  };
}
