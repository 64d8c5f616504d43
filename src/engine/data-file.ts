/**
 * Loads one data file: JSON, JavaScript (a value, a function or an async function),
 * or a format added with `addDataExtension`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { freshImport } from "../util/fresh-import.js";
import { isPlainObject } from "./data-merge.js";
import type { DataExtension, UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";

export interface DataFileContext {
  dataExtensions: Map<string, DataExtension>;
  /** Argument given to data functions (Eleventy passes its `eleventy` global data). */
  functionArgument: unknown;
  /** Changes on every build so edited JavaScript data files are imported afresh. */
  importVersion: number;
  displayPath: (absolute: string) => string;
  /** `setDataFileSuffixes`: the name endings of template and directory data files. Default `[".11tydata", ""]`. */
  dataFileSuffixes?: readonly string[];
  /** `setDataFileBaseName`: directory data files are `<folder>/<name>.11tydata.json` instead of `<folder>/<folder>.json`. */
  dataFileBaseName?: string;
}

const JS_EXTENSIONS = new Set(["js", "cjs", "mjs"]);

export function dataExtensionOf(file: string, custom: Map<string, DataExtension>): string | undefined {
  const ext = path.extname(file).slice(1);
  if (ext === "json" || JS_EXTENSIONS.has(ext) || custom.has(ext)) return ext;
  return undefined;
}

/** True when `prefix` could still start a valid JSON text: it parses, or fails only for ending early. */
function isViableJsonPrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    return /Unexpected end of JSON input/.test(message) || (pos !== null && Number(pos[1]) >= prefix.length);
  }
}

/**
 * The offset of the first character that makes `text` invalid JSON. V8 names a position for most
 * errors but not all (`Unexpected token ... is not valid JSON`), so the longest prefix that could
 * still be valid is found by bisection: once a prefix is broken, every longer one is too.
 */
function jsonErrorOffset(text: string, message: string): number {
  // An error at the very end (a missing bracket) is shown on the last character, not after it.
  const last = Math.max(0, text.trimEnd().length - 1);
  const pos = /position (\d+)/.exec(message);
  if (pos) return Math.min(Number(pos[1]), last);
  let good = 0;
  let bad = text.length + 1;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (isViableJsonPrefix(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return Math.min(good, last);
}

/** The line and column of a JSON syntax error, from V8's message or by bisection when it names none. */
export function lineOfJsonError(text: string, message: string): { line: number; column: number } {
  const before = text.slice(0, jsonErrorOffset(text, message));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Node puts `file:line`, the line and a caret above a CommonJS syntax error's stack; ESM errors carry no location. */
function syntaxErrorLocation(error: unknown, file: string): { line?: number; column?: number } {
  const stack = (error as Error | undefined)?.stack ?? "";
  const match = /^(.+):(\d+)\n.*\n( *)\^/.exec(stack);
  if (!match || match[1] !== file) return {};
  return { line: Number(match[2]), column: match[3]!.length + 1 };
}

interface DataProblem {
  path: string;
  /** The error a getter threw, or undefined for a cycle. */
  cause?: unknown;
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return Array.isArray(value) || isPlainObject(value);
}

/**
 * Walks the plain objects and arrays a JavaScript data file made, as the data cascade will, to
 * find what would break it later far from its cause: a getter that throws, or a cycle (the
 * cascade copies objects, so it would recurse without end). Shared branches are walked once.
 */
function findDataProblem(value: unknown): DataProblem | undefined {
  const ancestors = new Set<object>();
  const done = new Set<object>();
  const visit = (node: unknown, at: string): DataProblem | undefined => {
    if (!isContainer(node) || done.has(node)) return undefined;
    if (ancestors.has(node)) return { path: at };
    ancestors.add(node);
    for (const key of Object.keys(node)) {
      const where = Array.isArray(node) ? `${at}[${key}]` : at ? `${at}.${key}` : key;
      let child: unknown;
      try {
        child = (node as Record<string, unknown>)[key];
      } catch (cause) {
        return { path: where, cause };
      }
      const found = visit(child, where);
      if (found) return found;
    }
    ancestors.delete(node);
    done.add(node);
    return undefined;
  };
  return visit(value, "");
}

function checkedData(value: unknown, shown: string): unknown {
  const problem = findDataProblem(value);
  if (!problem) return value;
  const where = problem.path || "the top level";
  if (problem.cause === undefined) {
    throw new PlinthError("DataFileInvalid", `${shown} exports data that contains itself (at ${where}), which the data cascade cannot merge.`, {
      location: { file: shown },
      hint: "Remove the circular reference, or export a copy without it (for example a list of ids instead of parent links).",
    });
  }
  const message = problem.cause instanceof Error ? problem.cause.message : String(problem.cause);
  throw new PlinthError("DataFileInvalid", `Reading ${where} from the data exported by ${shown} threw: ${message}`, {
    location: { file: shown },
    cause: problem.cause,
  });
}

export async function loadDataFile(file: string, ctx: DataFileContext): Promise<unknown> {
  const ext = path.extname(file).slice(1);
  const shown = ctx.displayPath(file);
  if (JS_EXTENSIONS.has(ext)) {
    let mod: { default?: unknown };
    try {
      mod = (await freshImport(file, ctx.importVersion + 1)) as { default?: unknown };
    } catch (cause) {
      const at = syntaxErrorLocation(cause, file);
      let source: string | undefined;
      try {
        source = at.line ? readFileSync(file, "utf8") : undefined;
      } catch {
        source = undefined;
      }
      throw new PlinthError("DataFileInvalid", `${shown} threw while loading: ${(cause as Error).message}`, {
        location: { file: shown, ...at },
        source,
        cause,
      });
    }
    const value = "default" in mod ? mod.default : mod;
    if (typeof value !== "function") return checkedData(value, shown);
    try {
      return checkedData(await (value as UserFunction)(ctx.functionArgument), shown);
    } catch (cause) {
      if (cause instanceof PlinthError) throw cause;
      throw new PlinthError("DataFileInvalid", `The function exported by ${shown} threw: ${(cause as Error).message}`, {
        location: { file: shown },
        cause,
      });
    }
  }
  const custom = ctx.dataExtensions.get(ext);
  let text: string | Buffer;
  try {
    text = custom && !custom.read ? "" : readFileSync(file, custom?.encoding ?? "utf8");
  } catch (cause) {
    throw new PlinthError("FileUnreadable", `${shown} could not be read: ${(cause as Error).message}`, { location: { file: shown }, cause });
  }
  if (custom) {
    try {
      return checkedData(await custom.parser(custom.read ? text : file, file), shown);
    } catch (cause) {
      if (cause instanceof PlinthError) throw cause;
      const mark = (cause as { mark?: { line: number; column: number } }).mark;
      throw new PlinthError("DataFileInvalid", `${shown} could not be parsed: ${(cause as Error).message}`, {
        location: { file: shown, line: mark ? mark.line + 1 : undefined, column: mark ? mark.column + 1 : undefined },
        source: typeof text === "string" ? text : undefined,
        cause,
      });
    }
  }
  const json = String(text);
  if (json.trim() === "") return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch (cause) {
    throw new PlinthError("DataFileInvalid", `${shown} is not valid JSON: ${(cause as Error).message}`, {
      location: { file: shown, ...lineOfJsonError(json, (cause as Error).message) },
      source: json,
      cause,
    });
  }
}
