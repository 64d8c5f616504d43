// The permissions the app is sent are the role policy itself: for every role, action and kind
// of entry, what `can()` answers; the app's `may()` reads them back to the same answers; and
// /api/me and /api/login send exactly these.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ONE_OF_EACH, startTeamSite, type TeamSite } from "../../../test/support/studio-team.js";
import { may, whyNot } from "../client/permissions.js";
import { permissionsOf, TARGET_KINDS, type Permissions, type TargetKind } from "./permissions.js";
import { ACTIONS, can, ROLES } from "./roles.js";

test("for every role, action and kind of entry, the permissions say what can() says", () => {
  for (const role of ROLES) {
    const user = { name: "someone", role };
    const permissions = permissionsOf(user);
    assert.equal(permissions.role, role);
    assert.deepEqual(Object.keys(permissions.on).sort(), Object.keys(TARGET_KINDS).sort());
    for (const [kind, target] of Object.entries(TARGET_KINDS) as [TargetKind, (typeof TARGET_KINDS)[TargetKind]][]) {
      for (const action of ACTIONS) assert.equal(permissions.on[kind].includes(action), can(user, action, target), `${role} ${action} on ${kind}`);
    }
  }
});

test("the app's may() answers what can() answers for the facts it knows about an entry", () => {
  for (const role of ROLES) {
    const user = { name: "someone", role };
    const permissions = permissionsOf(user);
    for (const roster of [undefined, false, true]) {
      for (const published of [undefined, false, true]) {
        for (const action of ACTIONS) {
          const target = { ...(roster === undefined ? {} : { roster }), ...(published === undefined ? {} : { published }) };
          assert.equal(may(permissions, action, target), can(user, action, target), `${role} ${action} ${JSON.stringify(target)}`);
        }
      }
    }
  }
  assert.equal(may(null, "users.manage"), true, "the single-user token mode is the admin");
});

test("the app says why a control is missing, naming the kind of entry only where it matters", () => {
  const writer = permissionsOf({ name: "wanda", role: "writer" });
  const members = permissionsOf({ name: "mo", role: "members" });
  assert.equal(whyNot(writer, "entry.publish", { roster: false, published: true }), "Your role (writer) may not publish.");
  assert.equal(whyNot(writer, "entry.delete", { roster: false, published: true }), "Your role (writer) may not delete published entries.");
  assert.equal(whyNot(writer, "entry.edit", { roster: true }), "Your role (writer) may not edit entries on the member roster.");
  assert.equal(whyNot(members, "entry.edit", { roster: false }), "Your role (members) may not edit entries outside the member roster.");
  assert.equal(whyNot(members, "settings"), "Your role (members) may not change the studio's settings.");
});

describe("the permissions the server sends", () => {
  let site: TeamSite;
  before(async () => {
    site = await startTeamSite();
  });
  after(() => site.close());

  test("/api/login and /api/me send each role's permissions from the policy", async () => {
    const seen = new Set<string>();
    for (const { name, role } of ONE_OF_EACH) {
      const client = await site.login(name);
      const login = await fetch(`${site.origin}/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: site.origin },
        body: JSON.stringify({ name, password: "a long test passphrase" }),
      });
      assert.deepEqual(((await login.json()) as { permissions: Permissions }).permissions, permissionsOf({ name, role }));
      const me = await client.api<{ permissions: Permissions }>("GET", "/api/me");
      assert.equal(me.status, 200);
      assert.deepEqual(me.json.permissions, permissionsOf({ name, role }), name);
      for (const action of me.json.permissions.on.site) seen.add(action);
    }
    assert.deepEqual([...seen].sort(), [...ACTIONS].sort(), "the admin's permissions name every action");
  });

  test("GET /api/entry says whether the entry is on the roster", async () => {
    const client = await site.login("mo");
    const member = await client.api<{ roster: boolean; settings: boolean }>("GET", "/api/entry?path=members/aurora-cloud.md");
    assert.equal(member.json.roster, true);
    assert.equal(member.json.settings, false);
    const news = await client.api<{ roster: boolean }>("GET", "/api/entry?path=news/2022-09-14-lintel-foundation-launches.md");
    assert.equal(news.json.roster, false);
  });
});
