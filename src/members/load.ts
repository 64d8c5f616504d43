/**
 * Reads a site's whole membership: schema, member files, git join dates, affiliations and the
 * foundation's name, validates it, and returns the public model with every diagnostic.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAffiliations } from "./affiliations.js";
import { readDataFile } from "./data-file.js";
import type { GitDates } from "./git-dates.js";
import { parseMemberFile } from "./member-file.js";
import { toPublicMember } from "./public-fields.js";
import { loadMembersSchema, type MembersSettings } from "./schema.js";
import { findTier } from "./tiers.js";
import type { Affiliation, Diagnostic, MemberRecord, MembersSchema, PublicMember } from "./types.js";
import { validateMembers } from "./validate.js";

export interface SiteInfo {
  name: string | null;
  url: string | null;
}

export interface MembershipModel {
  inputDir: string;
  dataDir: string;
  schema: MembersSchema;
  records: MemberRecord[];
  /** Every member whose tier is known, any status, in roster order (tier order, then name). */
  members: PublicMember[];
  affiliations: Affiliation[];
  site: SiteInfo;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  inputDir: string;
  /** Defaults to `<inputDir>/_data`. */
  dataDir?: string;
  settings?: MembersSettings;
  /** Where join dates come from when files give none; `false` skips git. */
  gitDates?: GitDates | false;
}

export const nameCollator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Member files: Markdown files directly in the members folder, except its index page. */
export function memberFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(".md") && name !== "index.md")
    .sort()
    .map((name) => path.join(folder, name));
}

function readSiteInfo(dataDir: string): SiteInfo {
  const read = readDataFile(dataDir, "site");
  const value = read.kind === "loaded" ? read.data.value : undefined;
  const site = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return {
    name: typeof site.name === "string" && site.name.trim() !== "" ? site.name.trim() : null,
    url: typeof site.url === "string" && site.url.trim() !== "" ? site.url.trim() : null,
  };
}

export async function loadMembership(options: LoadOptions): Promise<MembershipModel> {
  const inputDir = path.resolve(options.inputDir);
  const dataDir = path.resolve(options.dataDir ?? path.join(inputDir, "_data"));
  const { schema, diagnostics } = loadMembersSchema(dataDir, options.settings);

  const records: MemberRecord[] = [];
  for (const file of memberFiles(path.join(inputDir, schema.folder))) {
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch (cause) {
      diagnostics.push({ code: "FileUnreadable", severity: "error", message: `Cannot read the member file: ${(cause as Error).message}`, location: { file } });
      continue;
    }
    const parsed = parseMemberFile(file, source, schema);
    if (parsed.kind === "invalid") diagnostics.push(parsed.diagnostic);
    if (parsed.kind === "member") records.push(parsed.record);
  }

  if (options.gitDates) {
    const undated = records.filter((record) => record.data.joined === undefined || record.data.joined === null);
    const dates = await options.gitDates.lookup(undated.map((record) => record.file), inputDir);
    for (const record of undated) record.gitJoined = dates.get(record.file);
  }

  diagnostics.push(...validateMembers(records, { schema, inputDir }));
  const affiliations = loadAffiliations(dataDir);
  diagnostics.push(...affiliations.diagnostics);

  return {
    inputDir,
    dataDir,
    schema,
    records,
    members: publicMembers(records, schema, inputDir),
    affiliations: affiliations.affiliations,
    site: readSiteInfo(dataDir),
    diagnostics,
  };
}

/** Members in roster order. A member whose tier is unknown has an error and no place here. */
function publicMembers(records: readonly MemberRecord[], schema: MembersSchema, inputDir: string): PublicMember[] {
  const members: PublicMember[] = [];
  for (const record of records) {
    const tier = typeof record.tierValue === "string" ? findTier(schema.tiers, record.tierValue) : undefined;
    if (tier) members.push(toPublicMember(record, tier, schema, inputDir));
  }
  const rank = new Map(schema.tiers.map((tier, index) => [tier.id, index]));
  return members.sort((a, b) => rank.get(a.tier)! - rank.get(b.tier)! || nameCollator.compare(a.name, b.name));
}
