/** Small questions asked of values read from YAML and JSON, which can be anything. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The trimmed string, or null for anything that is not a non-empty string. */
export function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Names that differ only in case and spacing belong to the same organisation. */
export function nameKey(name: string): string | undefined {
  return name.trim().replace(/\s+/g, " ").toLowerCase() || undefined;
}
