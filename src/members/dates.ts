/**
 * Member dates (`joined`, `left`, `since`) as `YYYY-MM-DD`. YAML turns `2023-03-22` into a
 * Date at midnight UTC, so the UTC calendar day is the date the file meant.
 */

export type DateParse = { ok: true; date: string | null } | { ok: false };

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/** `YYYY-MM-DD` for a Date or an ISO date string, `null` for no value, or a failure. */
export function parseMemberDate(value: unknown): DateParse {
  if (value === undefined || value === null || value === "") return { ok: true, date: null };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false } : { ok: true, date: value.toISOString().slice(0, 10) };
  if (typeof value !== "string") return { ok: false };
  const match = DAY.exec(value.trim());
  if (!match) return { ok: false };
  const [, year, month, day] = match;
  const check = new Date(`${year}-${month}-${day}T00:00:00Z`);
  // Rejects dates like 2023-02-30 that Date would silently roll over.
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return { ok: false };
  return { ok: true, date: `${year}-${month}-${day}` };
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
