/**
 * Front matter: a YAML (default) or JSON block between `---` lines at the top of a file,
 * split from the body exactly as Eleventy's gray-matter does, so bodies match byte for byte.
 */
import yaml from "js-yaml";
import { PlinthError } from "../errors/plinth-error.js";
import { isJavaScriptFrontMatter } from "./javascript-front-matter.js";

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The text before the excerpt separator, when excerpts are enabled. */
  excerpt?: string;
  body: string;
  /** 1-based line of the file on which the body starts, for locating errors inside the body. */
  bodyLine: number;
  /** The raw front matter text, kept for the members model and the studio. */
  matter: string;
  /** `---js` front matter's code: it runs asynchronously, after reading (see javascript-front-matter.ts). */
  javascript?: string;
}

const OPEN = "---";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Eleventy's `setFrontMatterParsingOptions` subset: excerpts. */
export interface FrontMatterOptions {
  excerpt?: boolean;
  excerpt_separator?: string;
  excerpt_alias?: string;
}

/** gray-matter's excerpt: the body up to the separator; the body itself keeps all its text. */
function withExcerpt(result: FrontMatter, options: FrontMatterOptions | undefined): FrontMatter {
  if (!options?.excerpt) return result;
  const separator = options.excerpt_separator ?? OPEN;
  const index = result.body.indexOf(separator);
  if (index === -1) return result;
  const excerpt = result.body.slice(0, index);
  result.excerpt = excerpt;
  // As Eleventy does: the separator line leaves the body, the excerpt stays in it.
  const marker = excerpt + separator;
  if (result.body.startsWith(`${marker}\n`)) result.body = `${excerpt.trim()}\n${result.body.slice(marker.length + 1)}`;
  else if (result.body.startsWith(marker)) result.body = excerpt + result.body.slice(marker.length);
  if (options.excerpt_alias) result.data = { ...result.data, [options.excerpt_alias]: result.excerpt };
  return result;
}

export function parseFrontMatter(text: string, file: string, options?: FrontMatterOptions): FrontMatter {
  return withExcerpt(parseWithoutExcerpt(text, file), options);
}

function parseWithoutExcerpt(text: string, file: string): FrontMatter {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!source.startsWith(OPEN) || source.startsWith(`${OPEN}-`)) {
    return { data: {}, body: source, bodyLine: 1, matter: "" };
  }
  const afterOpen = source.slice(OPEN.length);
  const firstNewline = afterOpen.indexOf("\n");
  const language = (firstNewline === -1 ? afterOpen : afterOpen.slice(0, firstNewline)).trim() || "yaml";
  const close = `\n${OPEN}`;
  let closeIndex = afterOpen.indexOf(close, firstNewline === -1 ? afterOpen.length : firstNewline);
  if (closeIndex === -1) closeIndex = afterOpen.length;
  const matter = firstNewline === -1 || firstNewline >= closeIndex ? "" : afterOpen.slice(firstNewline + 1, closeIndex);
  let body = closeIndex >= afterOpen.length ? "" : afterOpen.slice(closeIndex + close.length);
  // The rest of the closing line (normally empty) and its line break belong to the delimiter.
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  const consumed = source.length - body.length;
  const bodyLine = countLines(source.slice(0, consumed)) + 1;
  if (isJavaScriptFrontMatter(language)) return { data: {}, body, bodyLine, matter, javascript: matter };
  return { data: parseMatter(matter, language, file, source), body, bodyLine, matter };
}

function parseMatter(matter: string, language: string, file: string, source: string): Record<string, unknown> {
  if (matter.trim() === "") return {};
  if (language === "json") {
    try {
      const value: unknown = JSON.parse(matter.trim().startsWith("{") ? matter : `{${matter}}`);
      return isRecord(value) ? value : {};
    } catch (cause) {
      throw new PlinthError("FrontMatterInvalid", `The JSON front matter is not valid JSON: ${(cause as Error).message}`, {
        location: { file, line: 2 },
        source,
        cause,
      });
    }
  }
  if (language !== "yaml" && language !== "yml") {
    throw new PlinthError("UnsupportedApi", `Front matter in "${language}" is not supported yet by Plinth; see COMPAT.md`, {
      location: { file, line: 1, column: 4 },
      source,
      hint: "Use YAML (`---`) or JSON (`---json`) front matter.",
    });
  }
  try {
    const value: unknown = yaml.load(matter, { filename: file });
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) {
      throw new PlinthError("FrontMatterInvalid", "The front matter must be a set of `key: value` lines, not a single value or a list.", {
        location: { file, line: 2 },
        source,
      });
    }
    return value;
  } catch (cause) {
    if (cause instanceof PlinthError) throw cause;
    const mark = (cause as { mark?: { line: number; column: number } }).mark;
    const reason = (cause as { reason?: string }).reason ?? (cause as Error).message;
    throw new PlinthError("FrontMatterInvalid", `The YAML front matter could not be parsed: ${reason}.`, {
      location: { file, line: mark ? mark.line + 2 : 2, column: mark ? mark.column + 1 : undefined },
      source,
      cause,
    });
  }
}

/**
 * Where a top-level front matter key is written: the 1-based line in the file and the column where
 * its value starts. For errors about a value (an unknown layout, a clashing permalink) so they can
 * point at it. YAML only; JSON front matter and keys set elsewhere in the cascade give undefined.
 */
export function frontMatterKeyLocation(text: string, key: string): { line: number; column: number } | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r?\n/);
  if (!/^---\s*(ya?ml)?\s*$/.test(lines[0] ?? "")) return undefined;
  const pattern = new RegExp(`^(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1\\s*:\\s*`);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^---/.test(line)) return undefined;
    const match = pattern.exec(line);
    if (match) return { line: i + 1, column: match[0].length + 1 };
  }
  return undefined;
}
