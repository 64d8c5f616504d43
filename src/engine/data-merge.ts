/**
 * The data cascade's merge rule, as a pure function: objects deep-merge, arrays concatenate,
 * anything else is replaced by the higher layer. A key written `override:name` replaces
 * instead of merging. Inputs are never mutated: untouched branches are shared, not copied.
 */

import { PlinthError } from "../errors/plinth-error.js";

export type DataObject = Record<string, unknown>;

const OVERRIDE = "override:";

export function isPlainObject(value: unknown): value is DataObject {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const overrideCache = new WeakMap<object, boolean>();

/** Whether an object holds `override:` keys at any depth (then it must be copied to clean them). */
function hasOverrideKeys(value: DataObject): boolean {
  let found = overrideCache.get(value);
  if (found === undefined) {
    found = false;
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (key.startsWith(OVERRIDE) || (isPlainObject(child) && hasOverrideKeys(child))) {
        found = true;
        break;
      }
    }
    overrideCache.set(value, found);
  }
  return found;
}

/** A value entering the cascade on its own: shared as is, unless it has keys to clean. */
function adopt(value: unknown): unknown {
  return isPlainObject(value) && hasOverrideKeys(value) ? mergeInto({}, value) : value;
}

/**
 * Eleventy's merge rule for one key: arrays concatenate; objects merge key by key; an object
 * stays when a higher layer gives a scalar or an array for it (only `override:` replaces it);
 * anything else is replaced by the higher value.
 */
function mergeValue(lower: unknown, higher: unknown): unknown {
  if (Array.isArray(lower) && Array.isArray(higher)) return lower.concat(higher);
  if (isPlainObject(lower)) return isPlainObject(higher) ? mergeInto({ ...lower }, higher) : lower;
  return adopt(higher);
}

function mergeInto(target: DataObject, source: DataObject): DataObject {
  for (const key of Object.keys(source)) {
    if (key.startsWith(OVERRIDE)) target[key.slice(OVERRIDE.length)] = adopt(source[key]);
    else target[key] = key in target ? mergeValue(target[key], source[key]) : adopt(source[key]);
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
    // Objects met in only one layer are shared, not copied: pages hold references to global data.
    mergeInto(result, layer);
  }
  return result;
}

/**
 * Eleventy's `tags` normalisation: a string is split on commas, duplicates go, every tag is a
 * string; empty values mean no tags. Anything else is an error, as in Eleventy.
 */
export function normalizeTags(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === "" || value === false) return [];
  const list = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (!list) {
    throw new PlinthError("TagsInvalid", `\`tags\` must be a string or a list of strings, not ${JSON.stringify(value)}.`);
  }
  return [...new Set(list)].map((t) => String(t));
}

/** Returns the layer with its `tags` normalised, without touching the original. */
export function cleanLayer(layer: DataObject): DataObject {
  if (!("tags" in layer)) return layer;
  const tags = normalizeTags(layer.tags);
  return tags ? { ...layer, tags } : layer;
}
