import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { makeTempSite } from "../../members/temp-site.js";
import { announceMember } from "./announce.js";
import { readRoster } from "./roster.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

function site(): string {
  const dir = makeTempSite({}, "plinth-studio-members-");
  cpSync(path.join(root, "test/members/announce-site"), dir, { recursive: true });
  return dir;
}

test("the roster lists the tiers for the select and every member file with its values", async () => {
  const dir = site();
  const { roster } = await readRoster(dir, path.join(dir, "_data"));
  assert.deepEqual(roster.tiers.map((t) => [t.id, t.name]), [["platinum", "Platinum"], ["silver", "Silver"], ["associate", "Associate Member"]]);
  assert.equal(roster.tierField, "level");
  assert.equal(roster.logoFolder, "img/members");
  const ferrous = roster.members.find((m) => m.slug === "ferrous")!;
  assert.deepEqual(
    { path: ferrous.path, name: ferrous.name, tier: ferrous.tier, tierName: ferrous.tierName, logo: ferrous.logo, joined: ferrous.joined, errors: ferrous.errors },
    { path: "members/ferrous.md", name: "Ferrous Systems", tier: "silver", tierName: "Silver", logo: "/img/members/ferrous.svg", joined: "2023-05-02", errors: 0 },
  );
});

test("validation problems are placed at the member file, the field and its line", async () => {
  const dir = site();
  writeFileSync(path.join(dir, "members/bad.md"), "---\nname: Bad Corp\nlevel: silvr\nlogo: /img/members/missing.svg\nurl: not a url\nstatus: active\n---\n");
  const { roster } = await readRoster(dir, path.join(dir, "_data"));
  const own = roster.diagnostics.filter((d) => d.file === "members/bad.md");
  const byField = Object.fromEntries(own.map((d) => [d.field, { code: d.code, line: d.line, severity: d.severity }]));
  assert.deepEqual(byField.level, { code: "MemberUnknownTier", line: 3, severity: "error" });
  assert.deepEqual(byField.logo, { code: "MemberLogoUnreadable", line: 4, severity: "error" });
  assert.deepEqual(byField.url, { code: "MemberInvalidUrl", line: 5, severity: "error" });
  assert.match(own.find((d) => d.field === "level")!.hint!, /Did you mean "silver"\?/);
  const bad = roster.members.find((m) => m.slug === "bad")!;
  assert.equal(bad.tierName, null, "an unknown tier has no name, but the member is still listed");
  assert.equal(bad.errors, 3);
});

test("announce writes the same draft as `plinth members announce`, and never twice", async () => {
  const dir = site();
  const { model } = await readRoster(dir, path.join(dir, "_data"));
  const announced = announceMember(model, path.join(dir, "members/ferrous.md"), dir, "2024-05-01");
  assert.deepEqual(announced, { path: "news/2024-05-01-ferrous-joins-rust-foundation.md", title: "Ferrous Systems Joins Rust Foundation as Silver Member" });
  const post = readFileSync(path.join(dir, announced.path), "utf8");
  assert.ok(post.startsWith("---\ntitle: Ferrous Systems Joins Rust Foundation as Silver Member\nbyline:\n"), post);
  assert.match(post, /draft: true\n---\n/);
  assert.throws(() => announceMember(model, path.join(dir, "members/ferrous.md"), dir, "2024-05-01"), { code: "MemberExists" });
  assert.equal(readFileSync(path.join(dir, announced.path), "utf8"), post);
});

test("announce refuses a file that is not a member, and a member without a known tier", async () => {
  const dir = site();
  writeFileSync(path.join(dir, "members/untiered.md"), "---\nname: Untiered\nlevel: bronze\n---\n");
  const { model } = await readRoster(dir, path.join(dir, "_data"));
  assert.throws(() => announceMember(model, path.join(dir, "news/2023-03-22-openinfra-associate-membership.md"), dir), { code: "MemberNotFound", status: 404 });
  assert.throws(() => announceMember(model, path.join(dir, "members/untiered.md"), dir), { code: "MemberUnknownTier", status: 422 });
});
