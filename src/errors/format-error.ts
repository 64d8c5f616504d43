import type { PlinthError } from "./plinth-error.js";

function formatLocation(error: PlinthError): string {
  const loc = error.location;
  if (!loc) return "";
  let text = loc.file;
  if (loc.line) text += `:${loc.line}`;
  if (loc.line && loc.column) text += `:${loc.column}`;
  return text;
}

function causeChain(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error instanceof Error ? error.cause : undefined;
  let depth = 0;
  while (current !== undefined && depth < 5) {
    // Only a cause's first line: libraries such as js-yaml add a code frame of their own.
    const text = current instanceof Error ? `${current.name}: ${current.message}` : String(current);
    out.push(text.split("\n")[0]!.trim());
    current = current instanceof Error ? current.cause : undefined;
    depth++;
  }
  return out;
}

/** Renders an error for a terminal: name and title, location, message, code frame, hint, causes. */
export function formatError(error: PlinthError): string {
  const lines: string[] = [];
  const where = formatLocation(error);
  lines.push(`[${error.code}] ${error.title}${where ? ` in ${where}` : ""}`);
  lines.push(`  ${error.message}`);
  if (error.frame) {
    lines.push("");
    lines.push(...error.frame.split("\n").map((l) => `  ${l}`));
    lines.push("");
  }
  lines.push(`  hint: ${error.hint}`);
  for (const cause of causeChain(error)) lines.push(`  cause: ${cause}`);
  return lines.join("\n");
}

/** A plain-data view of an error, for JSON output and the dev server's overlay. */
export function errorToJson(error: PlinthError): Record<string, unknown> {
  return {
    code: error.code,
    title: error.title,
    message: error.message,
    hint: error.hint,
    location: error.location ?? null,
    frame: error.frame ?? null,
    causes: causeChain(error),
  };
}
