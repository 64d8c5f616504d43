/**
 * The data cascade's merge rule, as a pure function: objects deep-merge, arrays concatenate,
 * anything else is replaced by the higher layer. A key written `override:name` replaces
 * instead of merging. Inputs are never mutated: untouched branches are shared, not copied.
 */

export type DataObject = Record<string, unknown>;

const OVERRIDE = "override:";

export function isPlainObject(value: unknown): value is DataObject {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function mergeValue(lower: unknown, higher: unknown): unknown {
  if (Array.isArray(higher)) return Array.isArray(lower) ? lower.concat(higher) : higher;
  if (isPlainObject(higher)) return mergeInto(isPlainObject(lower) ? { ...lower } : {}, higher);
  return higher;
}

function mergeInto(target: DataObject, source: DataObject): DataObject {
  for (const key of Object.keys(source)) {
    if (key.startsWith(OVERRIDE)) target[key.slice(OVERRIDE.length)] = source[key];
    else target[key] = mergeValue(target[key], source[key]);
  }
  return target;
}

/** Merges data layers, lowest precedence first. */
export function mergeLayers(layers: readonly (DataObject | undefined)[], deep = true): DataObject {
  const result: DataObject = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (!deep) {
      for (const key of Object.keys(layer)) result[key.startsWith(OVERRIDE) ? key.slice(OVERRIDE.length) : key] = layer[key];
      continue;
    }
    for (const key of Object.keys(layer)) {
      if (key.startsWith(OVERRIDE)) {
        result[key.slice(OVERRIDE.length)] = layer[key];
        continue;
      }
      const value = layer[key];
      // A lone layer's object is shared as is; copies are made only where two layers meet.
      result[key] = key in result ? mergeValue(result[key], value) : value;
    }
  }
  return result;
}

/** Eleventy's `tags` normalisation: a string is split on commas, duplicates go, every tag is a string. */
export function normalizeTags(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === "") return value === undefined ? undefined : [];
  const list = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (!list) return undefined;
  return [...new Set(list)].map((t) => String(t));
}

/** Returns the layer with its `tags` normalised, without touching the original. */
export function cleanLayer(layer: DataObject): DataObject {
  if (!("tags" in layer)) return layer;
  const tags = normalizeTags(layer.tags);
  return tags ? { ...layer, tags } : layer;
}
