import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runMembersCommand } from "./cli.js";
import { makeTempSite, memberMd, pngLogo, sampleSite, SVG_LOGO } from "./temp-site.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function members(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runMembersCommand(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Every file under `dir`, relative, so a test can see that nothing else was written. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

test("check passes a valid site and prints a summary", async () => {
  const result = await members(sampleSite(), "check");
  assert.equal(result.code, 0);
  assert.equal(result.stdout, "[members] 8 members in 4 tiers: 0 errors, 0 warnings\n");
  assert.equal(result.stderr, "");
});

test("check fails on errors, naming the file, line, problem and fix with a code frame", async () => {
  const site = sampleSite({ "members/typo.md": memberMd("name: Typo Ltd", "level: gould", "logo: /img/members/acme.svg") });
  const result = await members(path.dirname(site), "check", "--input", path.basename(site));
  assert.equal(result.code, 1);
  const where = `${path.basename(site)}/members/typo.md:3:8`;
  assert.ok(result.stderr.startsWith(`error: [MemberUnknownTier] Unknown membership tier in ${where}\n  Unknown tier "gould".\n`), result.stderr);
  assert.match(result.stderr, /> 3 \| level: gould\n +\| {8}\^\n/, "the caret sits under the tier value");
  assert.match(result.stderr, /hint: Did you mean "gold"\? Use one of: platinum, gold, silver, associate; or declare the tier in _data\/tiers\.json\./);
  assert.equal(result.stdout, "[members] 9 members in 4 tiers: 1 error, 0 warnings\n");
});

test("check --strict turns warnings into errors", async () => {
  const site = sampleSite({ "members/plain.md": memberMd("name: Plain", "level: silver") });
  const relaxed = await members(site, "check");
  assert.equal(relaxed.code, 0);
  assert.match(relaxed.stderr, /^warning: \[MemberLogoMissing\]/);
  const strict = await members(site, "check", "--strict");
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /^error: \[MemberLogoMissing\]/);
  assert.match(strict.stdout, /1 error, 0 warnings/);
});

test("list prints every member in roster order, by tier on request, or as JSON", async () => {
  const site = sampleSite();
  const table = await members(site, "list");
  assert.equal(table.code, 0);
  const lines = table.stdout.trimEnd().split("\n");
  assert.match(lines[0]!, /^NAME\s+TIER\s+STATUS\s+JOINED\s+SLUG$/);
  assert.deepEqual(lines.slice(1).map((line) => line.split(/\s{2,}/).at(-1)), ["acme", "beacon", "stark", "zenith", "hyperlink", "hooli", "oscorp", "tyrell"]);
  assert.match(lines[6]!, /^Hooli\s+Silver\s+pending\s+-\s+hooli$/);

  const gold = await members(site, "list", "--tier", "Gold", "--json");
  const parsed = JSON.parse(gold.stdout) as { slug: string; status: string; joinedFrom: string }[];
  assert.deepEqual(parsed.map((m) => [m.slug, m.status]), [["beacon", "active"], ["stark", "lapsed"], ["zenith", "active"]]);
  assert.equal(parsed[0]!.joinedFrom, "front-matter");
  assert.equal("extra" in parsed[0]!, false);

  const unknown = await members(site, "list", "--tier", "bronze");
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /Unknown tier "bronze"[\s\S]*Use one of: platinum, gold, silver, associate/);
});

test("add copies the logo under a safe name, writes the member file and validates", async () => {
  const site = sampleSite();
  const outside = makeTempSite({ "Wayne Logo (final).PNG": pngLogo() });
  const result = await members(outside, "add", "Wayne Enterprises, Inc.", "--tier", "silver", "--url", "https://wayne.example.com/", "--logo", "Wayne Logo (final).PNG", "--founder", "--joined", "2024-05-01", "--input", site, "--description", "Gotham: since 1939");
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
  assert.match(result.stdout, /wrote .*members\/wayne-enterprises-inc\.md and .*img\/members\/wayne-enterprises-inc\.png\n\[members\] 9 members in 4 tiers: 0 errors, 0 warnings\n$/);
  assert.equal(
    readFileSync(path.join(site, "members/wayne-enterprises-inc.md"), "utf8"),
    "---\nname: Wayne Enterprises, Inc.\nlevel: silver\nlogo: /img/members/wayne-enterprises-inc.png\nurl: https://wayne.example.com/\nfounder: true\nstatus: active\njoined: 2024-05-01\ndescription: 'Gotham: since 1939'\n---\n",
  );
  assert.deepEqual(readFileSync(path.join(site, "img/members/wayne-enterprises-inc.png")), pngLogo());
  const listed = JSON.parse((await members(site, "list", "--tier", "silver", "--json")).stdout) as { slug: string; founder: boolean; joined: string }[];
  const wayne = listed.find((m) => m.slug === "wayne-enterprises-inc")!;
  assert.equal(wayne.founder, true);
  assert.equal(wayne.joined, "2024-05-01");
});

