import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, membersCsv, membersJson } from "./exports.js";
import { loadMembership } from "./load.js";
import { sampleSite } from "./temp-site.js";

const model = await loadMembership({ inputDir: sampleSite(), gitDates: false });

/** A minimal RFC 4180 reader, enough to check that what we wrote reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

test("members.json has the documented schema, field by field", () => {
  const json = JSON.parse(membersJson(model)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(json), ["version", "foundation", "tiers", "members", "affiliations"]);
  assert.equal(json.version, 1);
  assert.deepEqual(json.foundation, { name: "Lintel Foundation", url: "https://lintel.example.org" });
  assert.deepEqual((json.tiers as unknown[])[3], { id: "associate", name: "Associate", order: 4, description: "For non-profits and educational institutions.", featured: false, count: 1 });
  const members = json.members as Record<string, unknown>[];
  // Published statuses by default: active and lapsed; pending and suspended stay private.
  assert.deepEqual(members.map((m) => m.slug), ["acme", "beacon", "stark", "zenith", "hyperlink", "tyrell"]);
  assert.deepEqual(members[0], {
    slug: "acme",
    name: "Acme Corporation",
    tier: "platinum",
    tierName: "Platinum",
    url: "https://acme.example.com/",
    logo: "/img/members/acme.svg",
    founder: true,
    status: "active",
    joined: "2021-02-08",
    left: null,
    description: 'Makers of "everything", and more.',
  });
  assert.deepEqual(members[2], {
    slug: "stark", name: "Stark Industries", tier: "gold", tierName: "Gold", url: "https://stark.example.com/", logo: "/img/members/acme.svg",
    founder: false, status: "lapsed", joined: "2021-05-01", left: "2023-04-30", description: null,
  });
  assert.deepEqual(json.affiliations, [{ organisation: "OpenInfra Foundation", url: "https://openinfra.dev/", tier: "Associate", since: "2023-03-22", description: null }]);
});

test("members.csv has a header and one quoted-as-needed row per published member", () => {
  const csv = membersCsv(model);
  assert.ok(csv.endsWith("\r\n"));
  const [header, ...rows] = parseCsv(csv);
  assert.deepEqual(header, ["slug", "name", "tier", "tier_name", "url", "logo", "founder", "status", "joined", "left", "description"]);
  assert.deepEqual(rows[0], ["acme", "Acme Corporation", "platinum", "Platinum", "https://acme.example.com/", "/img/members/acme.svg", "true", "active", "2021-02-08", "", 'Makers of "everything", and more.']);
  assert.deepEqual(rows[1]!.slice(0, 2), ["beacon", "beacon, Inc."]);
  assert.deepEqual(rows[2]!.slice(7, 10), ["lapsed", "2021-05-01", "2023-04-30"]);
  assert.equal(rows[4]![1], "'=HYPERLINK(1)", "a formula-like cell is defused");
  assert.equal(rows.length, 6);
});

test("CSV cells follow RFC 4180 quoting", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell(" padded"), '" padded"');
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(false), "false");
  assert.equal(csvCell("+1 555"), "'+1 555");
});

test("the published statuses are configurable", () => {
  const onlyActive = { ...model, schema: { ...model.schema, publishStatuses: ["active" as const] } };
  const slugs = (JSON.parse(membersJson(onlyActive)) as { members: { slug: string }[] }).members.map((m) => m.slug);
  assert.deepEqual(slugs, ["acme", "beacon", "zenith", "hyperlink", "tyrell"]);
});
