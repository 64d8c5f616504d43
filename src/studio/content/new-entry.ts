/**
 * A new entry of a collection, as its existing entries would have it: the folder and file
 * naming they use (`news/2023-03-22-slug.md`, `people/name/index.md`), a slug from the title by
 * the site's own `slugify` filter, and front matter with the collection's usual fields: the
 * title, the date now in the site's time zone (written as the collection writes dates), the
 * usual layout, empty tags, and the usual value of each switch.
 */
import path from "node:path";
import { DateTime } from "luxon";
import { Document } from "yaml";
import type { CollectionInfo } from "./collections.js";
import type { IndexedEntry } from "./content-index.js";
import type { FieldSchema } from "./schema.js";

export interface NewEntryInput {
  collection: CollectionInfo;
  entries: readonly IndexedEntry[];
  schema: readonly FieldSchema[];
  title: string;
  now: Date;
  timeZone: string;
  slugify: (text: string) => string;
  /** True when a file exists at this input-relative path. */
  exists: (relative: string) => boolean;
}

function mostCommon<T>(values: readonly T[], key: (v: T) => string = String): T | undefined {
  const counts = new Map<string, { value: T; count: number }>();
  for (const value of values) {
    const k = key(value);
    const c = counts.get(k) ?? { value, count: 0 };
    c.count++;
    counts.set(k, c);
  }
  let best: { value: T; count: number } | undefined;
  for (const c of counts.values()) if (!best || c.count > best.count) best = c;
  return best?.value;
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** How the collection names its files: a date prefix or not, `slug.md` or `slug/index.md`, which extension. */
export function namingOf(collection: CollectionInfo, entries: readonly IndexedEntry[]): { datePrefix: boolean; indexFolder: boolean; extension: string } {
  const names = entries.map((e) => e.path.slice(collection.folder ? collection.folder.length + 1 : 0));
  const indexFolder = names.filter((n) => /\/index\.[^/]+$/.test(n)).length > names.length / 2;
  const bases = names.map((n) => (indexFolder ? (n.split("/").slice(-2, -1)[0] ?? n) : path.posix.basename(n)));
  const datePrefix = bases.filter((b) => DATE_PREFIX.test(b)).length > bases.length / 2;
  const extension = mostCommon(entries.map((e) => path.posix.extname(e.path).slice(1)).filter(Boolean)) ?? "md";
  return { datePrefix, indexFolder, extension };
}

/** A date field's value now, written as the collection writes its dates. */
function dateValue(entries: readonly IndexedEntry[], field: string, now: Date, timeZone: string): string {
  const time = DateTime.fromJSDate(now, { zone: timeZone }).set({ second: 0, millisecond: 0 });
  const written = entries.map((e) => e.source.frontMatter.data[field]).filter((v) => v instanceof Date || typeof v === "string");
  const dateOnly = written.length > 0 && written.every((v) => (v instanceof Date ? v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0 : /^\d{4}-\d{2}-\d{2}$/.test(v as string)));
  if (dateOnly) return time.toISODate()!;
  if (time.offset === 0) return time.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  return time.toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

function emptyValue(field: FieldSchema, entries: readonly IndexedEntry[]): unknown {
  if (field.default !== undefined) return field.default;
  const values = entries.map((e) => e.source.frontMatter.data[field.name]).filter((v) => v !== undefined);
  switch (field.type) {
    case "boolean":
      return mostCommon(values.filter((v): v is boolean => typeof v === "boolean")) ?? false;
    case "select":
      return mostCommon(values.filter((v): v is string => typeof v === "string")) ?? field.options?.[0] ?? "";
    case "tags":
      return [];
    case "text": {
      // A field with a few values shared by most entries (a member's `status: active`) starts at the usual one.
      const strings = values.filter((v): v is string => typeof v === "string" && v !== "");
      const usual = mostCommon(strings);
      const distinct = new Set(strings).size;
      if (usual !== undefined && strings.length >= 3 && distinct <= 5 && strings.filter((v) => v === usual).length * 2 > strings.length) return usual;
      return values.some((v) => v === null) ? null : "";
    }
    case "longtext":
    case "image":
    case "url":
      return values.some((v) => v === null) ? null : "";
    default:
      return undefined;
  }
}

/** The path and text of a new entry titled `title`. */
export function newEntry(input: NewEntryInput): { path: string; raw: string; frontMatter: Record<string, unknown> } {
  const { collection, entries, schema, title, now, timeZone } = input;
  const naming = namingOf(collection, entries);
  const day = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const slug = input.slugify(title) || "untitled";
  const folder = collection.folder;
  let relative = "";
  for (let n = 1; n < 1000; n++) {
    const base = `${naming.datePrefix ? `${day}-` : ""}${slug}${n > 1 ? `-${n}` : ""}`;
    const name = naming.indexFolder ? `${base}/index.${naming.extension}` : `${base}.${naming.extension}`;
    relative = folder ? `${folder}/${name}` : name;
    if (!input.exists(relative)) break;
  }
  const data: Record<string, unknown> = {};
  const fields = schema.length ? schema : [{ name: "title", label: "Title", type: "text" as const }];
  // The title goes where the collection keeps it: `title`, or `name` (a roster's members).
  const titleKey = fields.some((f) => f.name === "title") ? "title" : fields.some((f) => f.name === "name") ? "name" : "title";
  for (const field of fields) {
    if (field.name === titleKey) data[titleKey] = title;
    else if (field.type === "datetime" || field.type === "date") {
      if (field.name === "date" || field.required) data[field.name] = dateValue(entries, field.name, now, timeZone);
    } else if (field.required || field.default !== undefined || field.name === "layout" || field.type === "boolean") {
      const value = emptyValue(field, entries);
      if (value !== undefined) data[field.name] = value;
    }
  }
  if (!(titleKey in data)) data[titleKey] = title;
  const matter = new Document(data).toString({ lineWidth: 0, nullStr: "" }).replace(/: \n/g, ":\n");
  return { path: relative, raw: `---\n${matter}---\n`, frontMatter: data };
}