test("add refuses to overwrite an existing member, under its file name or its name", async () => {
  const site = sampleSite();
  const before = readFileSync(path.join(site, "members/acme.md"), "utf8");
  for (const name of ["Acme", "ACME CORPORATION"]) {
    const result = await members(site, "add", name, "--tier", "gold", "--input", site);
    assert.equal(result.code, 1, name);
    assert.match(result.stderr, /\[MemberExists\] The member already exists in members\/acme\.md:1/);
  }
  assert.equal(readFileSync(path.join(site, "members/acme.md"), "utf8"), before);
  assert.equal(existsSync(path.join(site, "members/acme-corporation.md")), false);

  // members/index.md is a page, not a member, but its file is still not to be replaced.
  writeFileSync(path.join(site, "index-logo.svg"), SVG_LOGO);
  const page = await members(site, "add", "Index", "--tier", "gold", "--logo", "index-logo.svg");
  assert.equal(page.code, 1);
  assert.match(page.stderr, /members\/index\.md already exists/);
  assert.equal(existsSync(path.join(site, "img/members/index.svg")), false, "no logo is copied for a member that is refused");
});

test("add refuses a logo that is not an image, an unknown tier or a bad URL, and writes nothing", async () => {
  const site = sampleSite({ "fake.png": "<html>404</html>" });
  const before = tree(site);
  const cases: [string[], RegExp][] = [
    [["--tier", "silver", "--logo", "fake.png"], /\[MemberLogoNotImage\][\s\S]*fake\.png is not a PNG/],
    [["--tier", "silvr"], /\[MemberUnknownTier\][\s\S]*Did you mean "silver"\?/],
    [["--tier", "silver", "--url", "wayne dot com"], /\[MemberInvalidUrl\]/],
    [["--tier", "silver", "--joined", "2024-13-01"], /\[MemberInvalidDate\]/],
    [["--tier", "silver", "--logo", "missing.svg"], /\[MemberLogoUnreadable\]/],
    [[], /\[CliUsage\][\s\S]*--tier/],
  ];
  for (const [options, message] of cases) {
    const result = await members(site, "add", "Wayne", ...options);
    assert.equal(result.code, 1, options.join(" "));
    assert.match(result.stderr, message);
  }
  assert.deepEqual(tree(site), before);
});

test("add never writes outside the site", async () => {
  const parent = makeTempSite({}, "plinth-members-escape-");
  const site = path.join(parent, "site");
  cpSync(sampleSite(), site, { recursive: true });
  writeFileSync(path.join(parent, "logo.svg"), SVG_LOGO);

  // A name full of path syntax becomes a plain slug inside the members folder.
  const sneaky = await members(parent, "add", "../../../etc/passwd", "--tier", "silver", "--logo", "logo.svg", "--input", "site");
  assert.equal(sneaky.code, 0, sneaky.stderr);
  assert.ok(existsSync(path.join(site, "members/etc-passwd.md")));
  assert.ok(existsSync(path.join(site, "img/members/etc-passwd.svg")));

  const attempts: [string, string][] = [
    ["_data/tiers.json", JSON.stringify({ folder: "../outside", tiers: ["silver"] })],
    ["_data/tiers.json", JSON.stringify({ logoFolder: "../../logos", tiers: ["silver"] })],
    ["_data/tiers.json", JSON.stringify({ logoFolder: path.join(parent, "abs"), tiers: ["silver"] })],
  ];
  for (const [file, content] of attempts) {
    writeFileSync(path.join(site, file), content);
    const result = await members(parent, "add", "Escaper", "--tier", "silver", "--logo", "logo.svg", "--input", "site");
    assert.equal(result.code, 1, content);
    assert.match(result.stderr, /\[MemberPathUnsafe\] Refusing to write outside the site/);
  }

  // A members folder that is a link to somewhere else is outside the site too.
  writeFileSync(path.join(site, "_data/tiers.json"), JSON.stringify({ folder: "linked", tiers: ["silver"] }));
  mkdirSync(path.join(parent, "elsewhere"));
  symlinkSync(path.join(parent, "elsewhere"), path.join(site, "linked"));
  const linked = await members(parent, "add", "Linker", "--tier", "silver", "--input", "site");
  assert.equal(linked.code, 1);
  assert.match(linked.stderr, /MemberPathUnsafe/);

  assert.deepEqual(readdirSync(parent).sort(), ["elsewhere", "logo.svg", "site"]);
  assert.deepEqual(readdirSync(path.join(parent, "elsewhere")), []);
});

