import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { loadMembership } from "./load.js";
import { memberMd, sampleSite } from "./temp-site.js";

test("a site's members load in roster order with public fields only", async () => {
  const model = await loadMembership({ inputDir: sampleSite(), gitDates: false });
  assert.deepEqual(model.diagnostics, []);
  assert.deepEqual(
    model.members.map((m) => [m.slug, m.tier, m.status]),
    [
      ["acme", "platinum", "active"],
      ["beacon", "gold", "active"],
      ["stark", "gold", "lapsed"],
      ["zenith", "gold", "active"],
      ["hyperlink", "silver", "active"],
      ["hooli", "silver", "pending"],
      ["oscorp", "silver", "suspended"],
      ["tyrell", "associate", "active"],
    ],
  );
  const acme = model.members[0]!;
  assert.deepEqual(acme, {
    slug: "acme",
    name: "Acme Corporation",
    tier: "platinum",
    tierName: "Platinum",
    url: "https://acme.example.com/",
    logo: "/img/members/acme.svg",
    founder: true,
    status: "active",
    joined: "2021-02-08",
    joinedFrom: "front-matter",
    left: null,
    description: 'Makers of "everything", and more.',
    extra: { quote: "We build on Lintel." },
  });
  assert.equal(model.members.find((m) => m.slug === "zenith")!.logo, "/img/members/zenith.png");
  assert.deepEqual(model.site, { name: "Lintel Foundation", url: "https://lintel.example.org" });
  assert.deepEqual(model.affiliations, [{ organisation: "OpenInfra Foundation", url: "https://openinfra.dev/", tier: "Associate", since: "2023-03-22", description: null }]);
});

test("nothing is dropped silently: every broken file has a diagnostic naming it", async () => {
  const site = sampleSite({
    "members/broken.md": "---\nname: Broken\nlevel: [gold\n---\n",
    "members/typo.md": memberMd("name: Typo Ltd", "level: gould", "logo: /img/members/acme.svg"),
    "_data/affiliations.json": '[{"organisation": "OpenInfra Foundation", "since": "someday"}]',
  });
  const model = await loadMembership({ inputDir: site, gitDates: false });
  const found = model.diagnostics.map((d) => [path.relative(site, d.location.file), d.code, d.location.line]);
  assert.deepEqual(found, [
    ["members/broken.md", "FrontMatterInvalid", 4],
    ["members/typo.md", "MemberUnknownTier", 3],
    ["_data/affiliations.json", "AffiliationInvalid", 1],
  ]);
  assert.equal(model.members.some((m) => m.slug === "typo"), false, "a member with an unknown tier has no place in the roster");
  assert.equal(model.records.some((r) => r.slug === "typo"), true, "but it is still counted as a member file");
});

test("a member without `description` is described by the first paragraph of its file's body", async () => {
  const site = sampleSite({
    "members/bodied.md": `${memberMd("name: Bodied", "level: gold", "logo: /img/members/acme.svg", "joined: 2020-01-01")}\nBodied runs the\nlargest build cache.\n\nA second paragraph stays out.\n`,
  });
  const model = await loadMembership({ inputDir: site, gitDates: false });
  assert.equal(model.members.find((m) => m.slug === "bodied")!.description, "Bodied runs the largest build cache.");
  assert.equal(model.members.find((m) => m.slug === "zenith")!.description, null);
});
