/**
 * What a finished build leaves for the next process to remember (page-memory.ts), or why it
 * leaves nothing: a page without a render record, a file read that the build cache does not
 * watch, copies found while pages rendered, a content another page showed that is not at hand.
 * A build that leaves nothing is followed by a full build.
 */
import type { BuildState } from "../engine/build-state.js";
import { itemKey } from "../engine/page-model.js";
import { writePageMemory, type PageMemory, type RememberedPage } from "./page-memory.js";

export type Remembered = { memory: PageMemory; write(file: string, id: string): void } | { memory?: undefined; reason: string };

export function rememberPages(state: BuildState, stamps: ReadonlyMap<string, string | undefined>, previous: PageMemory | undefined, watched: (file: string) => boolean): Remembered {
  if (state.config.renderedCopies.size) return { reason: "pages link to files copied as they render (html-relative passthrough)" };
  const pages = new Map<string, RememberedPage>();
  const contentKeys = new Set<string>();
  for (const page of state.pages) {
    const key = itemKey(page);
    const record = state.records.get(key);
    if (!record) return { reason: `${page.page.inputPath} has no render record` };
    for (const file of record.files) if (!watched(file)) return { reason: `${page.page.inputPath} read ${state.show(file)}, which the build cache does not watch` };
    for (const [item, fields] of record.items) if (fields.has("templateContent")) contentKeys.add(item);
    // A page that did not render this time wrote nothing: its output is the one the last build remembered.
    const output = page.outputRelative === false ? undefined : page.skipsWrite === undefined ? previous?.pages.get(key)?.output : page.skipsWrite ? undefined : page.outputRelative;
    pages.set(key, { stamp: stamps.get(key), output, record });
  }
  const contents = new Map<string, string>();
  for (const key of contentKeys) {
    const content = state.pagesByKey.get(key)?.content;
    if (content === undefined) return { reason: `the content of ${key}, which a page shows, is not at hand` };
    contents.set(key, content);
  }
  const memory: PageMemory = { pages, collections: new Map(state.collectionIdentities), contents };
  return { memory, write: (file, id) => writePageMemory(file, id, memory, previous) };
}
