/**
 * Reads the members model's own data files (`tiers`, `affiliations`, `site`) in JSON or YAML,
 * turning syntax errors into diagnostics with a line, and locating values for later errors.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import type { Diagnostic } from "./types.js";
import { lineOfJsonError } from "../engine/data-file.js";

export const DATA_EXTENSIONS = ["json", "yaml", "yml"] as const;

export interface DataFile {
  file: string;
  source: string;
  value: unknown;
}

export type DataFileResult = { kind: "absent" } | { kind: "loaded"; data: DataFile } | { kind: "invalid"; diagnostic: Diagnostic };

/** The first of `<dir>/<name>.json|yaml|yml` that exists. */
export function findDataFile(dir: string, name: string): string | undefined {
  for (const ext of DATA_EXTENSIONS) {
    const candidate = path.join(dir, `${name}.${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function readDataFile(dir: string, name: string): DataFileResult {
  const file = findDataFile(dir, name);
  if (!file) return { kind: "absent" };
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (cause) {
    return {
      kind: "invalid",
      diagnostic: { code: "FileUnreadable", severity: "error", message: `Cannot read ${path.basename(file)}: ${(cause as Error).message}`, location: { file } },
    };
  }
  try {
    const value: unknown = file.endsWith(".json") ? JSON.parse(source) : yaml.load(source, { filename: file });
    return { kind: "loaded", data: { file, source, value } };
  } catch (cause) {
    return { kind: "invalid", diagnostic: syntaxDiagnostic(file, source, cause) };
  }
}

function syntaxDiagnostic(file: string, source: string, cause: unknown): Diagnostic {
  const mark = (cause as { mark?: { line: number; column: number } }).mark;
  const reason = (cause as { reason?: string }).reason ?? (cause as Error).message;
  const where = mark ? { line: mark.line + 1, column: mark.column + 1 } : lineOfJsonError(source, (cause as Error).message);
  return {
    code: "DataFileInvalid",
    severity: "error",
    message: `${path.basename(file)} could not be parsed: ${reason}`,
    location: { file, ...where },
  };
}

/**
 * The 1-based line of the first occurrence of `text` at or after line `from`: data files are
 * parsed to plain values, so a value's line is found again by searching the source for it.
 */
export function lineOf(source: string, text: string, from = 1): number | undefined {
  const lines = source.split("\n");
  for (let i = Math.max(0, from - 1); i < lines.length; i++) {
    if (lines[i]!.includes(text)) return i + 1;
  }
  return undefined;
}

/** The line of the next entry of a list: after line `after` if it is there, else on that same line. */
export function nextLineOf(source: string, text: string, after: number): number | undefined {
  return lineOf(source, text, after + 1) ?? (after > 0 ? lineOf(source, text, after) : undefined);
}
