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

function locate(message: string, error: unknown): Located {
  const nunjucks = /\((\/[^)]+)\)\s*\[Line (\d+), Column (\d+)\]/.exec(message);
  if (nunjucks) return { file: nunjucks[1], line: Number(nunjucks[2]) + 1, column: Number(nunjucks[3]) + 1 };
  const liquidLine = /line:(\d+), col:(\d+)/.exec(message);
  const liquidFile = /file:([^,]+),/.exec(message);
  if (liquidLine) return { file: liquidFile?.[1]?.trim(), line: Number(liquidLine[1]), column: Number(liquidLine[2]) };
  const token = (error as { token?: { file?: string } }).token;
  if (token?.file) return { file: token.file };
  return {};
}

function classify(message: string, error: unknown): ErrorName {
  if (/filter not found|undefined filter/i.test(message)) return "UnknownFilter";
  const name = (error as { name?: string }).name ?? "";
  if (name === "ParseError" || name === "TokenizationError" || /unexpected token|expected|unknown block tag|not closed|parseError/i.test(message)) {
    return /Error with Nunjucks shortcode|threw|filter/i.test(message) ? "TemplateRender" : "TemplateSyntax";
  }
  return "TemplateRender";
}

function cleanMessage(message: string): string {
  return message
    .replace(/^Template render error:\s*/, "")
    .replace(/\((\/[^)]+)\)\s*\n?\s*\[Line \d+, Column \d+\]\s*/, "")
    .replace(/, file:[^,]+, line:\d+, col:\d+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function deepestCause(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5; i++) {
    const next = (current as { cause?: unknown; originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (!next) break;
    current = next;
  }
  return current;
}

export function toRenderError(error: unknown, source: TemplateSource, displayPath: (abs: string) => string, what: string): PlinthError {
  if (error instanceof PlinthError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const found = locate(message, error);
  const inOwnBody = !found.file || found.file === source.file;
  const options: PlinthErrorOptions = { cause: deepestCause(error) === error ? error : deepestCause(error) };
  if (inOwnBody) {
    const line = found.line !== undefined ? found.line + source.frontMatter.bodyLine - 1 : undefined;
    options.location = { file: source.inputPath, line, column: found.column };
    options.source = source.text;
  } else {
    let text: string | undefined;
    try {
      text = readFileSync(found.file!, "utf8");
    } catch {
      text = undefined;
    }
    options.location = { file: displayPath(found.file!), line: found.line, column: found.column };
    options.source = text;
  }
  const code = classify(message, error);
  const detail = cleanMessage(message);
  return new PlinthError(code, `${what}: ${detail}`, options);
}
