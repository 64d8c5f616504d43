// Converting between front matter values (as the server parsed them) and what the form's
// controls hold, and deciding when an edit gives back the value the file already had.

import { parse as parseYaml } from "yaml";
import type { Field } from "./types.js";
import type { FormValue } from "./yaml-scalar.js";

/** `2023-03-22T12:30:00.000Z` -> `2023-03-22T12:30:00` for a datetime-local input (UTC). */
export function toDateTimeInput(value: unknown): string {
  const date = asDate(value);
  return date ? date.toISOString().slice(0, 19) : "";
}

export function toDateInput(value: unknown): string {
  const date = asDate(value);
  return date ? date.toISOString().slice(0, 10) : typeof value === "string" ? value : "";
}

function asDate(value: unknown): Date | undefined {
  if (typeof value !== "string" && typeof value !== "number" && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The YAML timestamp text for a datetime-local value read as UTC: `2023-03-22T12:30:00Z`. */
export function fromDateTimeInput(text: string): string | null {
  if (!text) return null;
  const full = text.length === 16 ? `${text}:00` : text.slice(0, 19);
  return `${full}Z`;
}

export function asTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value !== "") return [value];
  return [];
}

/** The form's starting value for `field` from the parsed front matter. */
export function initialValue(field: Field, value: unknown): FormValue {
  switch (field.type) {
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "tags":
      return asTags(value);
    case "datetime":
      return value === undefined || value === null ? null : fromDateTimeInput(toDateTimeInput(value));
    case "date":
      return value === undefined || value === null ? null : toDateInput(value);
    default:
      return value === undefined || value === null ? null : typeof value === "string" ? value : String(value);
  }
}

/** True when the form's value means the same as the value parsed from the file. */
export function sameValue(field: Field, formValue: FormValue, original: unknown): boolean {
  const start = initialValue(field, original);
  if (Array.isArray(formValue) && Array.isArray(start)) return formValue.length === start.length && formValue.every((item, i) => item === start[i]);
  if ((formValue === null || formValue === "") && (start === null || start === "")) return true;
  return formValue === start;
}

/** The values of a front matter text the server has not parsed (a restored draft); null when it is not valid YAML. */
export function frontMatterValues(yamlText: string): Record<string, unknown> | null {
  try {
    const value: unknown = parseYaml(yamlText);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : value == null ? {} : null;
  } catch {
    return null;
  }
}
