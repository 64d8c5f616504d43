/**
 * A collection's form, inferred from the values its files use: a field's type is what every
 * value of it is (all booleans: a switch; dates with a time: a date-time; lists of words: tags,
 * offered the words already in use; an image path: an image picker; a URL), the layout and a
 * member's tier are selects from the site's known sets, and what a form cannot represent
 * (objects, mixed lists) stays YAML. A site's explicit settings (studio.config.yml, CloudCannon,
 * Decap/Sveltia; see src/studio/cms-config/) are laid over the inference.
 */
import { fieldOverride, type FieldOverride, type FieldType, type SchemaOverrides } from "../cms-config/types.js";

export interface FieldSchema {
  name: string;
  label: string;
  type: FieldType;
  /** A select's choices, or a tags field's values in use. */
  options?: string[];
  uploadFolder?: string;
  required?: boolean;
  hint?: string;
  hidden?: boolean;
  default?: unknown;
}

/** Sets of values the site defines, for selects. */
export interface KnownValues {
  /** Layout names as front matter writes them (`layouts/news.njk`). */
  layouts: string[];
  /** Member tier ids from `_data/tiers`. */
  tiers: string[];
  /** Every tag in use on the site. */
  tags: string[];
}

const IMAGE_KEY = /(^|_|-)(image|img|logo|headshot|photo|picture|thumbnail|thumb|avatar|cover|banner|icon|hero)s?$/i;
const IMAGE_VALUE = /\.(png|jpe?g|gif|svg|webp|avif|ico)$/i;
const URL_KEY = /^(url|website|homepage|link|href|site)$/i;
const URL_VALUE = /^(https?:\/\/|mailto:)/i;
/** Keys Eleventy gives meaning to, whose values are rarely one plain field. */
const YAML_KEYS = new Set(["pagination", "eleventyComputed", "eleventyNavigation", "eleventyImport", "eleventyDataSchema"]);

export function labelOfField(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

function isMidnightUtc(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

/** The type every value of a field agrees on. */
function typeOf(name: string, values: unknown[], known: KnownValues): { type: FieldType; options?: string[] } {
  if (YAML_KEYS.has(name)) return { type: "yaml" };
  if (name === "layout") return { type: "select", options: [...new Set([...known.layouts, ...values.filter((v): v is string => typeof v === "string")])].sort() };
  if (name === "tags") return { type: "tags", options: known.tags };
  if (name === "tier" && known.tiers.length) return { type: "select", options: known.tiers };
  const present = values.filter((v) => v !== null && v !== undefined && v !== "");
  if (present.length === 0) return { type: name === "date" ? "datetime" : "text" };
  if (present.every((v) => typeof v === "boolean")) return { type: "boolean" };
  if (present.every((v) => typeof v === "number")) return { type: "number" };
  if (present.every((v) => v instanceof Date)) return { type: present.every((v) => isMidnightUtc(v as Date)) ? "date" : "datetime" };
  if (present.every((v) => Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"))) {
    const inUse = new Set<string>();
    for (const list of present as unknown[][]) for (const x of list) inUse.add(String(x));
    return { type: "tags", options: [...inUse].sort() };
  }
  if (!present.every((v) => typeof v === "string")) return { type: "yaml" };
  const strings = present as string[];
  // A member's tier, whatever the key (the members plugin's default is `level`).
  if (known.tiers.length && strings.every((s) => known.tiers.includes(s))) return { type: "select", options: known.tiers };
  if (IMAGE_KEY.test(name) || strings.every((s) => IMAGE_VALUE.test(s))) return { type: "image" };
  if (URL_KEY.test(name) || strings.every((s) => URL_VALUE.test(s))) return { type: "url" };
  if (strings.some((s) => s.includes("\n")) || strings.reduce((sum, s) => sum + s.length, 0) / strings.length > 80) return { type: "longtext" };
  return { type: "text" };
}

/** The fields of a collection in the order its files write them. */
function fieldOrder(frontMatters: readonly Record<string, unknown>[]): string[] {
  const position = new Map<string, { sum: number; count: number; first: number }>();
  let seen = 0;
  for (const data of frontMatters) {
    const keys = Object.keys(data);
    keys.forEach((key, index) => {
      const p = position.get(key) ?? { sum: 0, count: 0, first: seen++ };
      p.sum += keys.length > 1 ? index / (keys.length - 1) : 0;
      p.count++;
      position.set(key, p);
    });
  }
  return [...position].sort(([, a], [, b]) => a.sum / a.count - b.sum / b.count || a.first - b.first).map(([key]) => key);
}

function applyOverride(field: FieldSchema, override: FieldOverride | undefined): FieldSchema {
  if (!override) return field;
  const out = { ...field };
  if (override.type) out.type = override.type;
  if (override.label) out.label = override.label;
  if (override.options) out.options = override.options;
  if (override.uploadFolder) out.uploadFolder = override.uploadFolder;
  if (override.required !== undefined) out.required = override.required;
  if (override.hint) out.hint = override.hint;
  if (override.hidden !== undefined) out.hidden = override.hidden;
  if (override.default !== undefined) out.default = override.default;
  return out;
}

/**
 * The form of a collection from its files' own front matter (as the engine parsed it, dates as
 * Dates), the site's known sets and its explicit settings.
 */
export function inferSchema(
  frontMatters: readonly Record<string, unknown>[],
  known: KnownValues,
  overrides?: SchemaOverrides,
  collection?: { name: string; folder: string },
): FieldSchema[] {
  const names = fieldOrder(frontMatters);
  // A configured collection is the inferred one by name, or by folder (Decap's `posts` may be the folder `news`).
  const configured = collection ? overrides?.collections.find((c) => c.name === collection.name || (c.folder !== undefined && c.folder !== "" && c.folder === collection.folder)) : undefined;
  for (const name of configured?.fieldOrder ?? Object.keys(configured?.fields ?? {})) if (!names.includes(name)) names.push(name);
  const ordered = configured?.fieldOrder ? [...configured.fieldOrder.filter((n) => names.includes(n)), ...names.filter((n) => !configured.fieldOrder!.includes(n))] : names;
  const uploadFolder = configured?.uploadFolder ?? overrides?.media.uploadFolder;
  return ordered.map((name) => {
    const values = frontMatters.map((data) => data[name]);
    const { type, options } = typeOf(name, values, known);
    let field: FieldSchema = { name, label: labelOfField(name), type };
    if (options) field.options = options;
    if (frontMatters.length > 1 && values.every((v) => v !== undefined && v !== null && v !== "")) field.required = true;
    field = applyOverride(field, overrides ? fieldOverride(overrides, configured?.name ?? collection?.name, name) : undefined);
    if (field.type === "image" && !field.uploadFolder && uploadFolder) field.uploadFolder = uploadFolder;
    return field;
  });
}
