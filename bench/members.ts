// The generated `_data/members.json` roster: member organisations spread over the tiers.

import type { Prng } from "./prng.js";
import { TIER_IDS } from "./site-templates.js";
import { COMPANY_STEMS, COMPANY_SUFFIXES } from "./vocabulary.js";

export interface Member {
  name: string;
  tier: string;
  url: string;
  /** Year-month the organisation joined, e.g. "2019-04". */
  since: string;
}

/** Few platinum members, many associates, as in real foundations. */
const TIER_WEIGHTS = [0.05, 0.15, 0.3, 0.5];

function pickTier(random: Prng, index: number): string {
  // The first members take one tier each, so no tier of the roster is ever empty.
  if (index < TIER_IDS.length) return TIER_IDS[index] as string;
  let roll = random.next();
  for (let i = 0; i < TIER_IDS.length; i++) {
    roll -= TIER_WEIGHTS[i] ?? 0;
    if (roll < 0) return TIER_IDS[i] as string;
  }
  return TIER_IDS[TIER_IDS.length - 1] as string;
}

/** `count` members with distinct names; names are numbered once the word lists run out. */
export function generateMembers(random: Prng, count: number): Member[] {
  const members: Member[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_SUFFIXES)}`;
    if (used.has(name)) name = `${name} ${i + 1}`;
    used.add(name);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    members.push({
      name,
      tier: pickTier(random, i),
      url: `https://${slug}.example`,
      since: `${random.int(2012, 2024)}-${String(random.int(1, 12)).padStart(2, "0")}`,
    });
  }
  return members;
}