test("add refuses to replace an existing logo file and then writes no member file", async () => {
  const site = sampleSite({ "img/members/wayne.svg": SVG_LOGO, "new-logo.svg": SVG_LOGO.replace("160", "200") });
  const result = await members(site, "add", "Wayne", "--tier", "silver", "--logo", "new-logo.svg");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /\[MemberExists\] The member already exists\n  img\/members\/wayne\.svg already exists\./);
  assert.equal(readFileSync(path.join(site, "img/members/wayne.svg"), "utf8"), SVG_LOGO);
  assert.equal(existsSync(path.join(site, "members/wayne.md")), false);
});

function announceSite(): string {
  const site = makeTempSite({}, "plinth-members-announce-");
  cpSync(path.join(root, "test/members/announce-site"), site, { recursive: true });
  return site;
}

test("announce writes a draft in the format of the site's existing news posts", async () => {
  const site = announceSite();
  const result = await members(site, "announce", "ferrous", "--date", "2024-05-01");
  assert.equal(result.stderr, "");
  assert.equal(result.code, 0);
  const file = path.join(site, "news/2024-05-01-ferrous-joins-rust-foundation.md");
  assert.equal(result.stdout, `[members] wrote the draft news/2024-05-01-ferrous-joins-rust-foundation.md: "Ferrous Systems Joins Rust Foundation as Silver Member"\n`);
  const post = readFileSync(file, "utf8");
  assert.ok(
    post.startsWith(
      "---\ntitle: Ferrous Systems Joins Rust Foundation as Silver Member\nbyline:\n" +
        "description: Ferrous Systems has joined the Rust Foundation as a Silver Member.\n" +
        "date: 2024-05-01\ntags: [announcement]\nlayout: layouts/news.njk\ndraft: true\n---\n",
    ),
    post,
  );
  assert.match(post, /The Rust Foundation is pleased to welcome Ferrous Systems as a Silver Member\./);
  assert.match(post, /## About Ferrous Systems\n\nFerrous Systems builds safety-critical tooling for Rust\./);
  assert.match(post, /\[ferrous-systems\.example\.com\]\(https:\/\/ferrous-systems\.example\.com\/\)/);

  const again = await members(site, "announce", "ferrous", "--date", "2024-05-01");
  assert.equal(again.code, 1);
  assert.match(again.stderr, /\[MemberExists\] .*already exists/);
  assert.equal(readFileSync(file, "utf8"), post);
});

test("announce says 'an Associate Member' once, however the tier is named", async () => {
  const site = announceSite();
  assert.equal((await members(site, "announce", "open-univ", "--date", "2024-01-10")).code, 0);
  const post = readFileSync(path.join(site, "news/2024-01-10-open-univ-joins-rust-foundation.md"), "utf8");
  assert.match(post, /^title: Open University Joins Rust Foundation as Associate Member$/m);
  assert.match(post, /^description: Open University has joined the Rust Foundation as an Associate Member\.$/m);
});

test("announce uses news/ and layouts/news.njk when the site has no posts yet", async () => {
  const site = sampleSite();
  const result = await members(site, "announce", "zenith", "--date", "2024-02-02");
  assert.equal(result.code, 0, result.stderr);
  const post = readFileSync(path.join(site, "news/zenith-joins-lintel-foundation.md"), "utf8");
  assert.match(post, /^layout: layouts\/news\.njk$/m);
  assert.doesNotMatch(post, /^byline:/m);
});

test("announce explains an unknown slug and a missing foundation name", async () => {
  const site = sampleSite();
  const unknown = await members(site, "announce", "zenit");
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /\[MemberNotFound\] No such member\n {2}No member has the slug "zenit"\.\n {2}hint: Did you mean "zenith"\?/);

  writeFileSync(path.join(site, "_data/site.json"), "{}");
  const nameless = await members(site, "announce", "zenith");
  assert.equal(nameless.code, 1);
  assert.match(nameless.stderr, /\[SiteNameMissing\] The foundation's name is not set in _data\/site\.json/);
});

test("usage mistakes exit 1 with a pointer to the help", async () => {
  const site = sampleSite();
  const unknownCommand = await members(site, "remove", "acme");
  assert.equal(unknownCommand.code, 1);
  assert.match(unknownCommand.stderr, /\[CliUsage\] Invalid command line\n {2}Unknown members command "remove"\./);
  const unknownOption = await members(site, "check", "--fast");
  assert.equal(unknownOption.code, 1);
  assert.match(unknownOption.stderr, /Unknown option '--fast'/);
  const help = await members(site, "--help");
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: plinth members <command>/);
});
