/**
 * `addDateParsing` callbacks, as Eleventy runs them before reading a page's date: each is called
 * in order with the current `date` value (undefined when the page sets none) and `this.page`;
 * a truthy return replaces the value. A luxon DateTime becomes a Date, as Eleventy accepts both.
 */
import type { UserFunction } from "../config/user-config.js";

export interface DateParsingPage {
  inputPath: string;
  fileSlug: string;
  filePathStem: string;
  outputFileExtension: string;
  templateSyntax: string;
}

function isLuxonDateTime(value: unknown): value is { toJSDate(): Date } {
  return typeof value === "object" && value !== null && value.constructor?.name === "DateTime" && typeof (value as { toJSDate?: unknown }).toJSDate === "function";
}

export function mapDate(callbacks: readonly UserFunction[], value: unknown, page: DateParsingPage): unknown {
  let date = value;
  for (const callback of callbacks) {
    const result = callback.call({ page }, date);
    if (result) date = result;
  }
  return isLuxonDateTime(date) ? date.toJSDate() : date;
}
