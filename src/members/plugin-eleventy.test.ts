/**
 * The plugin under the real Eleventy 3: both fixture sites (Nunjucks and Liquid) build, their
 * roster pages, JSON and CSV hold the expected values field by field, and no private value
 * appears anywhere in the output.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { makeTempSite } from "./temp-site.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const eleventy = path.join(root, "node_modules/@11ty/eleventy/cmd.cjs");

async function buildWithEleventy(siteDir: string): Promise<string> {
  const output = makeTempSite({}, "plinth-members-out-");
  await run(process.execPath, [eleventy, "--input=.", `--output=${output}`], { cwd: siteDir });
  return output;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

interface RosterEntry {
  slug: string;
  href: string;
  logo: string;
  alt: string;
  name: string;
  founder: boolean;
  joined: string;
}

/** The roster page's tiers and members, read back from the fixture's markup. */
function readRoster(html: string): [string, RosterEntry[]][] {
  return html.split('<section class="tier ').slice(1).map((section) => {
    const tier = /^tier-([a-z]+)/.exec(section)![1]!;
    const members = [...section.matchAll(/<li class="member" data-slug="([^"]*)"><a href="([^"]*)"><img src="([^"]*)" alt="([^"]*)"><\/a> <span class="name">([^<]*)<\/span>( <strong class="founder">Founding member<\/strong>)? <time datetime="([^"]*)">/g)]
      .map((m) => ({ slug: m[1]!, href: m[2]!, logo: m[3]!, alt: m[4]!, name: m[5]!, founder: m[6] !== undefined, joined: m[7]! }));
    return [tier, members];
  });
}

function textOf(html: string, className: string): string {
  return new RegExp(`<(?:p|ul) class="${className}">([\\s\\S]*?)</(?:p|ul)>`).exec(html)![1]!;
}

function csvRows(csv: string): string[] {
  return csv.split("\r\n").filter(Boolean);
}

function assertNoPrivateValues(output: string, markers: string[]): void {
  for (const file of filesUnder(output)) {
    const text = readFileSync(file, "latin1");
    for (const marker of markers) assert.equal(text.includes(marker), false, `${path.relative(output, file)} contains "${marker}"`);
  }
}

