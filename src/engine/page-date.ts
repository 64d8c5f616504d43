/**
 * `page.date`, decided as Eleventy does: the `date` in the data (a Date, a Luxon DateTime, an
 * ISO string, `Last Modified` or `Created`), else a `YYYY-MM-DD` in the file's path, else the
 * file's creation time. Dates without a zone are read as UTC.
 */
import type { Stats } from "node:fs";
import type { DateTime as LuxonDateTime } from "luxon";
import { lazyRequire } from "../util/lazy-require.js";

const luxon = lazyRequire<{ DateTime: typeof LuxonDateTime }>("luxon");
import { PlinthError } from "../errors/plinth-error.js";

export interface DateSource {
  dataDate: unknown;
  /** Path as shown to users; it is also searched for a `YYYY-MM-DD`. */
  inputPath: string;
  stats: () => Stats | undefined;
}

/**
 * A file time as Eleventy reads it: `new Date(stats.birthtimeMs)` (or `ctimeMs` for `Last
 * Modified`), which drops the fraction of a millisecond, where Node's `stats.birthtime` rounds
 * it. Two files created 0.55 ms apart in the same millisecond then have the same date and sort
 * by path, as in Eleventy. A file system that keeps no creation time reports 0: then now.
 */
function fileTime(st: Stats | undefined, key: "birthtimeMs" | "ctimeMs"): Date {
  if (!st || st.birthtimeMs === 0) return new Date();
  return new Date(st[key]);
}

/** A Luxon DateTime from a JavaScript data file, known as Eleventy knows it: by its class name. */
function isLuxonDateTime(value: unknown): value is { toJSDate: () => Date } {
  return typeof value === "object" && value !== null && value.constructor?.name === "DateTime" && typeof (value as { toJSDate?: unknown }).toJSDate === "function";
}

export function resolvePageDate({ dataDate, inputPath, stats }: DateSource): Date {
  if (dataDate instanceof Date) return dataDate;
  if (isLuxonDateTime(dataDate)) return dataDate.toJSDate();
  if (dataDate !== undefined && dataDate !== null && dataDate !== "" && dataDate !== false) {
    if (typeof dataDate === "string") {
      const keyword = dataDate.toLowerCase();
      // Eleventy's `Last Modified` is the change time (ctime), which also moves on chmod and rename.
      if (keyword === "last modified" || keyword === "git last modified") return fileTime(stats(), "ctimeMs");
      if (keyword === "created" || keyword === "git created") return fileTime(stats(), "birthtimeMs");
      const parsed = luxon().DateTime.fromISO(dataDate, { zone: "utc" });
      if (!parsed.isValid) {
        throw new PlinthError("InvalidDate", `The date "${dataDate}" could not be read: ${parsed.invalidExplanation ?? parsed.invalidReason}.`, {
          location: { file: inputPath },
        });
      }
      return parsed.toJSDate();
    }
    throw new PlinthError("InvalidDate", `The date must be a string or a date, not the ${typeof dataDate} ${JSON.stringify(dataDate)}.`, {
      location: { file: inputPath },
      hint: "Write a full date such as `2023-03-22`; a year alone (`date: 2023`) is a number to YAML, not a date.",
    });
  }
  const match = /(\d{4}-\d{2}-\d{2})/.exec(inputPath);
  if (match) {
    const parsed = luxon().DateTime.fromISO(match[1]!, { zone: "utc" });
    if (parsed.isValid) return parsed.toJSDate();
  }
  return fileTime(stats(), "birthtimeMs");
}
