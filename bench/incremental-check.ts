// Compares output trees: two in memory byte for byte (an incremental update must leave
// exactly what a fresh full build of the same files writes), or one in memory with a folder
// written by Eleventy, byte for byte as the differential tests compare.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { compareFile, listFiles, type TreeComparison } from "../test/compat/compare-trees.js";

export type OutputTree = ReadonlyMap<string, string | Buffer>;

export interface OutputDifference {
  equal: boolean;
  /** In the expected tree only. */
  missing: string[];
  /** In the actual tree only. */
  extra: string[];
  /** In both, with different bytes. */
  differing: string[];
  compared: number;
}

function sameContent(a: string | Buffer, b: string | Buffer): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

export function compareOutputs(expected: OutputTree, actual: OutputTree): OutputDifference {
  const missing: string[] = [];
  const differing: string[] = [];
  for (const [file, content] of expected) {
    const other = actual.get(file);
    if (other === undefined) missing.push(file);
    else if (!sameContent(content, other)) differing.push(file);
  }
  const extra = [...actual.keys()].filter((file) => !expected.has(file));
  const sort = (list: string[]): string[] => list.sort();
  return {
    equal: missing.length === 0 && extra.length === 0 && differing.length === 0,
    missing: sort(missing),
    extra: sort(extra),
    differing: sort(differing),
    compared: expected.size - missing.length,
  };
}

/** One line naming up to `limit` paths of each kind of difference. */
export function describeDifference(difference: OutputDifference, limit = 5): string {
  if (difference.equal) return `identical (${difference.compared} files)`;
  const part = (label: string, files: string[]): string[] => {
    if (files.length === 0) return [];
    const shown = files.slice(0, limit).join(", ");
    return [`${files.length} ${label} (${shown}${files.length > limit ? ", …" : ""})`];
  };
  return [...part("missing", difference.missing), ...part("extra", difference.extra), ...part("differing", difference.differing)].join("; ");
}

/** `folder` (Eleventy's output) against `expected`, byte for byte. */
export async function compareWithFolder(expected: OutputTree, folder: string): Promise<OutputDifference> {
  const files = await listFiles(folder);
  const present = new Set(files);
  const extra: string[] = [];
  const differing: string[] = [];
  for (const file of files) {
    const want = expected.get(file);
    if (want === undefined) extra.push(file);
    else if (compareFile(file, Buffer.from(want), await readFile(path.join(folder, file)))) differing.push(file);
  }
  const missing = [...expected.keys()].filter((file) => !present.has(file)).sort();
  return { equal: missing.length + extra.length + differing.length === 0, missing, extra, differing, compared: files.length - extra.length };
}

/** The same shape for a comparison of two folders (`compareTrees`). */
export function fromTreeComparison(comparison: TreeComparison): OutputDifference {
  const { equal, missing, extra, compared } = comparison;
  return { equal, missing, extra, differing: comparison.differing.map((difference) => difference.path), compared };
}
