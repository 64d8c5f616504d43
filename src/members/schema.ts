/**
 * A site's membership schema: its tiers and how it stores members, read once from
 * `_data/tiers.json|yaml|yml` (a bare list of tiers, or an object with settings and `tiers`)
 * and from plugin options, which win.
 */
import path from "node:path";
import { findDataFile, readDataFile } from "./data-file.js";
import { DEFAULT_TIERS, normalizeTiers } from "./tiers.js";
import { MEMBER_STATUSES, type Diagnostic, type MemberStatus, type MembersSchema } from "./types.js";
import { isRecord } from "./values.js";

/** Settings a site may give as plugin options or in the object form of its tiers file. */
export interface MembersSettings {
  /** Front matter key holding a member's tier. Default: `level`, with `tier` accepted too. */
  memberField?: string;
  /** Folder of member files, relative to the input folder. Default: `members`. */
  folder?: string;
  /** Folder of logos, relative to the input folder. Default: `img/members`. */
  logoFolder?: string;
  /** Extra front matter keys never to publish, added to `contacts` and `billing`. */
  private?: string[];
  /** Statuses published in `members.json`/`members.csv`. Default: `["active", "lapsed"]`. */
  publish?: MemberStatus[];
}

export const DEFAULT_PRIVATE_FIELDS = ["contacts", "billing"] as const;

const DEFAULTS = { memberField: "level", folder: "members", logoFolder: "img/members" };

/** True when the site declares tiers, which is how Plinth knows to enable the members model. */
export function hasTiersFile(dataDir: string): boolean {
  return findDataFile(dataDir, "tiers") !== undefined;
}

export function loadMembersSchema(dataDir: string, options: MembersSettings = {}): { schema: MembersSchema; diagnostics: Diagnostic[] } {
  const read = readDataFile(dataDir, "tiers");
  if (read.kind === "invalid") return { schema: buildSchema({}, options, [...DEFAULT_TIERS]), diagnostics: [read.diagnostic] };
  if (read.kind === "absent") return { schema: buildSchema({}, options, [...DEFAULT_TIERS]), diagnostics: [] };

  const { file, source, value } = read.data;
  const settings = isRecord(value) ? value : {};
  const tierList = Array.isArray(value) ? value : settings.tiers;
  const diagnostics: Diagnostic[] = [];
  const settingProblem = (key: string, message: string, hint: string): void => {
    const line = source.split("\n").findIndex((text) => text.includes(key)) + 1;
    diagnostics.push({ code: "TiersInvalid", severity: "error", message, hint, location: { file, line: line || 1 } });
  };
  const fileSettings = readSettings(settings, settingProblem);
  let tiers = [...DEFAULT_TIERS];
  if (tierList !== undefined) {
    const normalized = normalizeTiers(tierList, { file, source });
    tiers = normalized.tiers;
    diagnostics.push(...normalized.diagnostics);
  } else if (!isRecord(value)) {
    settingProblem("", "The tiers file must hold a list of tiers or an object with a `tiers` list.", 'Write `[{"id": "gold", "name": "Gold", "order": 1}]`.');
  }
  return { schema: { ...buildSchema(fileSettings, options, tiers), file }, diagnostics };
}

type Problem = (key: string, message: string, hint: string) => void;

function readSettings(raw: Record<string, unknown>, problem: Problem): MembersSettings {
  const out: MembersSettings = {};
  for (const key of ["memberField", "folder", "logoFolder"] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === "string" && value.trim() !== "") out[key] = value.trim();
    else problem(key, `\`${key}\` must be a non-empty string.`, `Write \`"${key}": "${DEFAULTS[key]}"\` or remove the key.`);
  }
  if (raw.private !== undefined) {
    if (Array.isArray(raw.private) && raw.private.every((v) => typeof v === "string")) out.private = raw.private as string[];
    else problem("private", "`private` must be a list of front matter keys.", 'Write `"private": ["contacts", "billing"]`.');
  }
  if (raw.publish !== undefined) {
    const valid = Array.isArray(raw.publish) && raw.publish.every((v) => (MEMBER_STATUSES as readonly unknown[]).includes(v));
    if (valid) out.publish = raw.publish as MemberStatus[];
    else problem("publish", "`publish` must list member statuses.", `Use statuses from: ${MEMBER_STATUSES.join(", ")}.`);
  }
  return out;
}

function buildSchema(fromFile: MembersSettings, options: MembersSettings, tiers: MembersSchema["tiers"]): MembersSchema {
  const memberField = options.memberField ?? fromFile.memberField;
  return {
    tiers,
    memberField: memberField ?? DEFAULTS.memberField,
    memberFieldConfigured: memberField !== undefined,
    folder: normalizeFolder(options.folder ?? fromFile.folder ?? DEFAULTS.folder),
    logoFolder: normalizeFolder(options.logoFolder ?? fromFile.logoFolder ?? DEFAULTS.logoFolder),
    privateFields: [...new Set([...DEFAULT_PRIVATE_FIELDS, ...(fromFile.private ?? []), ...(options.private ?? [])])],
    publishStatuses: options.publish ?? fromFile.publish ?? ["active", "lapsed"],
  };
}

/** Folders are written with forward slashes and no leading `./` or trailing `/`. */
function normalizeFolder(folder: string): string {
  return path.posix.normalize(folder.replace(/\\/g, "/")).replace(/^\.\/+/, "").replace(/\/+$/, "");
}
