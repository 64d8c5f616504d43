/**
 * What each page used while it rendered: the template files (layouts, includes, partials), the
 * collections it listed, and the fields of other pages it showed (a title, a URL, a body).
 * Incremental rebuilds compare these records with the new state of the site to decide,
 * exactly, which pages must render again. Tracking follows async rendering through
 * AsyncLocalStorage, so pages rendering concurrently keep separate records.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** A value as it was read, kept small: primitives as they are, anything else as JSON text. */
export type ReadValue = string | number | boolean | null | undefined;

export interface RenderRecord {
  /** Absolute paths of template files read: includes, partials, layouts. */
  files: Set<string>;
  /** Collection name -> the identity list (`inputPath@url` joined) seen when it was read. */
  collections: Map<string, string>;
  /** Other page's key (`inputPath@outputRelative`) -> field -> value as read. */
  items: Map<string, Map<string, ReadValue>>;
}

const storage = new AsyncLocalStorage<RenderRecord>();

export function newRecord(): RenderRecord {
  return { files: new Set(), collections: new Map(), items: new Map() };
}

export function trackRender<T>(record: RenderRecord, fn: () => Promise<T>): Promise<T> {
  return storage.run(record, fn);
}

export function currentRecord(): RenderRecord | undefined {
  return storage.getStore();
}

/** Records that read whole data objects too (see `recordDataObjectRead`): an expansion's, not a render's. */
const wholeDataReaders = new WeakSet<RenderRecord>();

export function markWholeDataReads(record: RenderRecord): RenderRecord {
  wholeDataReaders.add(record);
  return record;
}

/**
 * Another page's data object was taken (`item.data`). A render is judged by the fields it then
 * reads; an expansion may keep the object itself in its pages' data, so it depends on all of it.
 */
export function recordDataObjectRead(itemKey: string): void {
  const record = storage.getStore();
  if (record && wholeDataReaders.has(record)) recordItemRead(itemKey, "data", "object");
}

export function recordFile(file: string): void {
  storage.getStore()?.files.add(file);
}

export function snapshot(value: unknown): ReadValue {
  if (value === null || value === undefined || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return `date:${value.getTime()}`;
  if (typeof value === "function") return `fn:${value.name}`;
  try {
    return `json:${JSON.stringify(value)}`;
  } catch {
    return `opaque:${Object.prototype.toString.call(value)}`;
  }
}

export function recordItemRead(itemKey: string, field: string, value: unknown): void {
  const record = storage.getStore();
  if (!record) return;
  let fields = record.items.get(itemKey);
  if (!fields) record.items.set(itemKey, (fields = new Map()));
  if (!fields.has(field)) fields.set(field, snapshot(value));
}

export function recordCollection(name: string, identity: string): void {
  const record = storage.getStore();
  if (record && !record.collections.has(name)) record.collections.set(name, identity);
}
