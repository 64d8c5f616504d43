/**
 * A build's errors as the editor shows them: the file relative to the input folder, the line
 * and column, the hint, and, for an error in the entry's own front matter, the field it is
 * about, so the form can show it at that field instead of the preview showing a broken page.
 */
import path from "node:path";
import type { PlinthError } from "../../errors/plinth-error.js";
import { toPosix } from "../../engine/project-paths.js";
import type { ApiErrorJson } from "../server/http-error.js";

/** The API's error shape, with `file` relative to the input folder, posix (or to the working folder, with `../`, when outside it). */
export interface PreviewError extends ApiErrorJson {
  /** The front matter field the error is about. */
  field?: string;
  frame?: string;
}

const KEY_LINE = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"][^:#]*?))\s*:(?:\s|$)/;

/** The top-level front matter key written on or above `line` (1-based) of `raw`, if the line is inside the front matter. */
export function fieldAtLine(raw: string, line: number): string | undefined {
  const lines = raw.replace(/^\ufeff/, "").split(/\r?\n/);
  if (!/^---/.test(lines[0] ?? "")) return undefined;
  let key: string | undefined;
  for (let i = 1; i < lines.length && i < line; i++) {
    const text = lines[i]!;
    if (/^---/.test(text)) return undefined;
    const match = KEY_LINE.exec(text);
    if (match) key = (match[1] ?? match[2] ?? match[3])!.trim();
  }
  return key;
}

const FIELD_OF_CODE: Record<string, string> = { LayoutNotFound: "layout", LayoutCycle: "layout", PermalinkInvalid: "permalink", InvalidDate: "date", TagsInvalid: "tags", PaginationInvalid: "pagination" };

export function previewErrors(errors: readonly PlinthError[], options: { cwd: string; inputDir: string; path: string; raw: string }): PreviewError[] {
  return errors.map((error) => {
    const out: PreviewError = { code: error.code, message: error.message, hint: error.hint };
    const location = error.location;
    if (location?.file) {
      const absolute = path.resolve(options.cwd, location.file);
      const relative = toPosix(path.relative(options.inputDir, absolute));
      out.file = relative;
      if (location.line) out.line = location.line;
      if (location.column) out.column = location.column;
      if (relative === options.path) {
        const field = FIELD_OF_CODE[error.code] ?? (location.line ? fieldAtLine(options.raw, location.line) : undefined);
        if (field) out.field = field;
      }
    }
    if (error.frame) out.frame = error.frame;
    return out;
  });
}
