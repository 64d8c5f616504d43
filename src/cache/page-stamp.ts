/**
 * A page's own inputs, as one hash, with its template's file: its template's languages, its
 * layouts, its output path and its data after the cascade, pagination and computed data. The
 * body is the file's, so a page whose file is unchanged has the same body. Two builds that give a
 * page the same stamp, the same global data and the same config render it from the same
 * inputs; what it reads of other pages, of collections and of files is in its render record.
 *
 * Global data is left out (the build cache compares it as a whole), and so is `collections`
 * (reads of it are recorded). A collection item inside the data (a pagination chunk of posts)
 * stands for its page by key: its fields are reads, recorded when the page renders.
 */
import { pageOfItem, itemKey, type Page, type PageVariable } from "../engine/page-model.js";
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

/**
 * The `page` variable without `rawInput` and `excerpt`: the body and excerpt come from the
 * template's file as the config reads it, and a page whose file changed renders again anyway
 * (remembered-plan.ts), so a page's stamp need not hash its body.
 */
function stampPageVariable(variable: PageVariable, out: string[], seen: Set<object>): void {
  out.push("{");
  for (const key of Object.keys(variable)) {
    if (key === "rawInput" || key === "excerpt") continue;
    out.push(key, "=");
    stampValue((variable as unknown as DataObject)[key], out, seen);
  }
  out.push("}");
}

/**
 * The page's stamp, or undefined when some value in its data cannot be compared across
 * processes (such a page renders on every build).
 */
export function pageStamp(page: Page, globalData: DataObject): string | undefined {
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
  // A virtual template's body comes from the config, not a file the plan can see change.
  if (template.source.virtual) out.push(template.source.frontMatter.body, "\n");
  const seen = new Set<object>();
  try {
    for (const key of Object.keys(page.data)) {
      const value = page.data[key];
      if (key === "collections" || (key in globalData && value === globalData[key])) continue;
      out.push(key, "=");
      if (value === page.page) stampPageVariable(page.page, out, seen);
      else stampValue(value, out, seen);
    }
  } catch (error) {
    if (error instanceof Unstampable) return undefined;
    throw error;
  }
  return contentHash(out.join(""));
}
