/**
 * `members.json` and `members.csv`: the public roster for other sites and spreadsheets.
 * The field lists below are the stable schema documented in docs/members.md; add fields at
 * the end and bump `version` only for changes that break readers.
 */
import type { MembershipModel } from "./load.js";
import { buildMembershipData } from "./roster.js";
import type { PublicMember } from "./types.js";

export const JSON_SCHEMA_VERSION = 1;

/** Member fields in the order both exports write them. */
const MEMBER_FIELDS = ["slug", "name", "tier", "tierName", "url", "logo", "founder", "status", "joined", "left", "description"] as const;

type ExportModel = Pick<MembershipModel, "schema" | "members" | "affiliations" | "site">;

function published(model: ExportModel): PublicMember[] {
  return model.members.filter((member) => model.schema.publishStatuses.includes(member.status));
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

export function membersJson(model: ExportModel): string {
  const { tiers } = buildMembershipData(model);
  const document = {
    version: JSON_SCHEMA_VERSION,
    foundation: { name: model.site.name, url: model.site.url },
    tiers: tiers.map((tier) => pick(tier, ["id", "name", "order", "description", "featured", "count"])),
    members: published(model).map((member) => pick(member, MEMBER_FIELDS)),
    affiliations: model.affiliations.map((a) => pick(a, ["organisation", "url", "tier", "since", "description"])),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const CSV_HEADER = ["slug", "name", "tier", "tier_name", "url", "logo", "founder", "status", "joined", "left", "description"];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a leading `'`, as OWASP advises.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function membersCsv(model: ExportModel): string {
  const rows = published(model).map((member) => MEMBER_FIELDS.map((field) => member[field]));
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
