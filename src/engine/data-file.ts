/**
 * Loads one data file: JSON, JavaScript (a value, a function or an async function),
 * or a format added with `addDataExtension`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DataExtension, UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";

export interface DataFileContext {
  dataExtensions: Map<string, DataExtension>;
  /** Argument given to data functions (Eleventy passes its `eleventy` global data). */
  functionArgument: unknown;
  /** Changes on every build so edited JavaScript data files are imported afresh. */
  importVersion: number;
  displayPath: (absolute: string) => string;
}

const JS_EXTENSIONS = new Set(["js", "cjs", "mjs"]);

export function dataExtensionOf(file: string, custom: Map<string, DataExtension>): string | undefined {
  const ext = path.extname(file).slice(1);
  if (ext === "json" || JS_EXTENSIONS.has(ext) || custom.has(ext)) return ext;
  return undefined;
}

function lineOfJsonError(text: string, message: string): { line?: number; column?: number } {
  const pos = /position (\d+)/.exec(message);
  if (!pos) {
    const lc = /line (\d+) column (\d+)/.exec(message);
    return lc ? { line: Number(lc[1]), column: Number(lc[2]) } : {};
  }
  const before = text.slice(0, Number(pos[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

export async function loadDataFile(file: string, ctx: DataFileContext): Promise<unknown> {
  const ext = path.extname(file).slice(1);
  const shown = ctx.displayPath(file);
  if (JS_EXTENSIONS.has(ext)) {
    let mod: { default?: unknown };
    try {
      mod = (await import(`${pathToFileURL(file).href}?v=${ctx.importVersion}`)) as { default?: unknown };
    } catch (cause) {
      throw new PlinthError("DataFileInvalid", `${shown} threw while loading: ${(cause as Error).message}`, {
        location: { file: shown },
        cause,
      });
    }
    const value = "default" in mod ? mod.default : mod;
    if (typeof value !== "function") return value;
    try {
      return await (value as UserFunction)(ctx.functionArgument);
    } catch (cause) {
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
      return await custom.parser(custom.read ? text : file, file);
    } catch (cause) {
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
