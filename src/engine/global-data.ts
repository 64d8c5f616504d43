/**
 * Global data: every data file under `_data`, keyed by its path (`_data/site.json` is `site`,
 * `_data/org/members.json` is `org.members`), merged under the config's `addGlobalData` values.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { mergeLayers, type DataObject } from "./data-merge.js";
import { dataExtensionOf, loadDataFile, type DataFileContext } from "./data-file.js";

/** Later entries win when two files share a name: custom formats < JSON < JavaScript. */
function priority(ext: string): number {
  if (ext === "json") return 1;
  if (ext === "js" || ext === "cjs" || ext === "mjs") return 2;
  return 0;
}

function listDataFiles(dir: string, ctx: DataFileContext): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(abs);
      } else if (dataExtensionOf(abs, ctx.dataExtensions)) out.push(abs);
    }
  };
  walk(dir);
  return out;
}

function setPath(target: DataObject, keys: string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = typeof next === "object" && next !== null && !Array.isArray(next) ? (next as DataObject) : (node[key] = {});
  }
  node[keys[keys.length - 1]!] = value;
}

export interface GlobalDataResult {
  data: DataObject;
  files: string[];
  /** The values from `addGlobalData`, as JSON, to tell later whether they changed. */
  configStamp: string;
}

/** Evaluates `addGlobalData` values (functions are called) into one object. */
export async function configGlobalData(configData: Map<string, unknown>): Promise<DataObject> {
  const out: DataObject = {};
  for (const [key, value] of configData) {
    setPath(out, key.split("."), typeof value === "function" ? await (value as () => unknown)() : value);
  }
  return out;
}

export function stampOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch {
    // Unserialisable data cannot be compared: treat it as changed every time.
    return `unserialisable:${Math.random()}`;
  }
}

export async function loadGlobalData(dataDir: string, configData: Map<string, unknown>, ctx: DataFileContext): Promise<GlobalDataResult> {
  const files = listDataFiles(dataDir, ctx).sort((a, b) => {
    const ka = a.slice(0, -path.extname(a).length);
    const kb = b.slice(0, -path.extname(b).length);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return priority(path.extname(a).slice(1)) - priority(path.extname(b).slice(1));
  });
  const values = await Promise.all(files.map((f) => loadDataFile(f, ctx)));
  const fromFiles: DataObject = {};
  files.forEach((file, i) => {
    const rel = path.relative(dataDir, file);
    const keys = rel.slice(0, -path.extname(rel).length).split(path.sep);
    setPath(fromFiles, keys, values[i]);
  });
  const fromConfig = await configGlobalData(configData);
  return { data: mergeLayers([fromFiles, fromConfig]), files, configStamp: stampOf(fromConfig) };
}
