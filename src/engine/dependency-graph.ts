/**
 * The reverse of the render records: for each page, file and collection, which pages read it.
 * An update asks it who might be affected by what changed, and checks only those pages'
 * records, so the work of an update follows the size of the change, not of the site.
 */
import type { RenderRecord } from "./render-tracking.js";

type Index = Map<string, Set<string>>;

function add(index: Index, key: string, reader: string): void {
  const set = index.get(key);
  if (set) set.add(reader);
  else index.set(key, new Set([reader]));
}

function remove(index: Index, key: string, reader: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(reader);
  if (set.size === 0) index.delete(key);
}

export class DependencyGraph {
  private readonly items: Index = new Map();
  private readonly files: Index = new Map();
  private readonly collections: Index = new Map();
  private readonly records = new Map<string, RenderRecord>();

  /** Replaces what page `reader` depends on with what its new record says. */
  set(reader: string, record: RenderRecord): void {
    this.delete(reader);
    this.records.set(reader, record);
    for (const key of record.items.keys()) add(this.items, key, reader);
    for (const file of record.files) add(this.files, file, reader);
    for (const name of record.collections.keys()) add(this.collections, name, reader);
  }

  delete(reader: string): void {
    const old = this.records.get(reader);
    if (!old) return;
    this.records.delete(reader);
    for (const key of old.items.keys()) remove(this.items, key, reader);
    for (const file of old.files) remove(this.files, file, reader);
    for (const name of old.collections.keys()) remove(this.collections, name, reader);
  }

  /** Pages that read any of these pages, files or collections. */
  readersOf(items: Iterable<string>, files: Iterable<string>, collections: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const collect = (index: Index, keys: Iterable<string>): void => {
      for (const key of keys) for (const reader of index.get(key) ?? []) out.add(reader);
    };
    collect(this.items, items);
    collect(this.files, files);
    collect(this.collections, collections);
    return out;
  }

  /** Every collection some page read, to compare with the new build's collections. */
  collectionNames(): IterableIterator<string> {
    return this.collections.keys();
  }
}
