/**
 * Lets Plinth's build cache notice that a scheduled page has fallen due. The cache compares
 * global data between builds, so the plugin adds `newsroomSchedule`: the publishing switches
 * and whether the next due time, noted by the last build in a small file, has passed. When it
 * has, the value changes and the next `plinth build` is a real one.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PublishingSwitches } from "./publishing.js";

export interface ScheduleStamp {
  drafts: boolean;
  future: boolean;
  /** True once the earliest page the last build held back is due. */
  nextDueReached: boolean;
}

export function scheduleFile(cwd: string, inputDir: string): string {
  const key = createHash("sha1").update(inputDir).digest("hex").slice(0, 16);
  const root = existsSync(path.join(cwd, "node_modules")) ? path.join(cwd, "node_modules", ".cache", "plinth") : path.join(os.tmpdir(), "plinth-cache");
  return path.join(root, `newsroom-schedule-${key}.json`);
}

export function readStamp(file: string, switches: PublishingSwitches, now: Date): ScheduleStamp {
  let nextDue: number | undefined;
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as { nextDue?: unknown };
    if (typeof value.nextDue === "string") nextDue = new Date(value.nextDue).getTime();
  } catch {
    // No record yet: nothing is known to be due.
  }
  return { ...switches, nextDueReached: nextDue !== undefined && nextDue <= now.getTime() };
}

/** Notes the earliest due time of the pages held back (or none); a failed write only costs a cache hit. */
export function writeNextDue(file: string, nextDue: Date | undefined): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ nextDue: nextDue?.toISOString() ?? null }));
    renameSync(temp, file);
  } catch {
    // A read-only cache folder: the build itself is unaffected.
  }
}
