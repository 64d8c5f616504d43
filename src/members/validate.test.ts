import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { parseMemberFile } from "./member-file.js";
import { toPublicMember } from "./public-fields.js";
import { loadMembersSchema } from "./schema.js";
import { makeTempSite, memberMd, pngLogo, SVG_LOGO } from "./temp-site.js";
import type { Diagnostic, MemberRecord } from "./types.js";
import {
  checkContacts, checkDates, checkDuplicateNames, checkDuplicateUrls, checkFieldTypes, checkFileName, checkLogo,
  checkRequiredFields, checkStatus, checkTier, checkUrl, closest, type CheckContext,
} from "./validate.js";

const site = makeTempSite({
  "img/members/acme.svg": SVG_LOGO,
  "img/members/globex.png": pngLogo(),
  "img/members/fake.png": "<html>not a picture</html>",
  "img/members/jpeg-named.png": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]),
  "img/members/no-viewbox.svg": '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>',
});
const ctx: CheckContext = { schema: loadMembersSchema(path.join(site, "_data")).schema, inputDir: site };

function member(slug: string, ...lines: string[]): MemberRecord {
  const result = parseMemberFile(path.join(site, "members", `${slug}.md`), memberMd(...lines), ctx.schema);
  if (result.kind !== "member") throw new Error(`not a member: ${slug}`);
  return result.record;
}

/** The parts of a diagnostic a person acts on: code, severity and line. */
function summary(diagnostics: Diagnostic[]): [string, string, number | undefined][] {
  return diagnostics.map((d) => [d.code, d.severity, d.location.line]);
}

const valid = ["name: Acme", "level: gold", "logo: /img/members/acme.svg", "url: https://acme.example.com/", "status: active", "joined: 2022-01-01"];

test("a valid member passes every rule", () => {
  const record = member("acme", ...valid);
  for (const rule of [checkRequiredFields, checkTier, checkLogo, checkUrl, checkStatus, checkDates, checkFieldTypes, checkContacts]) {
    assert.deepEqual(rule(record, ctx), [], rule.name);
  }
});

