/**
 * The member roster as the studio shows it, read through the members model (the same loading
 * and rules as `plinth members check` and the build): the tiers for the tier select, every
 * member file with its values, and each diagnostic placed at its file, field and line so the
 * form can show it beside the field.
 */
import path from "node:path";
import { loadMembership, type MembershipModel } from "../../members/load.js";
import type { Diagnostic, MemberRecord, Tier } from "../../members/types.js";

export interface RosterDiagnostic {
  code: string;
  severity: "error" | "warning";
  message: string;
  hint?: string;
  /** The file, relative to the input folder (the API's paths); absolute when outside it. */
  file: string;
  /** The front matter key the problem is about, when the line holds one. */
  field?: string;
  line?: number;
  column?: number;
}

export interface RosterMember {
  path: string;
  slug: string;
  name: string | null;
  /** The tier id as written, or null. */
  tier: string | null;
  /** Its tier's display name, when the tier is known. */
  tierName: string | null;
  logo: string | null;
  url: string | null;
  status: string;
  founder: boolean;
  joined: string | null;
  errors: number;
  warnings: number;
}

export interface Roster {
  tiers: Tier[];
  /** The front matter key for the tier (`level` or `tier`), so the form knows which field is the select. */
  tierField: string;
  folder: string;
  logoFolder: string;
  members: RosterMember[];
  diagnostics: RosterDiagnostic[];
}

function relativeFile(inputDir: string, file: string): string {
  const relative = path.relative(inputDir, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}

/** The key written on a diagnostic's line of the member file. */
function fieldAt(record: MemberRecord | undefined, line: number | undefined): string | undefined {
  if (!record || line === undefined) return undefined;
  for (const [key, keyLine] of record.keyLines) if (keyLine === line) return key;
  return undefined;
}

function placed(d: Diagnostic, model: MembershipModel, records: ReadonlyMap<string, MemberRecord>): RosterDiagnostic {
  const out: RosterDiagnostic = { code: d.code, severity: d.severity, message: d.message, file: relativeFile(model.inputDir, d.location.file) };
  if (d.hint) out.hint = d.hint;
  if (d.location.line) out.line = d.location.line;
  if (d.location.column) out.column = d.location.column;
  const field = fieldAt(records.get(d.location.file), d.location.line);
  if (field) out.field = field;
  return out;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function dateText(value: unknown): string | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : text(value);
}

/** The roster of the site at `inputDir`, every member file listed, known tier or not. */
export async function readRoster(inputDir: string, dataDir: string): Promise<{ roster: Roster; model: MembershipModel }> {
  // Git join dates take a process per file; the studio shows what the files say.
  const model = await loadMembership({ inputDir, dataDir, gitDates: false });
  const records = new Map(model.records.map((record) => [record.file, record]));
  const diagnostics = model.diagnostics.map((d) => placed(d, model, records));
  const members = model.records.map((record): RosterMember => {
    const own = diagnostics.filter((d) => path.resolve(inputDir, d.file) === record.file);
    const publicMember = model.members.find((member) => member.slug === record.slug);
    return {
      path: relativeFile(model.inputDir, record.file),
      slug: record.slug,
      name: text(record.data.name),
      tier: text(record.tierValue),
      tierName: publicMember?.tierName ?? null,
      logo: text(record.data.logo),
      url: text(record.data.url),
      status: text(record.data.status)?.toLowerCase() ?? "active",
      founder: record.data.founder === true,
      joined: dateText(record.data.joined),
      errors: own.filter((d) => d.severity === "error").length,
      warnings: own.filter((d) => d.severity === "warning").length,
    };
  });
  return {
    roster: { tiers: model.schema.tiers, tierField: model.schema.memberField, folder: model.schema.folder, logoFolder: model.schema.logoFolder, members, diagnostics },
    model,
  };
}
