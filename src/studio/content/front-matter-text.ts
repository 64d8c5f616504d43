/**
 * A content file cut into its parts so that putting them back gives the same bytes: the byte
 * order mark, the opening `---` line, the front matter text, the closing `---` line and the
 * body. The cut is the engine's (src/engine/front-matter.ts, after gray-matter), so the studio's
 * "body" is exactly the body the build renders.
 */
import { parseDocument, isMap, type Document } from "yaml";
import { StudioHttpError } from "../server/http-error.js";

export interface FileParts {
  bom: string;
  /** `---\n`, `---yaml\r\n`, …; empty when the file has no front matter. */
  open: string;
  /** The front matter text between the delimiter lines, without the line break before the closing `---`. */
  matter: string;
  /** From the line break (`\n` or `\r\n`) before the closing `---` through the end of its line. */
  close: string;
  body: string;
  /** `yaml` (also for `---yml`), `json`, or another language the studio edits as text only. */
  language: string;
  /** The line break the front matter uses. */
  eol: "\n" | "\r\n";
}

const OPEN = "---";

export function splitFile(text: string): FileParts {
  const bom = text.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  const source = text.slice(bom.length);
  const eol = /\r\n/.test(source.slice(0, 4096)) ? "\r\n" : "\n";
  if (!source.startsWith(OPEN) || source.startsWith(`${OPEN}-`)) return { bom, open: "", matter: "", close: "", body: source, language: "", eol };
  const afterOpen = source.slice(OPEN.length);
  const firstNewline = afterOpen.indexOf("\n");
  const language = (firstNewline === -1 ? afterOpen : afterOpen.slice(0, firstNewline)).trim() || "yaml";
  let closeIndex = afterOpen.indexOf(`\n${OPEN}`, firstNewline === -1 ? afterOpen.length : firstNewline);
  if (closeIndex === -1) closeIndex = afterOpen.length;
  const openEnd = firstNewline === -1 ? afterOpen.length : Math.min(firstNewline + 1, closeIndex);
  const open = OPEN + afterOpen.slice(0, openEnd);
  // In a CRLF file the `\r` before the closing line is part of the line break, not of the last value.
  const matterEnd = closeIndex > openEnd && afterOpen[closeIndex - 1] === "\r" ? closeIndex - 1 : closeIndex;
  const matter = afterOpen.slice(openEnd, matterEnd);
  let closeEnd = Math.min(afterOpen.length, closeIndex + 1 + OPEN.length);
  if (afterOpen[closeEnd] === "\r") closeEnd++;
  if (afterOpen[closeEnd] === "\n") closeEnd++;
  return { bom, open, matter, close: afterOpen.slice(matterEnd, closeEnd), body: afterOpen.slice(closeEnd), language: language === "yml" ? "yaml" : language, eol };
}

export function joinFile(parts: FileParts): string {
  return parts.bom + parts.open + parts.matter + parts.close + parts.body;
}

/** Parts for a file that has no front matter yet and is getting some. */
export function withFrontMatter(parts: FileParts, matter: string): FileParts {
  if (parts.open) return { ...parts, matter };
  return { ...parts, open: `---${parts.eol}`, matter, close: `${parts.eol}---${parts.eol}`, language: "yaml" };
}

/** Line (1-based) of the file on which the front matter text starts. */
export function matterLine(parts: FileParts): number {
  return parts.open ? 2 : 1;
}

/**
 * The YAML front matter as a Document (which knows where each key and value is written), or a
 * StudioFrontMatterInvalid error (422) pointing at the line and column in the file.
 */
export function parseMatter(parts: FileParts, file: string): Document {
  const doc = parseDocument(parts.matter, { prettyErrors: false, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const [line, column] = lineColumn(parts.matter, error.pos[0]);
    throw new StudioHttpError(422, "StudioFrontMatterInvalid", `The front matter of ${file} is not valid YAML: ${error.message.split("\n")[0]}`, {
      location: { file, line: line + matterLine(parts) - 1, column },
    });
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new StudioHttpError(422, "StudioFrontMatterInvalid", `The front matter of ${file} must be a set of \`key: value\` lines.`, {
      location: { file, line: matterLine(parts), column: 1 },
    });
  }
  return doc;
}

/** The front matter's values as JSON-friendly data: dates stay the strings they are written as. */
export function matterData(parts: FileParts, file: string): Record<string, unknown> {
  if (!parts.open || parts.matter.trim() === "") return {};
  if (parts.language === "json") {
    try {
      const trimmed = parts.matter.trim();
      const value: unknown = JSON.parse(trimmed.startsWith("{") ? trimmed : `{${trimmed}}`);
      return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch (cause) {
      throw new StudioHttpError(422, "StudioFrontMatterInvalid", `The JSON front matter of ${file} is not valid: ${(cause as Error).message}`, { location: { file, line: 2 } });
    }
  }
  if (parts.language !== "yaml") return {};
  const value: unknown = parseMatter(parts, file).toJS({ maxAliasCount: 1000 });
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return [line, offset - start + 1];
}
