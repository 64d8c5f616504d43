/**
 * `eleventyComputed`: values computed per page from the rest of its data, as functions or as
 * template strings. Keys that read other computed keys are evaluated after them.
 */
import type { UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { isPlainObject, type DataObject } from "./data-merge.js";

export type StringRenderer = (text: string, data: DataObject) => Promise<string>;

interface ComputedEntry {
  path: string[];
  value: unknown;
}

function flatten(spec: DataObject, prefix: string[] = []): ComputedEntry[] {
  const out: ComputedEntry[] = [];
  for (const [key, value] of Object.entries(spec)) {
    if (isPlainObject(value)) out.push(...flatten(value, [...prefix, key]));
    else out.push({ path: [...prefix, key], value });
  }
  return out;
}

function sourceText(value: unknown): string {
  return typeof value === "function" ? value.toString() : typeof value === "string" ? value : "";
}

/** Orders entries so that one mentioning another computed key's name runs after it. */
function order(entries: ComputedEntry[]): ComputedEntry[] {
  const names = entries.map((e) => e.path.join("."));
  const deps = entries.map((e, i) => {
    const text = sourceText(e.value);
    return names.filter((n, j) => j !== i && new RegExp(`\\b${n.replace(/\./g, "\\.")}\\b`).test(text));
  });
  const out: ComputedEntry[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (i: number): void => {
    if (state.get(i) === "done" || state.get(i) === "visiting") return;
    state.set(i, "visiting");
    for (const dep of deps[i]!) visit(names.indexOf(dep));
    state.set(i, "done");
    out.push(entries[i]!);
  };
  entries.forEach((_, i) => visit(i));
  return out;
}

function setPath(target: DataObject, path: string[], value: unknown): void {
  let node = target;
  for (const [depth, key] of path.slice(0, -1).entries()) {
    const next = node[key];
    // The page's own `page` object is written in place: the build sets its url and output path later.
    if (depth === 0 && key === "page" && isPlainObject(next)) {
      node = next;
      continue;
    }
    // Copy on write: the object may be shared with other pages through the cascade.
    node = node[key] = isPlainObject(next) ? { ...next } : {};
  }
  node[path[path.length - 1]!] = value;
}

/** Computed values that read the page's URL or output path: they are computed again once those are known. */
const readsPageLocation = (entry: ComputedEntry): boolean => /page\??\.(url|outputPath)\b/.test(sourceText(entry.value));

export async function applyComputedData(data: DataObject, render: StringRenderer, inputPath: string, onlyPageLocationReaders = false): Promise<void> {
  const spec = data.eleventyComputed;
  if (!isPlainObject(spec)) return;
  for (const entry of order(flatten(spec))) {
    if (onlyPageLocationReaders && !readsPageLocation(entry)) continue;
    let value: unknown;
    try {
      if (typeof entry.value === "function") value = await (entry.value as UserFunction)(data);
      else if (typeof entry.value === "string") value = await render(entry.value, data);
      else value = entry.value;
    } catch (cause) {
      if (cause instanceof PlinthError) throw cause;
      throw new PlinthError("ComputedDataInvalid", `eleventyComputed.${entry.path.join(".")} failed: ${(cause as Error).message}`, {
        location: { file: inputPath },
        cause,
      });
    }
    setPath(data, entry.path, value);
  }
}

/** True when computed data may read `page.url` or `page.outputPath`, which permalinks settle after the first pass. */
export function computedReadsPageLocation(data: DataObject): boolean {
  const spec = data.eleventyComputed;
  return isPlainObject(spec) && flatten(spec).some(readsPageLocation);
}

/** True when computed data may read collections, and so must run again once they exist. */
export function computedReadsCollections(data: DataObject): boolean {
  const spec = data.eleventyComputed;
  return isPlainObject(spec) && flatten(spec).some((e) => sourceText(e.value).includes("collections"));
}
