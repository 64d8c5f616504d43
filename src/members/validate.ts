/**
 * The roster's rules, one function each. Every rule returns diagnostics that name the member
 * file, the line of the offending key and what to change; none of them throws or drops a member.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseMemberDate, type DateParse } from "./dates.js";
import { kindOfExtension, locateLogo, sniffImage, svgHasViewBox } from "./logo.js";
import { locate, rawValue } from "./member-file.js";
import { findTier } from "./tiers.js";
import { MEMBER_STATUSES, type Diagnostic, type MemberRecord, type MembersSchema } from "./types.js";
import { fileNameFitsMember, suggestedSlug } from "./slug-match.js";
import { booleanValue, nameKey, text } from "./values.js";

export interface CheckContext {
  schema: MembersSchema;
  inputDir: string;
  /** Reads a logo's bytes; tests and the CLI's dry run can swap it. */
  readBytes?: (file: string) => Buffer;
}

type Rule = (record: MemberRecord, ctx: CheckContext) => Diagnostic[];

function diagnostic(record: MemberRecord, key: string, fields: Omit<Diagnostic, "location">): Diagnostic {
  return { ...fields, location: locate(record, key) };
}

export const checkRequiredFields: Rule = (record) => {
  const out: Diagnostic[] = [];
  const name = record.data.name;
  if (typeof name !== "string" || name.trim() === "") {
    out.push(diagnostic(record, "name", {
      code: "MemberFieldMissing",
      severity: "error",
      message: `${path.basename(record.file)} has no \`name\`.`,
      hint: 'Add the organisation\'s name to the front matter, e.g. `name: "Acme Corporation"`.',
    }));
  }
  if (record.tierValue === undefined || record.tierValue === null || record.tierValue === "") {
    out.push(diagnostic(record, record.tierKey, {
      code: "MemberFieldMissing",
      severity: "error",
      message: `${path.basename(record.file)} has no \`${record.tierKey}\` (the member's tier).`,
      hint: `Add \`${record.tierKey}: <tier id>\` to the front matter.`,
    }));
  }
  return out;
};

export const checkTier: Rule = (record, { schema, inputDir }) => {
  const value = record.tierValue;
  if (value === undefined || value === null || value === "") return [];
  if (typeof value === "string" && findTier(schema.tiers, value)) return [];
  const ids = schema.tiers.map((tier) => tier.id);
  const guess = typeof value === "string" ? closest(value, ids) : undefined;
  return [diagnostic(record, record.tierKey, {
    code: "MemberUnknownTier",
    severity: "error",
    message: `Unknown tier ${JSON.stringify(value)}.`,
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Use one of: ${ids.join(", ")}; or declare the tier in ${schema.file ? path.relative(inputDir, schema.file) : "_data/tiers.json"}.`,
  })];
};

export const checkLogo: Rule = (record, { schema, inputDir, readBytes = readFileSync }) => {
  const value = record.data.logo;
  if (value === undefined || value === null || value === "") {
    return [diagnostic(record, "name", {
      code: "MemberLogoMissing",
      severity: "warning",
      message: `${path.basename(record.file)} has no \`logo\`; the roster will show the name only.`,
      hint: `Add \`logo: /${schema.logoFolder}/${record.slug}.svg\` and put the file there.`,
    })];
  }
  if (typeof value !== "string") {
    return [diagnostic(record, "logo", { code: "MemberFieldInvalid", severity: "error", message: "`logo` must be a path to an image file.", hint: `Write \`logo: /${schema.logoFolder}/${record.slug}.svg\`.` })];
  }
  const where = locateLogo(value, schema, inputDir);
  if (where.kind === "remote") {
    return [diagnostic(record, "logo", { code: "MemberLogoRemote", severity: "warning", message: `The logo ${value} is on another site, so Plinth cannot check it.` })];
  }
  let bytes: Buffer;
  try {
    bytes = readBytes(where.file);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be read (${(cause as Error).message})`;
    return [diagnostic(record, "logo", {
      code: "MemberLogoUnreadable",
      severity: "error",
      message: `The logo file ${path.relative(inputDir, where.file)} ${reason}.`,
    })];
  }
  const kind = sniffImage(bytes);
  if (!kind) {
    return [diagnostic(record, "logo", {
      code: "MemberLogoNotImage",
      severity: "error",
      message: `The logo file ${path.relative(inputDir, where.file)} is not a PNG, JPEG, GIF, WebP, AVIF or SVG image.`,
    })];
  }
  const out: Diagnostic[] = [];
  const claimed = kindOfExtension(where.file);
  if (claimed && claimed !== kind) {
    out.push(diagnostic(record, "logo", {
      code: "MemberLogoNotImage",
      severity: "warning",
      message: `The logo file ${path.basename(where.file)} is named .${path.extname(where.file).slice(1)} but holds a ${kind.toUpperCase()} image.`,
      hint: "Rename the file to match its format, so browsers and servers send the right type.",
    }));
  }
  if (kind === "svg" && !svgHasViewBox(bytes)) {
    out.push(diagnostic(record, "logo", { code: "MemberSvgNoViewBox", severity: "warning", message: `The SVG logo ${path.basename(where.file)} has no viewBox.` }));
  }
  return out;
};

/** A URL a visitor can follow: absolute http or https. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export const checkUrl: Rule = (record) => {
  const value = record.data.url;
  if (value === undefined || value === null) return [];
  if (typeof value === "string" && isWebUrl(value.trim())) return [];
  return [diagnostic(record, "url", { code: "MemberInvalidUrl", severity: "error", message: `The url ${JSON.stringify(value)} is not a valid web address.` })];
};

export const checkStatus: Rule = (record) => {
  const value = record.data.status;
  if (value === undefined || value === null) return [];
  if (typeof value === "string" && (MEMBER_STATUSES as readonly string[]).includes(value.trim().toLowerCase())) return [];
  const guess = typeof value === "string" ? closest(value, [...MEMBER_STATUSES]) : undefined;
  return [diagnostic(record, "status", {
    code: "MemberUnknownStatus",
    severity: "error",
    message: `Unknown status ${JSON.stringify(value)}.`,
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Use one of: ${MEMBER_STATUSES.join(", ")}.`,
  })];
};

