/**
 * A config file read with the `yaml` package's document API, so a problem in it can be shown
 * at its line: syntax errors come with line and column, and the readers can ask the line of
 * any key path they find wrong (`["collections", 2, "fields", 0, "widget"]`).
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import type { ConfigDiagnostic } from "./types.js";

export interface YamlSource {
  /** Relative to the working folder, for messages. */
  file: string;
  value: unknown;
  /** Line (1-based) of the node at a key path, or of the nearest ancestor that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  diagnostics: ConfigDiagnostic[];
  warn(path: readonly (string | number)[], message: string): void;
}

export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const diagnostics: ConfigDiagnostic[] = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return { code: "CmsConfigInvalid", severity: "error", message: error.message.split("\n")[0]!, file, line: position.line, column: position.col };
  });
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return {
    file,
    value: diagnostics.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 }),
    lineOf,
    diagnostics,
    warn(path, message) {
      diagnostics.push({ code: "CmsConfigInvalid", severity: "warning", message, file, line: lineOf(path) });
    },
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
