/**
 * The roster as templates see it (`membership` in Nunjucks and Liquid): active members grouped
 * by tier in tier order and sorted by name, lookups, the tiers with counts, and affiliations.
 */
import type { MembershipModel, SiteInfo } from "./load.js";
import { MEMBER_STATUSES, type Affiliation, type MemberStatus, type PublicMember, type Tier } from "./types.js";
import { nameKey } from "./values.js";

export interface TierSummary extends Tier {
  /** Active members in this tier. */
  count: number;
}

export interface RosterGroup {
  tier: TierSummary;
  members: PublicMember[];
}

export interface MembershipData {
  /** Every declared tier in order, with its count of active members. */
  tiers: TierSummary[];
  /** Tiers that have active members, in tier order, each with its members sorted by name. */
  roster: RosterGroup[];
  /** Active members in roster order. */
  active: PublicMember[];
  /** All members of any status, in roster order. */
  members: PublicMember[];
  bySlug: Record<string, PublicMember>;
  counts: { total: number; active: number; byTier: Record<string, number>; byStatus: Record<MemberStatus, number> };
  affiliations: Affiliation[];
  site: SiteInfo;
  /** Where the generated outputs live, for links from the site's own pages. */
  urls: { json: string; csv: string; embed: string; chart: string };
}

export const OUTPUT_URLS = { json: "/members.json", csv: "/members.csv", embed: "/members/embed/", chart: "/members/chart.svg" } as const;

export function buildMembershipData(model: Pick<MembershipModel, "schema" | "members" | "affiliations" | "site">): MembershipData {
  const active = model.members.filter((member) => member.status === "active");
  const byTier: Record<string, number> = {};
  for (const tier of model.schema.tiers) byTier[tier.id] = 0;
  for (const member of active) byTier[member.tier] = (byTier[member.tier] ?? 0) + 1;
  const byStatus = Object.fromEntries(MEMBER_STATUSES.map((status) => [status, 0])) as Record<MemberStatus, number>;
  for (const member of model.members) if (member.status in byStatus) byStatus[member.status]++;

  const tiers = model.schema.tiers.map((tier) => ({ ...tier, count: byTier[tier.id] ?? 0 }));
  const roster = tiers
    .map((tier) => ({ tier, members: active.filter((member) => member.tier === tier.id) }))
    .filter((group) => group.members.length > 0);

  return {
    tiers,
    roster,
    active,
    members: model.members,
    bySlug: Object.fromEntries(model.members.map((member) => [member.slug, member])),
    counts: { total: model.members.length, active: active.length, byTier, byStatus },
    affiliations: model.affiliations,
    site: model.site,
    urls: { ...OUTPUT_URLS },
  };
}

/** A member by name (ignoring case and extra spaces) or by slug. */
export function findMember(data: MembershipData, nameOrSlug: string): PublicMember | undefined {
  const wanted = nameKey(nameOrSlug);
  return data.bySlug[nameOrSlug.trim()] ?? data.members.find((member) => nameKey(member.name) === wanted);
}

/** The active members of a tier, by id or display name, sorted by name. */
export function membersInTier(data: MembershipData, tier: string): PublicMember[] {
  const wanted = tier.trim().toLowerCase();
  const group = data.roster.find((g) => g.tier.id.toLowerCase() === wanted || g.tier.name.toLowerCase() === wanted);
  return group ? group.members : [];
}