/** A date field as written: YAML's Date if it is the day typed, the typed text if YAML rolled it over. */
function writtenDate(record: MemberRecord, key: string): DateParse {
  const value = record.data[key];
  return parseMemberDate(value instanceof Date ? (rawValue(record, key) ?? value) : value);
}

export const checkDates: Rule = (record) => {
  const out: Diagnostic[] = [];
  const joined = writtenDate(record, "joined");
  const left = writtenDate(record, "left");
  for (const [key, parsed] of [["joined", joined], ["left", left]] as const) {
    if (!parsed.ok) {
      out.push(diagnostic(record, key, { code: "MemberInvalidDate", severity: "error", message: `\`${key}\` is not a date: ${JSON.stringify(record.data[key])}.` }));
    }
  }
  const joinedDate = (joined.ok ? joined.date : null) ?? record.gitJoined ?? null;
  const leftDate = left.ok ? left.date : null;
  if (joinedDate && leftDate && leftDate < joinedDate) {
    out.push(diagnostic(record, "left", {
      code: "MemberLeftBeforeJoined",
      severity: "error",
      message: `\`left\` (${leftDate}) is before \`joined\` (${joinedDate}${joined.ok && joined.date ? "" : ", from git history"}).`,
    }));
  }
  const status = typeof record.data.status === "string" ? record.data.status.trim().toLowerCase() : "active";
  if (leftDate && status === "active") {
    out.push(diagnostic(record, "left", { code: "MemberLeftButActive", severity: "warning", message: `The member left on ${leftDate} but its status is active.` }));
  }
  return out;
};

export const checkFieldTypes: Rule = (record) => {
  const out: Diagnostic[] = [];
  const { founder, description } = record.data;
  const flag = booleanValue(founder);
  if (founder !== undefined && flag === undefined) {
    out.push(diagnostic(record, "founder", { code: "MemberFieldInvalid", severity: "error", message: "`founder` must be true or false.", hint: "Write `founder: true` or `founder: false`, without quotes." }));
  } else if (typeof founder === "string") {
    out.push(diagnostic(record, "founder", {
      code: "MemberBooleanAsText",
      severity: "warning",
      message: `\`founder: ${founder}\` is read as ${flag} here, but YAML 1.2 reads it as the text ${JSON.stringify(founder)}${flag ? "" : ", which a template testing `founder` itself takes as true"}.`,
      hint: `Write \`founder: ${flag}\`, without quotes.`,
    }));
  }
  if (description !== undefined && description !== null && typeof description !== "string") {
    out.push(diagnostic(record, "description", { code: "MemberFieldInvalid", severity: "error", message: "`description` must be text.", hint: "Quote the description: `description: \"...\"`." }));
  }
  return out;
};

