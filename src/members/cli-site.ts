/** What every `plinth members` command shares: its input and output, the site's folders, the model and the report. */
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { parseMemberDate, today } from "./dates.js";
import { applyStrict, countBySeverity, formatDiagnostic } from "./diagnostics.js";
import { GitDates } from "./git-dates.js";
import { loadMembership, type MembershipModel } from "./load.js";

export interface MembersIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface SiteDirs {
  input: string;
  data: string;
}

export function siteDirs(values: { input?: string; data?: string }, cwd: string): SiteDirs {
  const input = path.resolve(cwd, values.input ?? ".");
  return { input, data: path.resolve(input, values.data ?? "_data") };
}

export function loadSite(dirs: SiteDirs, gitDates = true): Promise<MembershipModel> {
  return loadMembership({ inputDir: dirs.input, dataDir: dirs.data, gitDates: gitDates ? new GitDates() : false });
}

/** Prints every diagnostic to stderr and a one-line summary; returns the number of errors. */
export function report(model: MembershipModel, strict: boolean, io: MembersIo): number {
  const diagnostics = applyStrict(model.diagnostics, strict);
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, io.cwd)}\n\n`);
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  io.stdout(`[members] ${plural(model.records.length, "member")} in ${plural(model.schema.tiers.length, "tier")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
  return errors;
}


/** A `YYYY-MM-DD` option, today when absent. */
export function dateOption(value: string | undefined, flag: string): string {
  if (value === undefined) return today();
  const parsed = parseMemberDate(value);
  if (!parsed.ok || parsed.date === null) throw new PlinthError("MemberInvalidDate", `\`${flag}\` is not a date: "${value}".`);
  return parsed.date;
}
