/**
 * The private-field guarantee. A member file's front matter is split here, as it is read:
 * private fields (contacts, billing and any the site declares) go to `privateData`, which only
 * validation reads; everything the site publishes is built by `toPublicMember` from the rest.
 * No other code path turns a member into output, so no output can carry a private field.
 */
import { parseMemberDate } from "./dates.js";
import { locateLogo } from "./logo.js";
import type { MemberRecord, MembersSchema, MemberStatus, PublicMember, Tier } from "./types.js";
import { booleanValue, text } from "./values.js";

/** Eleventy's own keys: page plumbing, not facts about the member. */
const ENGINE_KEYS = new Set([
  "layout", "permalink", "tags", "pagination", "eleventyExcludeFromCollections", "eleventyComputed", "eleventyImport",
  "eleventyNavigation", "eleventyDataSchema", "dynamicPermalink", "permalinkBypassOutputDir", "templateEngineOverride",
  "date", "page", "collections", "content", "member",
]);

/** The fields a PublicMember maps explicitly; every other public key lands in `extra`. */
const CORE_KEYS = new Set(["name", "url", "logo", "founder", "status", "joined", "left", "description", "tier", "level"]);

export function splitPrivateFields(
  data: Record<string, unknown>,
  privateFields: readonly string[],
): { publicData: Record<string, unknown>; privateData: Record<string, unknown> } {
  const hidden = new Set(privateFields);
  const publicData: Record<string, unknown> = {};
  const privateData: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (hidden.has(key)) privateData[key] = value;
    else if (!ENGINE_KEYS.has(key)) publicData[key] = value;
  }
  return { publicData, privateData };
}

/** The first paragraph of a member file's body, on one line: many sites describe members there. */
function firstParagraph(body: string): string | null {
  const paragraph = body.trim().split(/\r?\n\s*\r?\n/)[0] ?? "";
  return text(paragraph.replace(/\s+/g, " "));
}

/** The public view of a validated member. `tier` is the tier its file names. */
export function toPublicMember(record: MemberRecord, tier: Tier, schema: MembersSchema, inputDir: string): PublicMember {
  const { data } = record;
  const joinedInFile = parseMemberDate(data.joined);
  const joined = joinedInFile.ok ? joinedInFile.date : null;
  const left = parseMemberDate(data.left);
  const logo = text(data.logo);
  const location = logo === null ? undefined : locateLogo(logo, schema, inputDir);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!CORE_KEYS.has(key) && key !== record.tierKey) extra[key] = value;
  }
  return {
    slug: record.slug,
    name: text(data.name) ?? record.slug,
    tier: tier.id,
    tierName: tier.name,
    url: text(data.url),
    logo: location === undefined ? null : location.kind === "remote" ? location.url : location.publicPath,
    founder: booleanValue(data.founder) === true,
    status: (text(data.status) ?? "active").toLowerCase() as MemberStatus,
    joined: joined ?? record.gitJoined ?? null,
    joinedFrom: joined ? "front-matter" : record.gitJoined ? "git" : null,
    left: left.ok ? left.date : null,
    description: text(data.description) ?? firstParagraph(record.body),
    extra,
  };
}
