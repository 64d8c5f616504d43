/**
 * The studio's list of the site's content, kept in memory and brought up to date from each
 * build of the dev session (which has already read every file), so listing, searching and
 * sorting 10,000 posts reads no file. An entry comes from the template's source (so a draft
 * that a preprocessor drops from the build is still listed) and, when the build made the
 * template, its cascaded data: tags from directory data, the page date and URL.
 */
import path from "node:path";
import type { BuildState } from "../../engine/build.js";
import type { Template } from "../../engine/page-model.js";
import { isInside, toPosix } from "../../engine/project-paths.js";
import type { TemplateSource } from "../../engine/template-source.js";
import { directoryDataFiles, inferCollections, type CollectionInfo } from "./collections.js";

export interface EntrySummary {
  /** Relative to the input folder, posix. */
  path: string;
  title: string;
  /** ISO 8601, or null when the file gives none. */
  date: string | null;
  draft: boolean;
  tags: string[];
  /** The page's URL (without the path prefix), or null when it is not written. */
  url: string | null;
  collection: string;
  layout: string | null;
}

export interface IndexedEntry extends EntrySummary {
  source: TemplateSource;
  /** The file's own front matter values, as the engine read them. */
  frontMatter: Record<string, unknown>;
}

export interface EntryQuery {
  collection?: string;
  /** Words that must all appear in the title or the text, case-insensitively. */
  q?: string;
  tag?: string;
  draft?: boolean;
  sort?: "date" | "title" | "path";
  order?: "asc" | "desc";
  offset?: number;
  limit?: number;
}

const COLLATOR = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Template languages whose files are text with front matter (JavaScript templates are code, edited elsewhere). */
const TEXT_TEMPLATES = new Set(["md", "markdown", "njk", "liquid", "html", "hbs", "mustache", "ejs", "haml", "pug", "webc"]);

function asTags(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === "string");
  return [];
}

function asDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return null;
}

function titleOf(data: Record<string, unknown>, source: TemplateSource): string {
  for (const key of ["title", "name", "heading"]) {
    const value = data[key];
    if (typeof value === "string" && value.trim()) return value;
    if (typeof value === "number") return String(value);
  }
  return path.posix.basename(source.relativePath).replace(/\.[^.]+$/, "");
}

export class ContentIndex {
  private byPath = new Map<string, IndexedEntry>();
  private list: IndexedEntry[] = [];
  private collectionList: CollectionInfo[] = [];
  /** Lower-cased title and text per entry, made at the first search and kept while the source is the same. */
  private readonly haystacks = new WeakMap<TemplateSource, string>();
  private readonly tagCounts = new Map<string, number>();
  /** The template each entry was made from, to notice a change of its cascaded data alone. */
  private readonly templates = new WeakMap<IndexedEntry, Template>();
  /** The build's file list the directory data files were found in, and them. */
  private scannedFiles?: ReadonlySet<string>;
  private dataFolders = new Map<string, string>();
  private readonly sortedCache = new Map<string, IndexedEntry[]>();
  private sortedFor?: IndexedEntry[];

  /**
   * Takes in what a build read. `keep` names paths whose entry must stay as it is (a preview's
   * unsaved text is in the build, but the list shows the file as saved).
   */
  refresh(state: BuildState, keep: ReadonlySet<string> = new Set(), remade?: ReadonlySet<string>): void {
    // An update that scanned nothing and re-made a few templates changes at most their entries.
    if (remade && state.files === this.scannedFiles && this.refreshSome(state, keep, remade)) return;
    const next = new Map<string, IndexedEntry>();
    let changed = false;
    let added = false;
    for (const source of state.sourceList) {
      const relative = source.relativePath;
      if (source.virtual || !TEXT_TEMPLATES.has(source.extension) || relative.startsWith("../")) continue;
      const previous = this.byPath.get(relative);
      if (!previous) added = true;
      if (keep.has(relative)) {
        // An unsaved file (new, or edited in the preview) is listed as it is on disk.
        if (previous) next.set(relative, previous);
        continue;
      }
      const template = state.templates.get(source.file);
      // The same source and the same cascaded data (a directory data file may have changed): the same entry.
      if (previous && previous.source === source && this.templates.get(previous) === template) {
        next.set(relative, previous);
        continue;
      }
      const entry = this.makeEntry(source, template, state);
      if (template) this.templates.set(entry, template);
      if (previous) entry.collection = previous.collection;
      next.set(relative, entry);
      changed = true;
    }
    const membership = added || next.size !== this.byPath.size;
    if (membership || state.files !== this.scannedFiles) {
      if (state.files !== this.scannedFiles) {
        this.scannedFiles = state.files;
        const input = state.paths.input;
        const candidates = [...state.files].filter((f) => /\.(json|11tydata\.[cm]?[jt]s)$/.test(f) && isInside(input, f)).map((f) => toPosix(path.relative(input, f)));
        this.dataFolders = directoryDataFiles(candidates);
      }
      const { collections, collectionOf } = inferCollections([...next.keys()], this.dataFolders);
      for (const entry of next.values()) entry.collection = collectionOf.get(entry.path) ?? entry.collection;
      this.collectionList = collections;
    }
    this.byPath = next;
    if (membership || changed) {
      this.list = [...next.values()];
      this.tagCounts.clear();
      for (const entry of this.list) for (const tag of entry.tags) this.tagCounts.set(tag, (this.tagCounts.get(tag) ?? 0) + 1);
    }
  }

