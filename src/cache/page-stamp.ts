/**
 * A page's own inputs, as one hash. Two builds that give a page the same stamp, the same global
 * data and the same config render it from the same inputs; what it reads of other pages, of
 * collections and of files while it renders is in its render record. Most pages are made from
 * files alone and are stamped by their names (see madeFromFiles); the others by the value of
 * their data after the cascade, pagination and computed data.
 *
 * Global data is left out (the build cache compares it as a whole), and so is `collections`
 * (reads of it are recorded). A collection item inside the data (a pagination chunk of posts)
 * stands for its page by key: its fields are reads, recorded when the page renders.
 */
import { pageOfItem, itemKey, type Page } from "../engine/page-model.js";
import type { DataObject } from "../engine/data-merge.js";
import { contentHash } from "../util/content-hash.js";

/** A value no stamp can stand for: the page renders every time. */
export class Unstampable extends Error {}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Lists at least this long are stamped once for all the pages that hold them. */
const SHARED_LENGTH = 32;
/** Stamps of long lists, by list; pages of one build share them, and a list is not changed once pages are made. */
const sharedStamps = new WeakMap<object, string>();

function stampList(list: readonly unknown[], out: string[], seen: Set<object>): void {
  out.push("[");
  for (const item of list) stampValue(item, out, seen);
  out.push("]");
}

/** Appends a canonical text of `value` to `out`; objects by their keys in order, cycles by position. */
function stampValue(value: unknown, out: string[], seen: Set<object>): void {
  switch (typeof value) {
    case "string":
      out.push("s", String(value.length), ":", value);
      return;
    case "number":
    case "boolean":
    case "bigint":
      out.push((typeof value)[0]!, String(value), ";");
      return;
    case "undefined":
      out.push("u;");
      return;
    case "symbol":
      out.push("y", String(value), ";");
      return;
    case "function":
      // The project's code is unchanged (the build cache checked it), so the same text is the same function.
      out.push("f", String(value.length), ":", (value as () => unknown).toString(), ";");
      return;
  }
  if (value === null) return void out.push("n;");
  const object = value as object;
  const owner = pageOfItem(object);
  if (owner) return void out.push("i", itemKey(owner), ";");
  if (value instanceof Date) return void out.push("d", String(value.getTime()), ";");
  if (seen.has(object)) return void out.push("c;");
  // A long list shared by many pages (a pagination's `pages`, every chunk of every page) is stamped once.
  if (Array.isArray(object) && object.length >= SHARED_LENGTH) {
    let stamp = sharedStamps.get(object);
    if (stamp === undefined) {
      const own: string[] = [];
      seen.add(object);
      stampList(object, own, seen);
      seen.delete(object);
      sharedStamps.set(object, (stamp = contentHash(own.join(""))));
    }
    return void out.push("h", stamp, ";");
  }
  seen.add(object);
  if (Array.isArray(object)) {
    stampList(object, out, seen);
  } else if (isPlainObject(object)) {
    out.push("{");
    for (const key of Object.keys(object)) {
      out.push(key, "=");
      stampValue((object as DataObject)[key], out, seen);
    }
    out.push("}");
  } else if (object instanceof Map) {
    out.push("M");
    stampValue([...object], out, seen);
  } else if (object instanceof Set) {
    out.push("S");
    stampValue([...object], out, seen);
  } else {
    // A class instance (a luxon DateTime): its JSON form, when that says something about it.
    let json: string | undefined;
    try {
      json = JSON.stringify(object);
    } catch {
      json = undefined;
    }
    if (json === undefined || (json === "{}" && !("toJSON" in object))) throw new Unstampable(`a ${object.constructor?.name ?? "value"} in the data`);
    out.push("j", object.constructor?.name ?? "", json, ";");
  }
  seen.delete(object);
}

/** Code: what a data file or a template written in it gives is known only by running it. */
const CODE = /\.(?:[cm]?[jt]sx?)$/;

/** What a page's data may hold that the files it was made from do not fix. */
export interface StampContext {
  globalData: DataObject;
  /** The config changes templates as they are read (`addPreprocessor`). */
  preprocesses: boolean;
  /** The chain holds a language added with `addExtension`, whose `getData` is code. */
  isCustom: (chain: readonly string[]) => boolean;
}

/**
 * True when a page's data is made from files alone, each fingerprinted by the build cache: its
 * template's file, its directory and template data files (JSON, not code), its layouts, global
 * data (compared as a whole) and the config (unchanged, or the build is full). Such a page's
 * data is the same when none of those files changed, so its stamp need not hold the data.
 * Pagination (over collections, other pages' data), computed data, JavaScript data files,
 * preprocessors and custom languages are code or read other pages: those pages are stamped by value.
 */
function madeFromFiles(page: Page, context: StampContext): boolean {
  const { template } = page;
  const { source } = template;
  return (
    !source.virtual &&
    source.javascript === undefined &&
    template.data.pagination === undefined &&
    page.data.eleventyComputed === undefined &&
    !context.preprocesses &&
    !context.isCustom(template.chain) &&
    !template.dataFiles.some((file) => CODE.test(file))
  );
}

/**
 * The page's stamp, or undefined when some value in its data cannot be compared across
 * processes (such a page renders on every build). A page made from files alone (see above) is
 * stamped by those files' names and the values the build derived from more than them: its output
 * path and URL (a permalink may read the collections made so far) and its date (from git, or a
 * date parser); the plan renders it again when one of the files changed. Any other page is
 * stamped by its data's value, body included.
 */
export function pageStamp(page: Page, context: StampContext): string | undefined {
  const { template } = page;
  const out: string[] = [
    template.source.inputPath,
    "\n",
    template.chain.join(","),
    "\n",
    template.layouts.map((layout) => layout.source.file).join(","),
    "\n",
    String(page.outputRelative),
    "\n",
    String(page.pageNumber),
    "\n",
  ];
  if (madeFromFiles(page, context)) {
    out.push("files:", template.dataFiles.join(","), "\n", String(page.page.url), "\n", String(page.page.date.getTime()));
    return contentHash(out.join(""));
  }
  out.push("value:", template.source.frontMatter.body, "\n");
  const { globalData } = context;
  const seen = new Set<object>();
  try {
    for (const key of Object.keys(page.data)) {
      const value = page.data[key];
      if (key === "collections" || (key in globalData && value === globalData[key])) continue;
      out.push(key, "=");
      stampValue(value, out, seen);
    }
  } catch (error) {
    if (error instanceof Unstampable) return undefined;
    throw error;
  }
  return contentHash(out.join(""));
}

/**
 * Whether a file the page's data was made from changed: its template's, a data file of it, a
 * layout (whose front matter joins the data). Such a page renders again, and what other pages
 * read of it is checked, whatever its stamp says.
 */
export function madeFromChangedFile(page: Page, changed: ReadonlySet<string>): boolean {
  const { template } = page;
  return (!template.source.virtual && changed.has(template.source.file)) || template.dataFiles.some((file) => changed.has(file)) || template.layouts.some((layout) => changed.has(layout.source.file));
}