test("Eleventy builds the Nunjucks fixture's roster, JSON, CSV, embed page and chart", async () => {
  const output = await buildWithEleventy(path.join(root, "test/fixtures/members-nunjucks"));
  const html = readFileSync(path.join(output, "members/index.html"), "utf8");
  const member = (slug: string, name: string, logo: string, joined: string, founder = false, alt = name): RosterEntry =>
    ({ slug, href: `https://${slug}.example.com/`, logo: `/img/members/${logo}`, alt, name, founder, joined });
  assert.deepEqual(readRoster(html), [
    ["platinum", [member("acme", "Acme Corporation", "acme.svg", "2021-02-08", true)]],
    ["gold", [member("globex", "Globex", "globex.png", "2022-06-01"), member("initech", "Initech, Inc.", "initech.svg", "2023-01-15")]],
    ["silver", [member("umbrella", "Umbrella &amp; Co", "umbrella.svg", "2023-09-30")]],
    ["associate", [{ ...member("tyrell", "Tyrell University", "tyrell.svg", "2024-03-22"), href: "https://tyrell.example.edu/" }]],
  ]);
  assert.match(html, /<section class="tier tier-platinum featured">/);
  assert.equal(textOf(html, "counts"), "5 active of 7; gold 2; pending 1");
  assert.equal(textOf(html, "lookup"), "Acme Corporation is Platinum since 2021-02-08");
  assert.equal(textOf(html, "gold"), "Globex;Initech, Inc.;");
  assert.equal(textOf(html, "tier-lookup"), "For non-profits and educational institutions.");
  assert.equal(textOf(html, "tiers"), "<li>Platinum=1</li><li>Gold=2</li><li>Silver=1</li><li>Associate=1</li>");
  assert.equal(textOf(html, "affiliations"), '<li><a href="https://openinfra.dev/">OpenInfra Foundation</a> (Associate Member since 2023-03-22)</li>');
  assert.equal(
    textOf(html, "collection"),
    "<li>Acme Corporation</li><li>Globex</li><li>Hooli</li><li>Initech, Inc.</li><li>Stark Industries</li><li>Tyrell University</li><li>Umbrella &amp; Co</li>",
    "sites that loop over collections.members themselves keep working",
  );

  const json = JSON.parse(readFileSync(path.join(output, "members.json"), "utf8")) as { version: number; foundation: unknown; tiers: { id: string; count: number }[]; members: Record<string, unknown>[] };
  assert.equal(json.version, 1);
  assert.deepEqual(json.foundation, { name: "Lintel Foundation", url: "https://lintel.example.org" });
  assert.deepEqual(json.tiers.map((t) => [t.id, t.count]), [["platinum", 1], ["gold", 2], ["silver", 1], ["associate", 1]]);
  assert.deepEqual(json.members.map((m) => m.slug), ["acme", "globex", "initech", "stark", "umbrella", "tyrell"]);
  assert.deepEqual(json.members[0], {
    slug: "acme", name: "Acme Corporation", tier: "platinum", tierName: "Platinum", url: "https://acme.example.com/", logo: "/img/members/acme.svg",
    founder: true, status: "active", joined: "2021-02-08", left: null, description: 'Makers of everything, "quoted", and more.',
  });
  assert.deepEqual(json.members[3], {
    slug: "stark", name: "Stark Industries", tier: "gold", tierName: "Gold", url: "https://stark.example.com/", logo: "/img/members/stark.svg",
    founder: false, status: "lapsed", joined: "2021-05-01", left: "2023-04-30", description: null,
  });

  assert.deepEqual(csvRows(readFileSync(path.join(output, "members.csv"), "utf8")), [
    "slug,name,tier,tier_name,url,logo,founder,status,joined,left,description",
    'acme,Acme Corporation,platinum,Platinum,https://acme.example.com/,/img/members/acme.svg,true,active,2021-02-08,,"Makers of everything, ""quoted"", and more."',
    "globex,Globex,gold,Gold,https://globex.example.com/,/img/members/globex.png,false,active,2022-06-01,,",
    'initech,"Initech, Inc.",gold,Gold,https://initech.example.com/,/img/members/initech.svg,false,active,2023-01-15,,',
    "stark,Stark Industries,gold,Gold,https://stark.example.com/,/img/members/stark.svg,false,lapsed,2021-05-01,2023-04-30,",
    "umbrella,Umbrella & Co,silver,Silver,https://umbrella.example.com/,/img/members/umbrella.svg,false,active,2023-09-30,,",
    "tyrell,Tyrell University,associate,Associate,https://tyrell.example.edu/,/img/members/tyrell.svg,false,active,2024-03-22,,",
  ]);

  const embed = readFileSync(path.join(output, "members/embed/index.html"), "utf8");
  assert.match(embed, /<title>Lintel Foundation members<\/title>/);
  assert.doesNotMatch(embed, /site-header|<script/, "the embed page has no site chrome and no scripts");
  assert.deepEqual([...embed.matchAll(/<span class="name">([^<]*)</g)].map((m) => m[1]), ["Acme Corporation", "Globex", "Initech, Inc.", "Umbrella &amp; Co", "Tyrell University"]);

  const chart = readFileSync(path.join(output, "members/chart.svg"), "utf8");
  assert.match(chart, /<title id="members-chart-title">Members by tier, 2021–2024<\/title>/);
  assert.match(chart, /2023: 4 \(Platinum 1, Gold 2, Silver 1, Associate 0\)/);

  assertNoPrivateValues(output, ["jane.private@acme.example.com", "invoice-PRIVATE-7731", "Jane Roe", "contacts", "billing"]);
});

