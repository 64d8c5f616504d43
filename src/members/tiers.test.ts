import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { detectMembersSite } from "./plugin.js";
import { loadMembersSchema } from "./schema.js";
import { makeTempSite } from "./temp-site.js";
import { DEFAULT_TIERS, findTier } from "./tiers.js";

test("without a tiers file the default tiers apply and the site is not detected as a members site", () => {
  const site = makeTempSite({ "index.md": "# Home\n" });
  const { schema, diagnostics } = loadMembersSchema(path.join(site, "_data"));
  assert.deepEqual(schema.tiers.map((t) => t.id), ["platinum", "gold", "silver", "associate"]);
  assert.equal(schema.tiers[3]!.description, "For non-profits and educational institutions.");
  assert.equal(schema.memberField, "level");
  assert.equal(schema.folder, "members");
  assert.deepEqual(schema.privateFields, ["contacts", "billing"]);
  assert.deepEqual(diagnostics, []);
  assert.equal(detectMembersSite(site), false);
});

test("a bare list of tiers is sorted by order and detected", () => {
  const site = makeTempSite({
    "_data/tiers.json": JSON.stringify([
      { id: "silver", name: "Silver", order: 3 },
      { id: "gold", name: "Gold", order: 2, featured: true, description: "Funds things." },
      "community",
    ]),
  });
  const { schema, diagnostics } = loadMembersSchema(path.join(site, "_data"));
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(schema.tiers, [
    { id: "gold", name: "Gold", order: 2, description: "Funds things.", featured: true },
    { id: "silver", name: "Silver", order: 3, description: "", featured: false },
    { id: "community", name: "Community", order: 3, description: "", featured: false },
  ]);
  assert.equal(detectMembersSite(site), true);
});

test("the object form sets the tier field, folders and private fields once; plugin options win", () => {
  const site = makeTempSite({
    "_data/tiers.yaml": "memberField: tier\nfolder: ./companies/\nlogoFolder: logos\nprivate: [phone]\npublish: [active]\ntiers:\n  - id: strategic\n",
  });
  const { schema, diagnostics } = loadMembersSchema(path.join(site, "_data"));
  assert.deepEqual(diagnostics, []);
  assert.equal(schema.memberField, "tier");
  assert.equal(schema.memberFieldConfigured, true);
  assert.equal(schema.folder, "companies");
  assert.equal(schema.logoFolder, "logos");
  assert.deepEqual(schema.privateFields, ["contacts", "billing", "phone"]);
  assert.deepEqual(schema.publishStatuses, ["active"]);
  assert.deepEqual(schema.tiers.map((t) => t.id), ["strategic"]);

  const overridden = loadMembersSchema(path.join(site, "_data"), { memberField: "level", folder: "orgs", private: ["tax"] }).schema;
  assert.equal(overridden.memberField, "level");
  assert.equal(overridden.folder, "orgs");
  assert.deepEqual(overridden.privateFields, ["contacts", "billing", "phone", "tax"]);
});

test("bad tier entries are reported at their line and the rest still load", () => {
  const source = '[\n  {"id": "gold", "order": "first"},\n  {"name": "No id"},\n  {"id": "gold"},\n  {"id": "silver", "featured": "yes"}\n]\n';
  const site = makeTempSite({ "_data/tiers.json": source });
  const { schema, diagnostics } = loadMembersSchema(path.join(site, "_data"));
  assert.deepEqual(schema.tiers.map((t) => t.id), ["gold", "silver"]);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.location.line, d.message]),
    [
      ["TiersInvalid", 2, 'The tier "gold" has an order that is not a number: "first".'],
      ["TiersInvalid", 3, "Tier number 2 has no `id`."],
      ["TiersInvalid", 4, 'The tier "gold" is declared twice.'],
      ["TiersInvalid", 5, 'The tier "silver" has `featured` that is not true or false.'],
    ],
  );
});

test("a tiers file with a syntax error is reported at its line and the defaults apply", () => {
  const site = makeTempSite({ "_data/tiers.json": '[\n  {"id": "gold",}\n]\n' });
  const { schema, diagnostics } = loadMembersSchema(path.join(site, "_data"));
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.code, "DataFileInvalid");
  assert.equal(diagnostics[0]!.location.line, 2);
  assert.equal(schema.tiers.length, DEFAULT_TIERS.length);
});

test("a tier is found by id or display name, ignoring case", () => {
  assert.equal(findTier(DEFAULT_TIERS, "GOLD")?.id, "gold");
  assert.equal(findTier(DEFAULT_TIERS, " Associate ")?.id, "associate");
  assert.equal(findTier(DEFAULT_TIERS, "bronze"), undefined);
});
