import assert from "node:assert/strict";
import { test } from "node:test";
import { membershipChartSvg } from "./chart.js";
import { embedPageHtml } from "./embed.js";
import { membersCsv, membersJson } from "./exports.js";
import { loadMembership } from "./load.js";
import { splitPrivateFields } from "./public-fields.js";
import { buildMembershipData } from "./roster.js";
import { PRIVATE_MARKERS, sampleSite } from "./temp-site.js";
import { checkContacts } from "./validate.js";

test("private fields and Eleventy's own keys are split off as a file is read", () => {
  const { publicData, privateData } = splitPrivateFields(
    { name: "Acme", contacts: ["a@b.co"], billing: { plan: "x" }, phone: "1", layout: "m.njk", permalink: false, quote: "Hi" },
    ["contacts", "billing", "phone"],
  );
  assert.deepEqual(publicData, { name: "Acme", quote: "Hi" });
  assert.deepEqual(privateData, { contacts: ["a@b.co"], billing: { plan: "x" }, phone: "1" });
});

test("no output and no template data carries a private field, though private fields are validated", async () => {
  const model = await loadMembership({ inputDir: sampleSite(), gitDates: false });
  const acme = model.records.find((r) => r.slug === "acme")!;
  assert.deepEqual(Object.keys(acme.privateData).sort(), ["billing", "contacts", "phone"], "the private fields were read");
  assert.deepEqual(checkContacts(acme, { schema: model.schema, inputDir: model.inputDir }), [], "and validated");

  const data = buildMembershipData(model);
  const outputs = {
    "members.json": membersJson(model),
    "members.csv": membersCsv(model),
    "embed page": embedPageHtml(data),
    "chart": membershipChartSvg(model.members, model.schema.tiers),
    "template data": JSON.stringify(data),
  };
  for (const [name, text] of Object.entries(outputs)) {
    for (const marker of PRIVATE_MARKERS) assert.equal(text.includes(marker), false, `${name} contains ${marker}`);
  }
  assert.ok(outputs["template data"].includes("We build on Lintel."), "public extra fields still reach templates");
});
