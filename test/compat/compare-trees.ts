// Compares two build output folders file by file, the heart of the differential tests:
// the same set of relative paths, and the same bytes. A reader sees whitespace between inline
// elements and inside <pre>, so by default nothing is normalised; ignoring whitespace between
// tags is an option for looking into a difference, never what the suite asserts.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createTwoFilesPatch } from "diff";

/** Extensions whose whitespace between tags the loose comparison ignores, and whose diffs split at tags. */
const MARKUP_EXTENSIONS = new Set([".html", ".htm", ".xml", ".xsl", ".svg"]);

export type FileDifference =
  | { kind: "text"; path: string; expected: string; actual: string }
  | { kind: "binary"; path: string; expectedBytes: number; actualBytes: number };

export interface TreeComparison {
  equal: boolean;
  /** Paths present in the expected tree only. */
  missing: string[];
  /** Paths present in the actual tree only. */
  extra: string[];
  /** Files present in both whose content differs, in path order. */
  differing: FileDifference[];
  /** How many paths both trees share. */
  compared: number;
}

export interface CompareOptions {
  /** Ignore whitespace between tags and at line ends in markup files. Default false: bytes must be equal. */
  ignoreMarkupWhitespace?: boolean;
}

/** Every file under `root` as a sorted list of `/`-separated relative paths; a missing root is an empty tree. */
export async function listFiles(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.push(path.relative(root, absolute).split(path.sep).join("/"));
  }
  return files.sort();
}

/**
 * Removes whitespace that a browser ignores between tags, and trailing whitespace.
 * @example normaliseMarkup("<ul>\n  <li>a</li>  \n</ul>\n") === "<ul><li>a</li></ul>"
 */
export function normaliseMarkup(text: string): string {
  return text
    .replace(/>\s+</g, "><")
    .replace(/[^\S\n]+$/gm, "")
    .replace(/\s+$/, "");
}

export function isMarkupPath(relativePath: string): boolean {
  return MARKUP_EXTENSIONS.has(path.extname(relativePath).toLowerCase());
}

function looksLikeText(bytes: Buffer): boolean {
  return !bytes.includes(0);
}

/** Compares one file's two versions; undefined when they count as equal (by default: the same bytes). */
export function compareFile(relativePath: string, expected: Buffer, actual: Buffer, options: CompareOptions = {}): FileDifference | undefined {
  if (expected.equals(actual)) return undefined;
  if (options.ignoreMarkupWhitespace && isMarkupPath(relativePath)) {
    if (normaliseMarkup(expected.toString("utf8")) === normaliseMarkup(actual.toString("utf8"))) return undefined;
  }
  if (looksLikeText(expected) && looksLikeText(actual)) {
    return { kind: "text", path: relativePath, expected: expected.toString("utf8"), actual: actual.toString("utf8") };
  }
  return { kind: "binary", path: relativePath, expectedBytes: expected.length, actualBytes: actual.length };
}

/** Compares the tree under `expectedDir` (the reference build) with the one under `actualDir`. */
export async function compareTrees(expectedDir: string, actualDir: string, options: CompareOptions = {}): Promise<TreeComparison> {
  const [expectedFiles, actualFiles] = await Promise.all([listFiles(expectedDir), listFiles(actualDir)]);
  const actualSet = new Set(actualFiles);
  const expectedSet = new Set(expectedFiles);
  const missing = expectedFiles.filter((file) => !actualSet.has(file));
  const extra = actualFiles.filter((file) => !expectedSet.has(file));
  const shared = expectedFiles.filter((file) => actualSet.has(file));

  const differing: FileDifference[] = [];
  for (const file of shared) {
    const [left, right] = await Promise.all([
      readFile(path.join(expectedDir, file)),
      readFile(path.join(actualDir, file)),
    ]);
    const difference = compareFile(file, left, right, options);
    if (difference) differing.push(difference);
  }
  return {
    equal: missing.length === 0 && extra.length === 0 && differing.length === 0,
    missing,
    extra,
    differing,
    compared: shared.length,
  };
}

export interface FormatOptions {
  /** How many differing files get a full diff; the rest are only named. Default 3. */
  maxFiles?: number;
  /** Names of the two sides in the diff headers. Default "eleventy" and "plinth". */
  expectedLabel?: string;
  actualLabel?: string;
  /** Lines of context around each change. Default 3. */
  context?: number;
}

/** Puts each tag of normalised markup on its own line so a diff points at the element that differs. */
function splitTags(text: string): string {
  return text.replace(/></g, ">\n<");
}

function withFinalNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/**
 * The two texts as the diff shows them. Markup is shown one tag a line (minified HTML would be
 * one long line), unless the files differ only in whitespace: then the raw text is shown, said so.
 */
function diffTexts(file: string, expected: string, actual: string): { left: string; right: string; note?: string } {
  if (isMarkupPath(file)) {
    const left = normaliseMarkup(expected);
    const right = normaliseMarkup(actual);
    if (left !== right) return { left: withFinalNewline(splitTags(left)), right: withFinalNewline(splitTags(right)) };
  }
  const note = expected.replace(/\s+/g, "") === actual.replace(/\s+/g, "") ? "differs in whitespace only" : undefined;
  return { left: withFinalNewline(expected), right: withFinalNewline(actual), note };
}

/** A readable report: missing and extra paths, then a unified diff of the first differing files. */
export function formatComparison(result: TreeComparison, options: FormatOptions = {}): string {
  if (result.equal) return `trees are equal (${result.compared} files)`;
  const maxFiles = options.maxFiles ?? 3;
  const expectedLabel = options.expectedLabel ?? "eleventy";
  const actualLabel = options.actualLabel ?? "plinth";
  const lines: string[] = [];

  if (result.missing.length > 0) {
    lines.push(`missing from ${actualLabel} (${result.missing.length}):`);
    for (const file of result.missing) lines.push(`  - ${file}`);
  }
  if (result.extra.length > 0) {
    lines.push(`extra in ${actualLabel} (${result.extra.length}):`);
    for (const file of result.extra) lines.push(`  + ${file}`);
  }
  if (result.differing.length > 0) {
    lines.push(`differing files (${result.differing.length}): ${result.differing.map((d) => d.path).join(", ")}`);
  }
  for (const difference of result.differing.slice(0, maxFiles)) {
    if (difference.kind === "binary") {
      lines.push(
        `binary file ${difference.path} differs (${expectedLabel}: ${difference.expectedBytes} bytes, ${actualLabel}: ${difference.actualBytes} bytes)`,
      );
      continue;
    }
    const { left, right, note } = diffTexts(difference.path, difference.expected, difference.actual);
    if (note) lines.push(`${difference.path}: ${note}`);
    const patch = createTwoFilesPatch(
      `${expectedLabel}/${difference.path}`,
      `${actualLabel}/${difference.path}`,
      left,
      right,
      undefined,
      undefined,
      { context: options.context ?? 3 },
    );
    lines.push(patch.trimEnd());
  }
  if (result.differing.length > maxFiles) {
    lines.push(`... and ${result.differing.length - maxFiles} more differing file(s) not shown`);
  }
  return lines.join("\n");
}