/** The file name is the member's slug (URLs, members.json, the CLI): it should name the member. */
export const checkFileName: Rule = (record) => {
  const name = text(record.data.name);
  if (name === null || fileNameFitsMember(record.slug, name)) return [];
  const folder = path.basename(path.dirname(record.file));
  const wanted = `${folder}/${suggestedSlug(name)}${path.extname(record.file)}`;
  return [diagnostic(record, "name", {
    code: "MemberFileNameMismatch",
    severity: "warning",
    message: `${folder}/${path.basename(record.file)} holds the member "${name}"; its file name makes the member's slug "${record.slug}", used in URLs and members.json.`,
    hint: `Rename the file to ${wanted} (\`git mv ${folder}/${path.basename(record.file)} ${wanted}\`).`,
  })];
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Contacts are private: never published, but a typo in an address is still worth catching. */
export const checkContacts: Rule = (record) => {
  const contacts = record.privateData.contacts;
  if (contacts === undefined || contacts === null) return [];
  const list = Array.isArray(contacts) ? contacts : [contacts];
  const out: Diagnostic[] = [];
  list.forEach((contact: unknown, index) => {
    const email = typeof contact === "string" ? contact : typeof contact === "object" && contact !== null ? (contact as Record<string, unknown>).email : undefined;
    if (email === undefined && typeof contact === "object" && contact !== null) return;
    if (typeof email !== "string" || !EMAIL.test(email.trim())) {
      out.push(diagnostic(record, "contacts", { code: "MemberContactInvalid", severity: "error", message: `Contact number ${index + 1} has an invalid email address: ${JSON.stringify(email ?? contact)}.` }));
    }
  });
  return out;
};

/** Every rule that looks at one member on its own. */
export const MEMBER_RULES: readonly Rule[] = [checkRequiredFields, checkTier, checkLogo, checkUrl, checkStatus, checkDates, checkFieldTypes, checkFileName, checkContacts];

function duplicates(records: readonly MemberRecord[], key: string, normalize: (value: string) => string | undefined, report: (record: MemberRecord, first: MemberRecord) => Diagnostic): Diagnostic[] {
  const firstByValue = new Map<string, MemberRecord>();
  const out: Diagnostic[] = [];
  for (const record of records) {
    const value = record.data[key];
    const normalized = typeof value === "string" ? normalize(value) : undefined;
    if (normalized === undefined) continue;
    const first = firstByValue.get(normalized);
    if (first) out.push(report(record, first));
    else firstByValue.set(normalized, record);
  }
  return out;
}

export function checkDuplicateNames(records: readonly MemberRecord[]): Diagnostic[] {
  return duplicates(records, "name", nameKey, (record, first) => diagnostic(record, "name", {
    code: "MemberDuplicateName",
    severity: "error",
    message: `The name "${String(record.data.name)}" is also used by ${path.basename(first.file)}.`,
  }));
}

/** Two spellings of one site (`http://www.acme.com/` and `https://acme.com`) count as the same URL. */
export function sameSiteKey(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return `${url.hostname.toLowerCase().replace(/^www\./, "")}${url.pathname.replace(/\/+$/, "")}${url.search}`;
  } catch {
    return undefined;
  }
}

export function checkDuplicateUrls(records: readonly MemberRecord[]): Diagnostic[] {
  return duplicates(records, "url", sameSiteKey, (record, first) => diagnostic(record, "url", {
    code: "MemberDuplicateUrl",
    severity: "warning",
    message: `The url ${String(record.data.url)} is also used by ${path.basename(first.file)}.`,
  }));
}

/** Runs every rule over the roster, members in file order. */
export function validateMembers(records: readonly MemberRecord[], ctx: CheckContext): Diagnostic[] {
  const perMember = records.flatMap((record) => MEMBER_RULES.flatMap((rule) => rule(record, ctx)));
  return [...perMember, ...checkDuplicateNames(records), ...checkDuplicateUrls(records)];
}

/** The candidate closest to a typo, if it is close enough to be a likely match. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
