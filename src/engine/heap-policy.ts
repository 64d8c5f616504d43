/**
 * V8 sets the next full collection's limit at up to four times the live heap after each one. A
 * build of 100,000 pages has about 900 MB live when it has read its files, so the heap may then
 * grow past 2 GB with page outputs already written and dead before the next full collection
 * comes. For large sites the limit grows by 30% instead: a few more full collections, far less
 * memory (100,000 posts: peak 2.35 -> 1.87 GB, 25 -> 27.6 s). Smaller sites keep V8's default,
 * which is faster for them and costs little memory.
 */
import v8 from "node:v8";

/** Template files from which a build counts as large. */
export const LARGE_SITE_TEMPLATES = 25_000;

let tuned = false;

export function tuneHeapFor(templates: number): void {
  if (tuned || templates < LARGE_SITE_TEMPLATES) return;
  // Read by V8 each time it sets a new limit, so it applies from the next full collection on.
  v8.setFlagsFromString("--heap-growing-percent=30");
  tuned = true;
}
