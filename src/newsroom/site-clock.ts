/**
 * The newsroom's clock and calendar: "now" (which `PLINTH_NOW` can pin, so tests and previews
 * of a future day are repeatable) and the site's time zone (`timezone` in `_data/site.json`).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { PlinthError } from "../errors/plinth-error.js";

/** `PLINTH_NOW` (an ISO date) when set, else the real time. */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.PLINTH_NOW;
  if (pinned) {
    const date = new Date(pinned);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}

/** The site's IANA time zone from `_data/site.json` (`timezone` or `timeZone`), if it names one. */
export function siteTimeZone(dataDir: string): string | undefined {
  const file = path.join(dataDir, "site.json");
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const zone = data.timezone ?? data.timeZone;
    return typeof zone === "string" && zone ? zone : undefined;
  } catch {
    return undefined;
  }
}

export function checkTimeZone(zone: string): string {
  if (!DateTime.now().setZone(zone).isValid) throw new PlinthError("NewTimeZoneInvalid", `"${zone}" is not a time zone.`);
  return zone;
}

/** `2026-12-04T16:42:00+01:00`: the minute, in the zone, with its offset (UTC is written `Z`). */
export function zonedTimestamp(date: Date, zone: string): string {
  return DateTime.fromJSDate(date).setZone(zone).startOf("minute").toISO({ suppressMilliseconds: true, suppressSeconds: false })!;
}

/** `2026-12-04`: the day in the zone, for dated file names. */
export function zonedDay(date: Date, zone: string): string {
  return DateTime.fromJSDate(date).setZone(zone).toISODate()!;
}

/** Reads a `--date` value: an ISO date or date and time; one without an offset is in the zone. */
export function parseDateOption(value: string, zone: string): Date {
  const parsed = DateTime.fromISO(value, { zone, setZone: true });
  if (!parsed.isValid) throw new PlinthError("CliUsage", `--date is not a date: "${value}".`, { hint: "Write it as 2026-12-24 or 2026-12-24T09:00 (in the site's time zone) or with an offset." });
  return parsed.toJSDate();
}
