import assert from "node:assert/strict";
import { test } from "node:test";
import { loadMembership } from "./load.js";
import { buildMembershipData, findMember, membersInTier } from "./roster.js";
import { sampleSite } from "./temp-site.js";

const model = await loadMembership({ inputDir: sampleSite(), gitDates: false });
const data = buildMembershipData(model);

test("the roster groups active members by tier in tier order, sorted by name within a tier", () => {
  assert.deepEqual(
    data.roster.map((group) => [group.tier.id, group.members.map((m) => m.name)]),
    [
      ["platinum", ["Acme Corporation"]],
      ["gold", ["beacon, Inc.", "Zenith"]],
      ["silver", ["=HYPERLINK(1)"]],
      ["associate", ["Tyrell University"]],
    ],
  );
  assert.equal(data.roster[0]!.tier.featured, true);
});

test("tiers with no active members are listed with a zero count but have no roster group", () => {
  const empty = buildMembershipData({ ...model, members: model.members.filter((m) => m.tier !== "silver") });
  assert.deepEqual(empty.tiers.map((t) => [t.id, t.count]), [["platinum", 1], ["gold", 2], ["silver", 0], ["associate", 1]]);
  assert.equal(empty.roster.some((group) => group.tier.id === "silver"), false);
});

test("counts cover active members by tier and all members by status", () => {
  assert.deepEqual(data.counts, {
    total: 8,
    active: 5,
    byTier: { platinum: 1, gold: 2, silver: 1, associate: 1 },
    byStatus: { active: 5, pending: 1, suspended: 1, lapsed: 1 },
  });
});

test("members are found by name or slug, whatever their status", () => {
  assert.equal(findMember(data, "acme corporation")?.slug, "acme");
  assert.equal(findMember(data, "  Acme   Corporation ")?.slug, "acme");
  assert.equal(findMember(data, "stark")?.status, "lapsed");
  assert.equal(findMember(data, "Nobody"), undefined);
});

test("membersInTier gives a tier's active members by id or name", () => {
  assert.deepEqual(membersInTier(data, "gold").map((m) => m.slug), ["beacon", "zenith"]);
  assert.deepEqual(membersInTier(data, "Associate").map((m) => m.slug), ["tyrell"]);
  assert.deepEqual(membersInTier(data, "bronze"), []);
});
