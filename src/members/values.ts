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

/** The words YAML 1.1 read as booleans, which YAML 1.2 (js-yaml, Eleventy, Plinth) reads as text. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true], ["yes", true], ["on", true],
  ["false", false], ["no", false], ["off", false],
]);

/**
 * A yes/no field as its author meant it: a boolean, or one of true/false/yes/no/on/off in any
 * case written as text (older YAML and CMSs write `founder: yes`). Undefined for anything else.
 * @example booleanValue("Yes") === true; booleanValue("maybe") === undefined
 */
export function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return typeof value === "string" ? BOOLEAN_WORDS.get(value.trim().toLowerCase()) : undefined;
}
