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

const FORMAT = 1;

/** [field, value]; the value is left out when it was `undefined`, which JSON cannot hold. */
type StoredRead = [string] | [string, Exclude<ReadValue, undefined>];

/** [key, stamp or null, output path or null, file indexes, [collection, identity][], [item key, reads][]] */
type StoredPage = [string, string | null, string | null, number[], [string, string][], [string, StoredRead[]][]];

interface MemoryFile {
  format: number;
  /** The build record this memory goes with. */
  id: string;
  files: string[];
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
  const pages = new Map<string, RememberedPage>();
  for (const [key, stamp, output, files, collections, items] of stored.pages) {
    const record: RenderRecord = {
      files: new Set(files.map((index) => stored.files[index]!)),
      collections: new Map(collections),
      items: new Map(items.map(([item, reads]) => [item, new Map(reads.map((read) => [read[0], read.length === 2 ? read[1] : undefined]))])),
    };
    pages.set(key, { stamp: stamp ?? undefined, output: output ?? undefined, record });
  }
  return { pages, collections: new Map(stored.collections), contents: new Map(Object.entries(stored.contents)) };
}

/** Writes the memory atomically (temp file, then rename): a half-written file never passes for a memory. */
export function writePageMemory(file: string, id: string, memory: PageMemory): void {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const indexOf = (name: string): number => {
    let index = fileIndex.get(name);
    if (index === undefined) {
      fileIndex.set(name, (index = files.length));
      files.push(name);
    }
    return index;
  };
  const pages: StoredPage[] = [];
  for (const [key, { stamp, output, record }] of memory.pages) {
    const items: [string, StoredRead[]][] = [...record.items].map(([item, reads]) => [item, [...reads].map(([field, value]): StoredRead => (value === undefined ? [field] : [field, value]))]);
    pages.push([key, stamp ?? null, output ?? null, [...record.files].map(indexOf), [...record.collections], items]);
  }
  const stored: MemoryFile = { format: FORMAT, id, files, collections: [...memory.collections], pages, contents: Object.fromEntries(memory.contents) };
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
