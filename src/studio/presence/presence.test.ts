// Who else has an entry open: heartbeats per tab, expiry, one entry per tab, and the API that
// serves them (names as given only in single-user mode, ids checked, paths checked).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";
import { Presence } from "./presence.js";

describe("Presence", () => {
  it("answers the others on the entry, forgets a tab after its time, and moves a tab to the entry it opens", () => {
    let now = 1_000_000;
    const presence = new Presence(45_000, () => now);
    assert.deepEqual(presence.beat("a.md", "tab-ann-1", "Ann"), []);
    now += 1000;
    assert.deepEqual(presence.beat("a.md", "tab-bob-1", "Bob").map((v) => v.name), ["Ann"]);
    assert.deepEqual(presence.others("a.md", "tab-ann-1").map((v) => v.name), ["Bob"]);
    assert.deepEqual(presence.others("a.md").map((v) => v.name), ["Ann", "Bob"], "longest open first");
    now += 30_000;
    presence.beat("a.md", "tab-bob-1", "Bob");
    now += 20_000;
    assert.deepEqual(presence.others("a.md", "tab-bob-1"), [], "Ann's tab went quiet 51 s ago");
    presence.beat("b.md", "tab-bob-1", "Bob");
    assert.deepEqual(presence.others("a.md"), [], "a tab has one entry open");
    presence.leave("b.md", "tab-bob-1");
    assert.deepEqual(presence.others("b.md"), []);
  });
});

describe("presence API", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());
  const PATH = "/api/presence?path=news/2022-09-14-lintel-foundation-launches.md";

  it("shows each tab the others on the entry, with their names escaped by JSON only", async () => {
    const ann = await site.api<{ others: { name: string }[] }>("POST", PATH, { id: "tab-ann-0001", name: "Ann <b>&" });
    assert.equal(ann.status, 200);
    assert.deepEqual(ann.json.others, []);
    const bob = await site.api<{ others: { name: string; since: string }[] }>("POST", PATH, { id: "tab-bob-0001", name: "Bob" });
    assert.deepEqual(bob.json.others.map((o) => o.name), ["Ann <b>&"]);
    const seen = await site.api<{ others: { name: string }[] }>("GET", `${PATH}&id=tab-ann-0001`);
    assert.deepEqual(seen.json.others.map((o) => o.name), ["Bob"]);
    assert.equal((await site.api("DELETE", `${PATH}&id=tab-bob-0001`)).status, 200);
    assert.deepEqual((await site.api<{ others: unknown[] }>("GET", `${PATH}&id=tab-ann-0001`)).json.others, []);
  });

  it("refuses a bad tab id, a path outside the site, and no token", async () => {
    assert.equal((await site.api("POST", PATH, { id: "x" })).status, 400);
    assert.equal((await site.api("POST", "/api/presence?path=../../etc/passwd", { id: "tab-ann-0001" })).status, 400);
    assert.equal((await site.api("POST", PATH, { id: "tab-ann-0001" }, { auth: false })).status, 401);
  });
});
