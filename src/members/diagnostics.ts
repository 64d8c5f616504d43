/**
 * Turning roster diagnostics into what people read: catalogued errors with code frames for
 * the CLI, and one build-stopping `MemberInvalid` error that lists every problem.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatError } from "../errors/format-error.js";
import { PlinthError } from "../errors/plinth-error.js";
import type { Diagnostic } from "./types.js";

/** With `--strict`, every warning counts as an error. */
export function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return strict ? diagnostics.map((d) => ({ ...d, severity: "error" })) : [...diagnostics];
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}

/** A path as the user would type it from `cwd`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

function where(d: Diagnostic, cwd: string): string {
  const { line, column } = d.location;
  return `${displayPath(d.location.file, cwd)}${line ? `:${line}` : ""}${line && column ? `:${column}` : ""}`;
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export function toPlinthError(d: Diagnostic, cwd: string): PlinthError {
  return new PlinthError(d.code, d.message, {
    location: { ...d.location, file: displayPath(d.location.file, cwd) },
    source: readSource(d.location.file),
    hint: d.hint,
  });
}

/** Each diagnostic as the CLI prints it: severity, code, location, message, code frame, hint. */
export function formatDiagnostic(d: Diagnostic, cwd: string): string {
  return `${d.severity}: ${formatError(toPlinthError(d, cwd))}`;
}

/** One error that stops the build and names every problem with its file and line. */
export function rosterFailure(diagnostics: readonly Diagnostic[], cwd: string): PlinthError {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0]!;
  const lines = errors.map((d) => `${where(d, cwd)} ${d.message}\n      fix: ${toPlinthError(d, cwd).hint}`);
  return new PlinthError("MemberInvalid", `${errors.length} problem${errors.length === 1 ? "" : "s"} in the member roster:\n    ${lines.join("\n    ")}`, {
    location: { ...first.location, file: displayPath(first.location.file, cwd) },
    source: readSource(first.location.file),
  });
}