test("rule: a member needs a name and a tier", () => {
  const diagnostics = checkRequiredFields(member("acme", "url: https://acme.example.com/"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberFieldMissing", "error", 1], ["MemberFieldMissing", "error", 1]]);
  assert.match(diagnostics[0]!.message, /no `name`/);
  assert.match(diagnostics[1]!.message, /no `level`/);
});

test("rule: an unknown tier is an error at its line, with the closest tier suggested", () => {
  const diagnostics = checkTier(member("acme", "name: Acme", "level: gld"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberUnknownTier", "error", 3]]);
  assert.equal(diagnostics[0]!.location.column, 8);
  assert.match(diagnostics[0]!.hint!, /Did you mean "gold"\?.*platinum, gold, silver, associate/);
  assert.deepEqual(checkTier(member("acme", "name: Acme", "level: Associate"), ctx), []);
});

test("rule: a member without a logo gets a warning", () => {
  assert.deepEqual(summary(checkLogo(member("acme", "name: Acme", "level: gold"), ctx)), [["MemberLogoMissing", "warning", 2]]);
});

test("rule: a logo file that does not exist is an error at the logo line", () => {
  const diagnostics = checkLogo(member("acme", "name: Acme", "level: gold", "logo: /img/members/missing.svg"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberLogoUnreadable", "error", 4]]);
  assert.match(diagnostics[0]!.message, /img\/members\/missing\.svg does not exist/);
});

test("rule: a logo whose bytes are not an image is an error, whatever its extension", () => {
  const diagnostics = checkLogo(member("acme", "name: Acme", "level: gold", "logo: /img/members/fake.png"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberLogoNotImage", "error", 4]]);
});

test("rule: a logo whose extension lies about its format gets a warning", () => {
  const diagnostics = checkLogo(member("acme", "name: Acme", "level: gold", "logo: /img/members/jpeg-named.png"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberLogoNotImage", "warning", 4]]);
  assert.match(diagnostics[0]!.message, /holds a JPEG image/);
});

test("rule: bare logo names resolve in the logo folder, remote logos are flagged as unchecked", () => {
  assert.deepEqual(checkLogo(member("globex", "name: Globex", "logo: globex.png"), ctx), []);
  assert.deepEqual(summary(checkLogo(member("acme", "name: Acme", "logo: https://cdn.example.com/acme.svg"), ctx)), [["MemberLogoRemote", "warning", 3]]);
});

test("rule: an SVG logo without a viewBox gets a warning", () => {
  const diagnostics = checkLogo(member("acme", "name: Acme", "logo: /img/members/no-viewbox.svg"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberSvgNoViewBox", "warning", 3]]);
});

test("rule: duplicate names are errors on the later file, naming the earlier one", () => {
  const records = [member("acme", "name: Acme Corp"), member("acme-2", "name: acme  corp"), member("globex", "name: Globex")];
  const diagnostics = checkDuplicateNames(records);
  assert.deepEqual(summary(diagnostics), [["MemberDuplicateName", "error", 2]]);
  assert.equal(diagnostics[0]!.location.file, records[1]!.file);
  assert.match(diagnostics[0]!.message, /also used by acme\.md/);
});

test("rule: duplicate URLs, however spelt, are warnings", () => {
  const records = [member("a", "name: A", "url: https://www.acme.example.com/"), member("b", "name: B", "url: http://acme.example.com")];
  assert.deepEqual(summary(checkDuplicateUrls(records)), [["MemberDuplicateUrl", "warning", 3]]);
});

test("rule: an invalid URL is an error", () => {
  for (const url of ["acme.example.com", "javascript:alert(1)", "https://localhost", "42"]) {
    assert.deepEqual(summary(checkUrl(member("a", "name: A", `url: ${url}`), ctx)), [["MemberInvalidUrl", "error", 3]], url);
  }
});

test("rule: an unknown status is an error with the closest status suggested", () => {
  const diagnostics = checkStatus(member("a", "name: A", "status: activ"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberUnknownStatus", "error", 3]]);
  assert.match(diagnostics[0]!.hint!, /Did you mean "active"\?/);
  assert.deepEqual(checkStatus(member("a", "name: A", "status: Lapsed"), ctx), []);
});

test("rule: `left` before `joined` is an error at the `left` line", () => {
  const diagnostics = checkDates(member("a", "name: A", "status: lapsed", "joined: 2022-05-01", "left: 2021-01-01"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberLeftBeforeJoined", "error", 5]]);
});

test("rule: `left` is compared with a join date from git too", () => {
  const record = member("a", "name: A", "status: lapsed", "left: 2021-01-01");
  record.gitJoined = "2023-02-02";
  assert.match(checkDates(record, ctx)[0]!.message, /before `joined` \(2023-02-02, from git history\)/);
});

test("rule: dates that are not dates are errors", () => {
  const diagnostics = checkDates(member("a", "name: A", "joined: last spring", "left: 2023-02-30"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberInvalidDate", "error", 3], ["MemberInvalidDate", "error", 4]]);
});

test("rule: a member that has left but is still active gets a warning", () => {
  assert.deepEqual(summary(checkDates(member("a", "name: A", "joined: 2020-01-01", "left: 2021-01-01"), ctx)), [["MemberLeftButActive", "warning", 4]]);
});

test("rule: founder must be a boolean and description text", () => {
  assert.deepEqual(summary(checkFieldTypes(member("a", "name: A", "founder: maybe", "description: [1, 2]"), ctx)), [
    ["MemberFieldInvalid", "error", 3],
    ["MemberFieldInvalid", "error", 4],
  ]);
  for (const wrong of ["founder: 1", "founder: y", "founder: [true]", "founder:"]) {
    assert.deepEqual(summary(checkFieldTypes(member("a", "name: A", wrong), ctx)), [["MemberFieldInvalid", "error", 3]], wrong);
  }
});

test("rule: founder written the YAML 1.1 way (yes, no, on, off, any case) is a boolean, with a warning", () => {
  const cases: [string, boolean][] = [["founder: yes", true], ["founder: No", false], ["founder: ON", true], ["founder: off", false], ['founder: "True"', true], ["founder: 'false'", false]];
  for (const [line, meant] of cases) {
    const record = member("a", "name: A", "level: gold", line);
    const diagnostics = checkFieldTypes(record, ctx);
    assert.deepEqual(summary(diagnostics), [["MemberBooleanAsText", "warning", 4]], line);
    assert.match(diagnostics[0]!.hint ?? "", new RegExp(`Write \`founder: ${meant}\``), line);
    assert.equal(toPublicMember(record, ctx.schema.tiers[0]!, ctx.schema, site).founder, meant, line);
  }
  assert.match(checkFieldTypes(member("a", "name: A", "founder: no"), ctx)[0]!.message, /a template testing `founder` itself takes as true/);
  assert.deepEqual(checkFieldTypes(member("a", "name: A", "founder: true"), ctx), [], "a real boolean needs no warning");
});

test("rule: a member file named for another organisation gets a warning with the name to use", () => {
  const diagnostics = checkFileName(member("new-member", "name: adorsys", "level: gold"), ctx);
  assert.deepEqual(summary(diagnostics), [["MemberFileNameMismatch", "warning", 2]]);
  assert.match(diagnostics[0]!.message, /members\/new-member\.md holds the member "adorsys"/);
  assert.match(diagnostics[0]!.hint ?? "", /git mv members\/new-member\.md members\/adorsys\.md/);
  assert.equal(checkFileName(member("globex", "name: Acme Corporation"), ctx).length, 1, "a copied file not renamed");
  // Short and abbreviated file names are how rosters are written: no warning.
  for (const [slug, name] of [["acme", "Acme Corporation"], ["initech", "Initech, Inc."], ["ibm", "International Business Machines"], ["open-univ", "Open University"], ["umbrella", "Umbrella & Co"], ["cafe", "Café Ltd"]]) {
    assert.deepEqual(checkFileName(member(slug!, `name: ${name}`), ctx), [], `${slug}.md for ${name}`);
  }
});

test("rule: private contacts are validated too", () => {
  const record = member("a", "name: A", "contacts:", "  - name: Jane", "    email: jane@example.com", "  - email: not-an-address", "  - bob@example.org");
  assert.deepEqual(summary(checkContacts(record, ctx)), [["MemberContactInvalid", "error", 3]]);
});

test("typos are matched to the closest candidate only when close", () => {
  assert.equal(closest("platnum", ["platinum", "gold"]), "platinum");
  assert.equal(closest("bronze", ["platinum", "gold", "silver"]), undefined);
});
