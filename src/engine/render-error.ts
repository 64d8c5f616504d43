/**
 * Turns an error thrown by Nunjucks, liquidjs, markdown-it or a user's filter into a catalogued
 * PlinthError with the file, line and column, adjusted for the front matter above the body.
 */
import { readFileSync } from "node:fs";
import { PlinthError, type PlinthErrorOptions } from "../errors/plinth-error.js";
import type { ErrorName } from "../errors/catalog.js";
import type { TemplateSource } from "./template-source.js";

interface Located {
  file?: string;
  line?: number;
  column?: number;
}

interface NunjucksError extends Error {
  lineno?: number;
  colno?: number;
  cause?: unknown;
}

const NUNJUCKS_ERROR = "Template render error";
const NUNJUCKS_LOCATION = /\(([^()\n]+)\)\s*\[Line (\d+), Column (\d+)\]/;

/** The chain of errors, outermost first, through Nunjucks' `cause` and liquidjs' `originalError`. */
function chainOf(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current = error;
  for (let i = 0; i < 8 && current !== undefined && current !== null && !out.includes(current); i++) {
    out.push(current);
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.originalError ?? next.cause;
  }
  return out;
}

function isNunjucksError(value: unknown): value is NunjucksError {
  return value instanceof Error && value.name === NUNJUCKS_ERROR;
}

/**
 * Nunjucks counts lines from 1 in parse errors but passes its 0-based counters through for errors
 * thrown while rendering. A render-time error wraps the thrown Error as its `cause`; a parse error has none.
 */
function isNunjucksRenderTimeError(error: NunjucksError): boolean {
  return error.cause instanceof Error && !isNunjucksError(error.cause);
}

/** The Nunjucks error that carries the reported location: the innermost one with a line in its message. */
function locatedNunjucksError(chain: unknown[]): NunjucksError | undefined {
  const errors = chain.filter(isNunjucksError);
  for (let i = errors.length - 1; i >= 0; i--) {
    if (NUNJUCKS_LOCATION.test(errors[i]!.message)) return errors[i];
  }
  return errors[errors.length - 1];
}

function locateNunjucks(error: NunjucksError): Located {
  const match = NUNJUCKS_LOCATION.exec(error.message);
  const renderTime = isNunjucksRenderTimeError(error);
  if (match) {
    const shift = renderTime ? 1 : 0;
    return { file: match[1], line: Number(match[2]) + shift, column: Number(match[3]) + shift };
  }
  const file = /^\(([^()\n]+)\)/.exec(error.message)?.[1];
  // On the first line Nunjucks leaves the line out of the message, but keeps its counters.
  if (renderTime && error.lineno === 0 && error.colno) return { file, line: 1, column: error.colno + 1 };
  return { file };
}

function locate(chain: unknown[]): Located {
  const nunjucks = locatedNunjucksError(chain);
  if (nunjucks) return locateNunjucks(nunjucks);
  for (const error of chain) {
    const message = error instanceof Error ? error.message : "";
    const liquidLine = /line:(\d+), col:(\d+)/.exec(message);
    if (liquidLine) {
      const liquidFile = /file:([^,]+),/.exec(message);
      return { file: liquidFile?.[1]?.trim(), line: Number(liquidLine[1]), column: Number(liquidLine[2]) };
    }
    const token = (error as { token?: { file?: string } }).token;
    if (token?.file) return { file: token.file };
  }
  return {};
}

/**
 * Finds where the body uses a filter or names a template, when the engine gave no line. Nunjucks
 * tracks no position for filter calls, so a filter wrapper may tag its errors with `filterName`.
 */
function searchBody(body: string, detail: string, filterName?: string): { line: number; column: number } | undefined {
  const filter = /filter not found: ([\w$.-]+)/.exec(detail)?.[1] ?? filterName;
  const template = /template not found: (\S+)/.exec(detail)?.[1];
  const pattern = filter
    ? new RegExp(`\\|\\s*(${filter.replace(/[.$]/g, "\\$&")})\\b`)
    : template
      ? new RegExp(`["'](${template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})["']`)
      : undefined;
  if (!pattern) return undefined;
  const match = pattern.exec(body);
  if (!match) return undefined;
  const offset = match.index + match[0].indexOf(match[1]!);
  const before = body.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function classify(message: string, chain: unknown[], located: NunjucksError | undefined): ErrorName {
  if (/filter not found|undefined filter/i.test(message)) return "UnknownFilter";
  if (chain.some((e) => e instanceof Error && (e.name === "ParseError" || e.name === "TokenizationError"))) return "TemplateSyntax";
  if (located) return isNunjucksRenderTimeError(located) || !NUNJUCKS_LOCATION.test(located.message) ? "TemplateRender" : "TemplateSyntax";
  return "TemplateRender";
}

/** The engine's words without its own location markers, which the PlinthError shows better. */
function cleanMessage(message: string): string {
  return message
    .replace(/Template render error:\s*/g, "")
    .replace(/\((?:\/|[A-Za-z]:\\|\.{1,2}\/|unknown path)[^()\n]*\)\s*(?:\[Line \d+, Column \d+\])?/g, "")
    .replace(/, file:[^,]+, line:\d+, col:\d+/, "")
    .replace(/, line:\d+, col:\d+/, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^Error: /, "");
}

function deepestCause(chain: unknown[]): unknown {
  return chain[chain.length - 1];
}

export function toRenderError(error: unknown, source: TemplateSource, displayPath: (abs: string) => string, what: string): PlinthError {
  if (error instanceof PlinthError) return error;
  const chain = chainOf(error);
  const inner = chain.find((e) => e instanceof PlinthError);
  if (inner instanceof PlinthError) return inner;
  const message = error instanceof Error ? error.message : String(error);
  const nunjucks = locatedNunjucksError(chain);
  const found = locate(chain);
  const detail = cleanMessage(nunjucks?.message ?? message);
  const filterName = chain.map((e) => (e as { filterName?: unknown } | null)?.filterName).find((n): n is string => typeof n === "string");
  const inOwnBody = !found.file || found.file === source.file;
  const options: PlinthErrorOptions = { cause: deepestCause(chain) };
  if (inOwnBody) {
    const at = found.line !== undefined ? { line: found.line, column: found.column } : searchBody(source.frontMatter.body, detail, filterName);
    const line = at?.line !== undefined ? at.line + source.frontMatter.bodyLine - 1 : undefined;
    options.location = { file: source.inputPath, line, column: at?.column };
    options.source = source.text;
  } else {
    let text: string | undefined;
    try {
      text = readFileSync(found.file!, "utf8");
    } catch {
      text = undefined;
    }
    const at = found.line !== undefined || text === undefined ? found : { ...found, ...searchBody(text, detail, filterName) };
    options.location = { file: displayPath(found.file!), line: at.line, column: at.column };
    options.source = text;
  }
  return new PlinthError(classify(message, chain, nunjucks), `${what}: ${detail}`, options);
}
