/**
 * Stats many paths at once on libuv's threads, in the order given: a path that cannot be
 * stat'ed (gone, unreadable) comes back undefined. Callback `stat` rather than fs/promises: at
 * 10,000 paths its lighter requests cost the calling thread less.
 */
import { stat, type Stats } from "node:fs";

export function statAll(paths: readonly string[]): Promise<(Stats | undefined)[]> {
  return Promise.all(paths.map((file) => new Promise<Stats | undefined>((resolve) => stat(file, (error, st) => resolve(error ? undefined : st)))));
}
