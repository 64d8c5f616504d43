/**
 * The members model's vocabulary: tiers, the site's membership schema, member records
 * as read from their files, and the public view of a member that outputs are built from.
 */
import type { ErrorName } from "../errors/catalog.js";

export const MEMBER_STATUSES = ["active", "pending", "suspended", "lapsed"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export interface Tier {
  id: string;
  name: string;
  /** Lower comes first on the roster. */
  order: number;
  description: string;
  featured: boolean;
}

/** How one site stores its members: read once from `_data/tiers.*` and plugin options. */
export interface MembersSchema {
  tiers: Tier[];
  /** Front matter key holding the tier id (`level` on most sites, `tier` on others). */
  memberField: string;
  /** True when `memberField` was set explicitly, so `tier`/`level` aliases are not accepted. */
  memberFieldConfigured: boolean;
  /** Folder of member files, relative to the site's input folder. */
  folder: string;
  /** Folder holding logo files, relative to the input folder; bare logo file names resolve here. */
  logoFolder: string;
  /** Front matter keys that are validated but never written into any output. */
  privateFields: string[];
  /** Statuses whose members appear in `members.json` and `members.csv`. */
  publishStatuses: MemberStatus[];
  /** Absolute path of the tiers file, when the site has one. */
  file?: string;
}

/** Where a value was written, so a diagnostic can point at it. */
export interface Position {
  file: string;
  line?: number;
  column?: number;
}

export type Severity = "error" | "warning";

/** One problem found in the roster; `code` is a permanent name from the error catalog. */
export interface Diagnostic {
  code: ErrorName;
  severity: Severity;
  message: string;
  /** Replaces the catalog's hint with one that says exactly what to change. */
  hint?: string;
  location: Position;
}

/** A member as read from its file, before anything is made public. */
export interface MemberRecord {
  /** The file's base name without extension: the member's stable id in URLs and the CLI. */
  slug: string;
  /** Absolute path of the member file. */
  file: string;
  /** The file's full text, for code frames. */
  source: string;
  /** Public front matter: everything except private fields and Eleventy's own keys. */
  data: Record<string, unknown>;
  /** Private front matter (contacts, billing, ...): only validation ever reads it. */
  privateData: Record<string, unknown>;
  /** The text after the front matter; its first paragraph describes a member that has no `description`. */
  body: string;
  /** 1-based line of each top-level front matter key. */
  keyLines: Map<string, number>;
  /** The tier id as written, from `memberField` or its alias. */
  tierValue: unknown;
  /** Which key held the tier, for locating errors. */
  tierKey: string;
  /** Join date found in git history when the file gives none. */
  gitJoined?: string;
}

/** The public face of a member: every output and template sees only this. */
export interface PublicMember {
  slug: string;
  name: string;
  tier: string;
  tierName: string;
  url: string | null;
  /** Site-root path of the logo (`/img/members/acme.svg`) or a remote URL. */
  logo: string | null;
  founder: boolean;
  status: MemberStatus;
  /** `YYYY-MM-DD`. */
  joined: string | null;
  joinedFrom: "front-matter" | "git" | null;
  left: string | null;
  description: string | null;
  /** Other public front matter keys a site added (`quote`, `twitter`, ...). */
  extra: Record<string, unknown>;
}

/** The foundation's own membership in another organisation. */
export interface Affiliation {
  organisation: string;
  url: string | null;
  tier: string | null;
  since: string | null;
  description: string | null;
}