  /**
   * Brings the entries of `remade` files up to date, in proportion to them; false when one of
   * them is not listed yet (a file came), so the whole list must be made again.
   */
  private refreshSome(state: BuildState, keep: ReadonlySet<string>, remade: ReadonlySet<string>): boolean {
    const updates: IndexedEntry[] = [];
    for (const file of remade) {
      const source = state.sources.get(file);
      if (!source) return false;
      const relative = source.relativePath;
      if (source.virtual || !TEXT_TEMPLATES.has(source.extension) || relative.startsWith("../") || keep.has(relative)) continue;
      const previous = this.byPath.get(relative);
      if (!previous) return false;
      const template = state.templates.get(file);
      if (previous.source === source && this.templates.get(previous) === template) continue;
      const entry = this.makeEntry(source, template, state);
      if (template) this.templates.set(entry, template);
      entry.collection = previous.collection;
      updates.push(entry);
    }
    if (!updates.length) return true;
    // Setting a key that is there keeps its place: the list stays in the build's order.
    for (const entry of updates) this.byPath.set(entry.path, entry);
    this.list = [...this.byPath.values()];
    this.tagCounts.clear();
    for (const entry of this.list) for (const tag of entry.tags) this.tagCounts.set(tag, (this.tagCounts.get(tag) ?? 0) + 1);
    return true;
  }

  /**
   * Makes the search text of every entry ahead of the first search, a slice at a time so the
   * server stays responsive; a search before it is done makes what it needs itself.
   */
  warmSearch(slice = 500): void {
    const entries = this.list;
    let at = 0;
    const step = () => {
      if (entries !== this.list) return;
      for (const end = Math.min(at + slice, entries.length); at < end; at++) this.haystackOf(entries[at]!);
      if (at < entries.length) setImmediate(step);
    };
    setImmediate(step);
  }

  private makeEntry(source: TemplateSource, template: Template | undefined, state: BuildState): IndexedEntry {
    const own = source.frontMatter.data;
    const data = template?.data ?? own;
    const page = template ? state.pagesByTemplate.get(template)?.[0] : undefined;
    const url = page?.page.url;
    const layout = data.layout;
    return {
      path: source.relativePath,
      title: titleOf(data, source),
      date: asDate(own.date) ?? (template ? asDate(template.date) : null),
      draft: data.draft === true,
      tags: asTags(data.tags),
      url: typeof url === "string" ? url : null,
      collection: "",
      layout: typeof layout === "string" ? layout : null,
      source,
      frontMatter: own,
    };
  }

  get size(): number {
    return this.list.length;
  }

  collections(): CollectionInfo[] {
    return this.collectionList;
  }

  entry(relative: string): IndexedEntry | undefined {
    return this.byPath.get(relative);
  }

  /** Every entry of a collection (all entries without one). */
  entriesOf(collection?: string): IndexedEntry[] {
    return collection ? this.list.filter((e) => e.collection === collection) : this.list;
  }

  /** The tags in use with how many entries carry each, most used first. */
  tags(): { tag: string; count: number }[] {
    return [...this.tagCounts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  query(query: EntryQuery): { total: number; entries: EntrySummary[] } {
    const words = (query.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    const sort = query.sort ?? "date";
    const descending = (query.order ?? (sort === "date" ? "desc" : "asc")) === "desc";
    let matches = this.sorted(query.collection, sort).filter(
      (entry) =>
        (query.tag === undefined || entry.tags.includes(query.tag)) &&
        (query.draft === undefined || entry.draft === query.draft) &&
        (words.length === 0 || this.matchesWords(entry, words)),
    );
    if (descending) matches = matches.reverse();
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.max(0, query.limit ?? 100);
    return { total: matches.length, entries: matches.slice(offset, offset + limit).map(summary) };
  }

  /** A collection's entries in ascending order of `sort` (ties by path), kept until the list changes. */
  private sorted(collection: string | undefined, sort: "date" | "title" | "path"): IndexedEntry[] {
    if (this.sortedFor !== this.list) {
      this.sortedFor = this.list;
      this.sortedCache.clear();
    }
    const key = `${sort}\u0000${collection ?? ""}`;
    let list = this.sortedCache.get(key);
    if (!list) {
      const byPath = (a: IndexedEntry, b: IndexedEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
      const compare =
        sort === "title"
          ? (a: IndexedEntry, b: IndexedEntry) => COLLATOR.compare(a.title, b.title) || byPath(a, b)
          : sort === "path"
            ? byPath
            : (a: IndexedEntry, b: IndexedEntry) => {
                const x = a.date ?? "";
                const y = b.date ?? "";
                return x < y ? -1 : x > y ? 1 : byPath(a, b);
              };
      list = [...this.entriesOf(collection)].sort(compare);
      this.sortedCache.set(key, list);
    }
    return list;
  }

  private haystackOf(entry: IndexedEntry): string {
    let haystack = this.haystacks.get(entry.source);
    if (haystack === undefined) {
      haystack = `${entry.title}\n${entry.path}\n${entry.source.frontMatter.body}`.toLowerCase();
      this.haystacks.set(entry.source, haystack);
    }
    return haystack;
  }

  private matchesWords(entry: IndexedEntry, words: string[]): boolean {
    const haystack = this.haystackOf(entry);
    return words.every((word) => haystack.includes(word));
  }
}

export function summary(entry: IndexedEntry): EntrySummary {
  return { path: entry.path, title: entry.title, date: entry.date, draft: entry.draft, tags: entry.tags, url: entry.url, collection: entry.collection, layout: entry.layout };
}
