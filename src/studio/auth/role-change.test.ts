// Changing a role through the admin's API and from the terminal: the user's live sessions end
// at once (a session remembers the role it was opened with), the next login carries the new
// role and its permissions, and the last admin is not demoted.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTeamSite, type TeamSite } from "../../../test/support/studio-team.js";
import type { Permissions } from "./permissions.js";

describe("changing a user's role", () => {
  let site: TeamSite;
  before(async () => {
    site = await startTeamSite();
  });
  after(() => site.close());

  test("an admin changes a role through the API: the user's sessions end and the next login has the new role", async () => {
    const ada = await site.login("ada");
    const wanda = await site.login("wanda");
    assert.equal((await wanda.api("GET", "/api/me")).status, 200);
    const changed = await ada.api<{ user: { name: string; role: string } }>("POST", "/api/users/role?name=wanda", { role: "editor" });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(changed.json.user, { name: "wanda", role: "editor" });
    const ended = await wanda.api<{ error: { code: string } }>("GET", "/api/me");
    assert.equal(ended.status, 401);
    assert.equal(ended.json.error.code, "StudioLoginNeeded");
    const again = await site.login("wanda");
    const me = await again.api<{ user: { role: string }; permissions: Permissions }>("GET", "/api/me");
    assert.equal(me.json.user.role, "editor");
    assert.ok(me.json.permissions.on.site.includes("entry.publish"), "an editor's permissions");
    assert.ok(site.logs.some((line) => /ada" made "wanda" editor/.test(line)), site.logs.join("\n"));
    assert.equal((await ada.api("GET", "/api/me")).status, 200, "the admin's own session goes on");
  });

  test("only admins change roles, to a real role, and the last admin stays one", async () => {
    const ada = await site.login("ada");
    const ed = await site.login("ed");
    const refused = await ed.api<{ error: { code: string } }>("POST", "/api/users/role?name=ed", { role: "admin" });
    assert.equal(refused.status, 403);
    assert.equal(site.users.get("ed")?.role, "editor");
    const bad = await ada.api<{ error: { code: string } }>("POST", "/api/users/role?name=ed", { role: "root" });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, "StudioUserInvalid");
    const unknown = await ada.api<{ error: { code: string } }>("POST", "/api/users/role?name=nobody", { role: "writer" });
    assert.equal(unknown.status, 404);
    const last = await ada.api<{ error: { code: string; message: string; hint: string } }>("POST", "/api/users/role?name=ada", { role: "writer" });
    assert.equal(last.status, 409);
    assert.equal(last.json.error.code, "StudioLastAdmin");
    assert.match(last.json.error.hint, /another user an admin first/);
    assert.equal(site.users.get("ada")?.role, "admin");
    assert.equal((await ada.api("GET", "/api/me")).status, 200, "a refused change ends no session");
  });

  test("a role changed from the terminal (another process's write to users.json) ends the sessions too", async () => {
    const mo = await site.login("mo");
    assert.equal((await mo.api("GET", "/api/me")).status, 200);
    // What `plinth studio users role mo --role writer` does: it only writes the users file.
    site.users.setRole("mo", "writer");
    assert.equal((await mo.api("GET", "/api/me")).status, 401);
    const again = await site.login("mo");
    assert.equal((await again.api<{ user: { role: string } }>("GET", "/api/me")).json.user.role, "writer");
  });
});