test("Eleventy builds the Liquid fixture, whose tier field, folders and private fields are configured in _data/tiers.yaml", async () => {
  const output = await buildWithEleventy(path.join(root, "test/fixtures/members-liquid"));
  const html = readFileSync(path.join(output, "members/index.html"), "utf8");
  const member = (slug: string, name: string, joined: string, founder = false, alt = name): RosterEntry =>
    ({ slug, href: `https://${slug}.example.com/`, logo: `/logos/${slug}.svg`, alt, name, founder, joined });
  assert.deepEqual(readRoster(html), [
    ["strategic", [member("alpha", "Alpha Labs", "2021-07-01"), member("zeta", "Zeta Systems", "2020-01-10", true)]],
    ["general", [member("beta", "Beta &lt;Works&gt;", "2022-11-11")]],
  ]);
  assert.equal(textOf(html, "counts"), "3 active of 4; strategic 2; suspended 1");
  assert.equal(textOf(html, "lookup"), "Zeta Systems is Strategic since 2020-01-10");
  assert.equal(textOf(html, "strategic"), "Alpha Labs;Zeta Systems;");
  assert.equal(textOf(html, "tier-lookup"), "For non-profits and educational institutions.");
  assert.equal(textOf(html, "tiers"), "<li>Strategic=2</li><li>General=1</li><li>Associate=0</li>");
  assert.equal(textOf(html, "affiliations"), '<li><a href="https://openinfra.dev/">OpenInfra Foundation</a> (Associate Member since 2023-03-22)</li>');
  assert.equal(textOf(html, "collection"), "<li>Alpha Labs</li><li>Beta &lt;Works&gt;</li><li>Gamma College</li><li>Zeta Systems</li>");

  const json = JSON.parse(readFileSync(path.join(output, "members.json"), "utf8")) as { members: { slug: string; logo: string; founder: boolean }[] };
  assert.deepEqual(json.members.map((m) => [m.slug, m.logo, m.founder]), [["alpha", "/logos/alpha.svg", false], ["zeta", "/logos/zeta.svg", true], ["beta", "/logos/beta.svg", false]]);
  assert.deepEqual(csvRows(readFileSync(path.join(output, "members.csv"), "utf8")).map((row) => row.split(",").slice(0, 2).join(",")), [
    "slug,name", "alpha,Alpha Labs", "zeta,Zeta Systems", "beta,Beta <Works>",
  ]);

  assertNoPrivateValues(output, ["ops.private@zeta.example.com", "555-PRIVATE", "ACCT-PRIVATE-42", "phone", "contacts", "billing"]);
});

test("under Eleventy, a broken roster fails the build and names each file and line", async () => {
  const site = makeTempSite({}, "plinth-members-broken-");
  cpSync(path.join(root, "test/fixtures/members-nunjucks"), site, { recursive: true });
  const config = path.join(site, "eleventy.config.js");
  const pluginUrl = pathToFileURL(path.join(root, "dist/src/members/plugin.js")).href;
  writeFileSync(config, readFileSync(config, "utf8").replace("../../../dist/src/members/plugin.js", pluginUrl));
  const globex = path.join(site, "members/globex.md");
  writeFileSync(globex, readFileSync(globex, "utf8").replace("level: gold", "level: gld"));
  writeFileSync(path.join(site, "img/members/initech.svg"), "<html>not an image</html>");

  await assert.rejects(buildWithEleventy(site), (error: { code?: number; stderr?: string }) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr!, /2 problems in the member roster:/);
    assert.match(error.stderr!, /members\/globex\.md:3:8 Unknown tier "gld"\./);
    assert.match(error.stderr!, /fix: Did you mean "gold"\?/);
    assert.match(error.stderr!, /members\/initech\.md:4:7 The logo file img\/members\/initech\.svg is not a PNG, JPEG, GIF, WebP, AVIF or SVG image\./);
    return true;
  });
});
