/**
 * What a build remembers of its pages for the next process, next to the build cache: for each
 * page its key, the stamp of its own inputs (page-stamp.ts), the output it wrote, and its render
 * record (the files, collections and fields of other pages it read); the identity of each
 * collection some page read; and the rendered content of the pages whose content another page
 * showed (a feed of full posts), since a later build that renders the feed but not the posts
 * needs it. The file belongs to one build record of the build cache, by id.
 */
import { readFileSync, rmSync } from "node:fs";
import type { ReadValue, RenderRecord } from "../engine/render-tracking.js";
import { writeFileAtomic } from "../util/atomic-write.js";

const FORMAT = 4;

/**
 * [item key index, field index, value]: a field of another page as some page read it. The value
 * is left out when it was `undefined`, which JSON cannot hold. A post's title read by its
 * neighbours, its tag pages and the lists is written once.
 */
type StoredRead = [number, number] | [number, number, Exclude<ReadValue, undefined>];

/** [key index, stamp or null, output path or null, file indexes, collection read indexes, item read indexes] */
type StoredPage = [number, string | null, string | null, number[], number[], number[]];

/** Tables the pages point into, so a path or a field read by many pages is written once. */
interface StoredTables {
  keys: string[];
  files: string[];
  fields: string[];
  /** [collection, identity] as some page read it. */
  collectionReads: [string, string][];
  itemReads: StoredRead[];
}

interface MemoryFile extends StoredTables {
  format: number;
  /** The build record this memory goes with. */
  id: string;
  collections: [string, string][];
  pages: StoredPage[];
  contents: Record<string, string>;
  /** Rows written since the tables were last made afresh (see writePageMemory). */
  appended: number;
}

/**
 * The stored form behind a memory read from disk, and each of its records' rows: a build that
 * rendered a few pages writes the others' rows as they were, instead of encoding 10,000
 * records again. Kept aside, so a memory compares equal to the one that was written.
 */
const storedForms = new WeakMap<PageMemory, MemoryFile>();
const storedRows = new WeakMap<RenderRecord, StoredPage>();

export interface RememberedPage {
  stamp: string | undefined;
  /** The output the page wrote, relative to the output folder; undefined when it wrote none. */
  output: string | undefined;
  record: RenderRecord;
}

export interface PageMemory {
  pages: Map<string, RememberedPage>;
  /** Collection name -> identity at the end of the build, for each collection some page read. */
  collections: Map<string, string>;
  /** Rendered content by page key, for the pages whose content some page read. */
  contents: Map<string, string>;
}

export function readPageMemory(file: string, id: string): PageMemory | undefined {
  let stored: MemoryFile;
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as MemoryFile;
  } catch {
    return undefined;
  }
  if (stored.format !== FORMAT || stored.id !== id) return undefined;
  const { keys, files, fields, collectionReads, itemReads } = stored;
  const pages = new Map<string, RememberedPage>();
  for (const row of stored.pages) {
    const [keyIndex, stamp, output, fileIndexes, collectionIndexes, readIndexes] = row;
    const items = new Map<string, Map<string, ReadValue>>();
    for (const index of readIndexes) {
      const read = itemReads[index]!;
      const item = keys[read[0]]!;
      let itemFields = items.get(item);
      if (!itemFields) items.set(item, (itemFields = new Map()));
      itemFields.set(fields[read[1]]!, read.length === 3 ? read[2] : undefined);
    }
    const record: RenderRecord = { files: new Set(fileIndexes.map((index) => files[index]!)), collections: new Map(collectionIndexes.map((index) => collectionReads[index]!)), items };
    storedRows.set(record, row);
    pages.set(keys[keyIndex]!, { stamp: stamp ?? undefined, output: output ?? undefined, record });
  }
  const memory: PageMemory = { pages, collections: new Map(stored.collections), contents: new Map(Object.entries(stored.contents)) };
  storedForms.set(memory, stored);
  return memory;
}

/**
 * Index of each value in a table, added on first use. A table carried over from the last memory
 * keeps its values where they were (rows written as they were point into them), and a value it
 * already holds is found there: otherwise every build would store again each key and read its
 * new rows point to, and the file would grow with every build. The carried values are indexed
 * on the first lookup, so a build whose rows all carried over does not pay for it.
 */
function table<T>(key: (value: T) => string = String, values: T[] = []): { values: T[]; indexOf: (value: T) => number } {
  let indexes: Map<string, number> | undefined;
  return {
    values,
    indexOf(value) {
      if (!indexes) {
        indexes = new Map();
        for (let index = 0; index < values.length; index++) {
          const name = key(values[index]!);
          if (!indexes.has(name)) indexes.set(name, index);
        }
      }
      const name = key(value);
      let index = indexes.get(name);
      if (index === undefined) {
        indexes.set(name, (index = values.length));
        values.push(value);
      }
      return index;
    },
  };
}

/** Whether to carry the last memory's tables over: most rows unchanged, and not too much stored twice since the last fresh write. */
function carriesOver(previous: MemoryFile | undefined, memory: PageMemory): previous is MemoryFile {
  if (!previous) return false;
  let unchanged = 0;
  for (const { record } of memory.pages.values()) if (storedRows.has(record)) unchanged++;
  const fresh = memory.pages.size - unchanged;
  return unchanged >= memory.pages.size / 2 && previous.appended + fresh <= memory.pages.size / 4;
}

/**
 * Writes the memory atomically (temp file, then rename): a half-written file never passes for a
 * memory. With `previous`, the memory this build started from, the rows of pages that kept their
 * records are written as they were read.
 */
export function writePageMemory(file: string, id: string, memory: PageMemory, previous?: PageMemory): void {
  const base = previous ? storedForms.get(previous) : undefined;
  const carried = carriesOver(base, memory) ? base : undefined;
  const keys = table<string>(String, carried?.keys);
  const files = table<string>(String, carried?.files);
  const fields = table<string>(String, carried?.fields);
  const collectionReads = table<[string, string]>(([name, identity]) => `${name}\n${identity}`, carried?.collectionReads);
  const itemReads = table<StoredRead>((read) => `${read[0]}\0${read[1]}\0${read.length === 3 ? `${typeof read[2]}:${String(read[2])}` : "undefined"}`, carried?.itemReads);
  const pages: StoredPage[] = [];
  let appended = carried?.appended ?? 0;
  for (const [key, { stamp, output, record }] of memory.pages) {
    const row = carried && storedRows.get(record);
    if (row) {
      pages.push([row[0], stamp ?? null, output ?? null, row[3], row[4], row[5]]);
      continue;
    }
    const reads: number[] = [];
    for (const [item, itemFields] of record.items) {
      const ref = keys.indexOf(item);
      for (const [field, value] of itemFields) reads.push(itemReads.indexOf(value === undefined ? [ref, fields.indexOf(field)] : [ref, fields.indexOf(field), value]));
    }
    pages.push([keys.indexOf(key), stamp ?? null, output ?? null, [...record.files].map(files.indexOf), [...record.collections].map(collectionReads.indexOf), reads]);
    if (carried) appended++;
  }
  const stored: MemoryFile = {
    format: FORMAT,
    id,
    keys: keys.values,
    files: files.values,
    fields: fields.values,
    collectionReads: collectionReads.values,
    itemReads: itemReads.values,
    collections: [...memory.collections],
    pages,
    contents: Object.fromEntries(memory.contents),
    appended,
  };
  writeFileAtomic(file, JSON.stringify(stored));
}

export function forgetPageMemory(file: string): void {
  rmSync(file, { force: true });
}
