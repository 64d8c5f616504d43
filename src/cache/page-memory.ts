/**
 * What a build remembers of its pages for the next process, next to the build cache: for each
 * page its key, the stamp of its own inputs (page-stamp.ts), the output it wrote, and its render
 * record (the files, collections and fields of other pages it read); the identity of each
 * collection some page read; and the rendered content of the pages whose content another page
 * showed (a feed of full posts), since a later build that renders the feed but not the posts
 * needs it. The file belongs to one build record of the build cache, by id.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ReadValue, RenderRecord } from "../engine/render-tracking.js";

const FORMAT = 3;

/**
 * [item, field index, value]: a field of another page as some page read it, where the item is
 * the index of that page in `pages` (or its key when no page has it now). The value is left out
 * when it was `undefined`, which JSON cannot hold. A post's title read by its neighbours, its
 * tag pages and the lists is written once.
 */
type StoredRead = [number | string, number] | [number | string, number, Exclude<ReadValue, undefined>];

/** [key, stamp or null, output path or null, file indexes, collection read indexes, item read indexes] */
type StoredPage = [string, string | null, string | null, number[], number[], number[]];

interface MemoryFile {
  format: number;
  /** The build record this memory goes with. */
  id: string;
  /** Tables the pages point into, so a path or a field read by many pages is written once. */
  files: string[];
  fields: string[];
  /** [collection, identity] as some page read it. */
  collectionReads: [string, string][];
  itemReads: StoredRead[];
  collections: [string, string][];
  pages: StoredPage[];
  contents: Record<string, string>;
}

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
  const { files, fields, collectionReads, itemReads } = stored;
  const keys = stored.pages.map((page) => page[0]);
  const pages = new Map<string, RememberedPage>();
  for (const [key, stamp, output, fileIndexes, collectionIndexes, readIndexes] of stored.pages) {
    const items = new Map<string, Map<string, ReadValue>>();
    for (const index of readIndexes) {
      const read = itemReads[index]!;
      const item = typeof read[0] === "number" ? keys[read[0]]! : read[0];
      let itemFields = items.get(item);
      if (!itemFields) items.set(item, (itemFields = new Map()));
      itemFields.set(fields[read[1]]!, read.length === 3 ? read[2] : undefined);
    }
    const record: RenderRecord = { files: new Set(fileIndexes.map((index) => files[index]!)), collections: new Map(collectionIndexes.map((index) => collectionReads[index]!)), items };
    pages.set(key, { stamp: stamp ?? undefined, output: output ?? undefined, record });
  }
  return { pages, collections: new Map(stored.collections), contents: new Map(Object.entries(stored.contents)) };
}

/** Index of each value in a table, added on first use. */
function table<T>(key: (value: T) => string = String): { values: T[]; indexOf: (value: T) => number } {
  const values: T[] = [];
  const indexes = new Map<string, number>();
  return {
    values,
    indexOf(value) {
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

/** Writes the memory atomically (temp file, then rename): a half-written file never passes for a memory. */
export function writePageMemory(file: string, id: string, memory: PageMemory): void {
  const files = table<string>();
  const fields = table<string>();
  const collectionReads = table<[string, string]>(([name, identity]) => `${name}\n${identity}`);
  const itemReads = table<StoredRead>((read) => `${read[0]}\0${read[1]}\0${read.length === 3 ? `${typeof read[2]}:${String(read[2])}` : "undefined"}`);
  const pageIndex = new Map([...memory.pages.keys()].map((key, index) => [key, index]));
  const pages: StoredPage[] = [];
  for (const [key, { stamp, output, record }] of memory.pages) {
    const reads: number[] = [];
    for (const [item, itemFields] of record.items) {
      const ref = pageIndex.get(item) ?? item;
      for (const [field, value] of itemFields) reads.push(itemReads.indexOf(value === undefined ? [ref, fields.indexOf(field)] : [ref, fields.indexOf(field), value]));
    }
    pages.push([key, stamp ?? null, output ?? null, [...record.files].map(files.indexOf), [...record.collections].map(collectionReads.indexOf), reads]);
  }
  const stored: MemoryFile = {
    format: FORMAT,
    id,
    files: files.values,
    fields: fields.values,
    collectionReads: collectionReads.values,
    itemReads: itemReads.values,
    collections: [...memory.collections],
    pages,
    contents: Object.fromEntries(memory.contents),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(stored));
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function forgetPageMemory(file: string): void {
  rmSync(file, { force: true });
}
