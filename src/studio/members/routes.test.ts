// The members API against a real studio on a copy of the example site.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";

interface RosterAnswer {
  enabled: boolean;
  tiers: { id: string; name: string }[];
  tierField: string;
  logoFolder: string;
  members: { path: string; slug: string; name: string; tier: string; errors: number }[];
  diagnostics: { file: string; field?: string; line?: number; code: string; severity: string }[];
}

describe("studio members API", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  it("gives the tiers, every member and the roster's diagnostics in place", async () => {
    writeFileSync(path.join(site.dir, "members/typo.md"), "---\nname: Typo Inc\nlevel: golld\nlogo: /img/members/quillstack.svg\n---\n");
    const res = await site.api<RosterAnswer>("GET", "/api/members");
    assert.equal(res.status, 200);
    assert.equal(res.json.enabled, true);
    const tiers = JSON.parse(readFileSync(path.join(site.dir, "_data/tiers.json"), "utf8")) as unknown;
    const ids = (Array.isArray(tiers) ? tiers : (tiers as { tiers: { id: string }[] }).tiers).map((t: { id: string } | string) => (typeof t === "string" ? t : t.id));
    assert.deepEqual(res.json.tiers.map((t) => t.id).sort(), [...ids].sort());
    assert.equal(res.json.tierField, "level");
    assert.ok(res.json.members.some((m) => m.path === "members/quillstack.md"));
    const typo = res.json.diagnostics.find((d) => d.file === "members/typo.md" && d.code === "MemberUnknownTier")!;
    assert.deepEqual([typo.field, typo.line, typo.severity], ["level", 3, "error"]);
  });

  it("announces a member: the draft post, committed", async () => {
    const res = await site.api<{ path: string; title: string; commit: string | null }>("POST", "/api/members/announce?path=members/quillstack.md&date=2024-06-01", undefined, { headers: { origin: site.origin } });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.match(res.json.path, /^news\/2024-06-01-quillstack-joins-.*\.md$/);
    const post = readFileSync(path.join(site.dir, res.json.path), "utf8");
    assert.match(post, /^---\ntitle: Quillstack.* Joins /);
    assert.match(post, /draft: true/);
    assert.match(site.git("log", "-1", "--format=%s"), /Draft the announcement/);
    const again = await site.api<{ error: { code: string } }>("POST", "/api/members/announce?path=members/quillstack.md&date=2024-06-01", undefined, { headers: { origin: site.origin } });
    assert.equal(again.status, 409);
    const notMember = await site.api<{ error: { code: string } }>("POST", "/api/members/announce?path=about.md", undefined, { headers: { origin: site.origin } });
    assert.equal(notMember.status, 404);
  });
});
