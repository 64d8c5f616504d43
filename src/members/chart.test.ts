import assert from "node:assert/strict";
import { test } from "node:test";
import { membershipByYear, membershipChartSvg } from "./chart.js";
import { DEFAULT_TIERS } from "./tiers.js";
import type { PublicMember } from "./types.js";

function member(slug: string, tier: string, joined: string | null, fields: Partial<PublicMember> = {}): PublicMember {
  return {
    slug, name: slug, tier, tierName: tier, url: null, logo: null, founder: false, status: "active",
    joined, joinedFrom: joined ? "front-matter" : null, left: null, description: null, extra: {}, ...fields,
  };
}

const members = [
  member("a", "gold", "2020-05-01"),
  member("b", "gold", "2021-12-31"),
  member("c", "silver", "2021-01-01", { status: "lapsed", left: "2022-06-30" }),
  member("d", "platinum", "2022-02-02"),
  member("p", "gold", "2020-01-01", { status: "pending" }),
  member("u", "silver", null),
  member("l", "silver", "2020-01-01", { status: "lapsed" }),
];

test("members are counted per tier at the end of each year, from joining until leaving", () => {
  const { years, undated } = membershipByYear(members, DEFAULT_TIERS);
  assert.deepEqual(years.map((y) => [y.year, y.byTier.platinum, y.byTier.gold, y.byTier.silver, y.total]), [
    [2020, 0, 1, 0, 1],
    [2021, 0, 2, 1, 3],
    [2022, 1, 2, 0, 3],
  ]);
  assert.equal(undated, 2, "the member without a date and the lapsed member without `left`");
});

test("the chart is a static, labelled SVG with a tooltip per bar and the numbers in its description", () => {
  const svg = membershipChartSvg(members, DEFAULT_TIERS);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 320"[^>]* role="img" aria-labelledby="members-chart-title members-chart-desc"/);
  assert.match(svg, /<title id="members-chart-title">Members by tier, 2020–2022<\/title>/);
  assert.match(svg, /<desc id="members-chart-desc">[^<]*2021: 3 \(Platinum 0, Gold 2, Silver 1\)[^<]*2 members without dates are not shown\.<\/desc>/);
  assert.equal((svg.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="[^"]+"><title>/g) ?? []).length, 5);
  assert.match(svg, /<title>Gold, 2021: 2 members<\/title>/);
  assert.doesNotMatch(svg, /<script|onclick|onload/i);
  assert.doesNotMatch(svg, /Associate/, "tiers without members are left out of the legend");
});

test("gridlines are whole numbers of members", () => {
  const svg = membershipChartSvg(members, DEFAULT_TIERS);
  const labels = [...svg.matchAll(/text-anchor="end" fill="#555">([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(labels, ["0", "1", "2", "3"]);
});

test("a roster with no dates gives a chart that says so", () => {
  const svg = membershipChartSvg([member("u", "gold", null)], DEFAULT_TIERS);
  assert.match(svg, /No membership history yet/);
  assert.match(svg, /No member has a join date yet\./);
});
