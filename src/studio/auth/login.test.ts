// Accounts at the studio's front door, against a real server on a copy of the example site:
// login, sessions, CSRF, session fixation, brute force, the token's end, the log.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { TEST_TOKEN } from "../../../test/support/studio-site.js";
import { PASSWORD, startTeamSite, type TeamSite } from "../../../test/support/studio-team.js";
import { Accounts } from "./accounts.js";
import { permissionsOf } from "./permissions.js";
import type { IncomingMessage } from "node:http";

interface ErrorBody {
  error: { code: string; message: string; hint: string };
}

const HOUR = 3600 * 1000;

describe("studio accounts: login and sessions", () => {
  let site: TeamSite;
  let now = Date.parse("2026-12-04T10:00:00Z");
  before(async () => {
    site = await startTeamSite(undefined, { now: () => now });
  });
  after(() => site.close());

  const login = (name: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${site.origin}/api/login`, { method: "POST", headers: { "content-type": "application/json", origin: site.origin, ...headers }, body: JSON.stringify({ name, password }) });

  it("once accounts exist, the token no longer opens anything", async () => {
    const bearer = await site.api<ErrorBody>("GET", "/api/site");
    assert.equal(bearer.status, 401);
    assert.equal(bearer.json.error.code, "StudioLoginNeeded");
    const query = await fetch(`${site.origin}/api/site?token=${TEST_TOKEN}`);
    assert.equal(query.status, 401);
    const page = await fetch(`${site.origin}/?token=${TEST_TOKEN}`, { redirect: "manual" });
    assert.equal(page.status, 200, "the app itself loads, to show the login page");
    assert.equal(page.headers.get("set-cookie"), null, "no token cookie");
    const preview = await fetch(`${site.origin}/preview/`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(preview.status, 401);
  });

  it("logs in with an HttpOnly SameSite=Strict cookie and answers the CSRF token and the user", async () => {
    const res = await login("ed", PASSWORD);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { csrfToken: string; user: { name: string; role: string } };
    assert.deepEqual(body.user, { name: "ed", role: "editor" });
    assert.match(body.csrfToken, /^[\w-]{20,}$/);
    const cookie = res.headers.get("set-cookie") ?? "";
    assert.match(cookie, /^plinth_session_\d+=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    const me = await fetch(`${site.origin}/api/me`, { headers: { cookie: cookie.split(";")[0]! } });
    const answer = (await me.json()) as Record<string, unknown>;
    assert.deepEqual({ ...answer, permissions: undefined }, { user: { name: "ed", role: "editor" }, team: true, csrfToken: body.csrfToken, permissions: undefined });
    assert.deepEqual(answer.permissions, permissionsOf({ name: "ed", role: "editor" }), "what the app may offer (permissions.test.ts)");
  });

  it("a wrong password or an unknown name answer the same 401, and the log has the name, never the password", async () => {
    const wrong = await login("wanda", "not the passphrase 123");
    const unknown = await login("nobody", "not the passphrase 123");
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const a = (await wrong.json()) as ErrorBody;
    const b = (await unknown.json()) as ErrorBody;
    assert.equal(a.error.code, "StudioLoginFailed");
    assert.deepEqual(a, b, "no hint which of the two was wrong");
    await site.login("wanda");
    const logs = site.logs.join("\n");
    assert.match(logs, /login failed for "wanda" from /);
    assert.match(logs, /login: "wanda" \(writer\) from /);
    assert.ok(!logs.includes("not the passphrase") && !logs.includes(PASSWORD), "no password in the log");
  });

  it("session fixation: a login always gets a new session id, and the one before stops working", async () => {
    const first = await site.login("ed");
    const res = await login("ed", PASSWORD, { cookie: first.cookie });
    const second = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    assert.notEqual(second, first.cookie);
    assert.equal((await fetch(`${site.origin}/api/me`, { headers: { cookie: first.cookie } })).status, 401);
    assert.equal((await fetch(`${site.origin}/api/me`, { headers: { cookie: second } })).status, 200);
    const planted = await login("ed", PASSWORD, { cookie: `${second.split("=")[0]}=attacker-chosen-id` });
    assert.ok(!(planted.headers.get("set-cookie") ?? "").includes("attacker-chosen-id"));
  });

  it("CSRF: a change without the session's X-CSRF-Token, with a wrong one or from another origin is refused and changes nothing", async () => {
    const ed = await site.login("ed");
    const file = path.join(site.dir, "about.md");
    const before = readFileSync(file, "utf8");
    const commits = site.git("rev-list", "--count", "HEAD");
    const entry = await ed.api<{ revision: string; raw: string }>("GET", "/api/entry?path=about.md");
    const body = { raw: `${entry.json.raw}\nChanged.\n`, baseRevision: entry.json.revision };
    for (const [headers, code] of [
      [{ "x-csrf-token": "" }, "StudioCsrf"],
      [{ "x-csrf-token": "wrong-token" }, "StudioCsrf"],
      [{ origin: "http://evil.example" }, "StudioForbiddenOrigin"],
      [{ "sec-fetch-site": "cross-site" }, "StudioForbiddenOrigin"],
    ] as const) {
      const res = await ed.api<ErrorBody>("PUT", "/api/entry?path=about.md", body, headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(res.json.error.code, code);
    }
    assert.equal(readFileSync(file, "utf8"), before);
    assert.equal(site.git("rev-list", "--count", "HEAD"), commits);
    const ok = await ed.api("PUT", "/api/entry?path=about.md", body);
    assert.equal(ok.status, 200, ok.text);
    const foreignLogin = await login("ed", PASSWORD, { origin: "http://evil.example" });
    assert.equal(foreignLogin.status, 403, "no login from another site's page");
  });

  it("logout ends the session", async () => {
    const wanda = await site.login("wanda");
    const out = await wanda.api("POST", "/api/logout");
    assert.equal(out.status, 200);
    assert.match(out.headers.get("set-cookie") ?? "", /Max-Age=0/);
    assert.equal((await wanda.api("GET", "/api/me")).status, 401);
  });

  it("sessions expire after 12 idle hours, and a removed user's at once", async () => {
    const ed = await site.login("ed");
    now += 11 * HOUR;
    assert.equal((await ed.api("GET", "/api/me")).status, 200);
    now += 11 * HOUR;
    assert.equal((await ed.api("GET", "/api/me")).status, 200, "used 11 hours ago");
    now += 13 * HOUR;
    assert.equal((await ed.api("GET", "/api/me")).status, 401, "idle 13 hours");
    const mo = await site.login("mo");
    site.users.remove("mo");
    assert.equal((await mo.api("GET", "/api/me")).status, 401);
    await site.users.add({ name: "mo", role: "members" }, PASSWORD);
  });

  it("brute force: after 3 failures each attempt waits longer, after 10 the account is locked for 15 minutes", async () => {
    for (let i = 0; i < 3; i++) assert.equal((await login("ada", `wrong guess ${i}`)).status, 401);
    const slowed = await login("ada", PASSWORD);
    assert.equal(slowed.status, 429, "even the right password waits");
    assert.equal(((await slowed.json()) as ErrorBody).error.code, "StudioLocked");
    for (let i = 3; i < 10; i++) {
      now += 61_000;
      assert.equal((await login("ada", `wrong guess ${i}`)).status, 401);
    }
    now += 10 * 60_000;
    assert.equal((await login("ada", PASSWORD)).status, 429, "locked");
    now += 6 * 60_000;
    assert.equal((await login("ada", PASSWORD)).status, 200, "the lock ends");
    assert.match(site.logs.join("\n"), /login refused for "ada" from .*: locked/);
  });

  it("an admin adds a user, who sets a password through the one-time link and logs in", async () => {
    const ada = await site.login("ada");
    const added = await ada.api<{ link: string }>("POST", "/api/users", { name: "nia", role: "writer", email: "nia@example.org" });
    assert.equal(added.status, 201, added.text);
    const token = /#set-password=([\w-]+)$/.exec(added.json.link)?.[1];
    assert.ok(token && added.json.link.startsWith(site.origin));
    const short = await fetch(`${site.origin}/api/set-password`, { method: "POST", headers: { "content-type": "application/json", origin: site.origin }, body: JSON.stringify({ token, password: "short" }) });
    assert.equal(short.status, 400);
    const set = await fetch(`${site.origin}/api/set-password`, { method: "POST", headers: { "content-type": "application/json", origin: site.origin }, body: JSON.stringify({ token, password: "nia's own passphrase" }) });
    assert.equal(set.status, 200);
    const again = await fetch(`${site.origin}/api/set-password`, { method: "POST", headers: { "content-type": "application/json", origin: site.origin }, body: JSON.stringify({ token, password: "someone else's" }) });
    assert.equal(again.status, 404, "the link works once");
    const nia = await site.login("nia", "nia's own passphrase");
    assert.deepEqual(nia.user, { name: "nia", role: "writer", email: "nia@example.org" });
    assert.equal((await nia.api("GET", "/api/users")).status, 403, "a writer does not manage users");
    const list = await ada.api<{ users: { name: string; passwordSet: boolean }[] }>("GET", "/api/users");
    assert.ok(list.json.users.some((u) => u.name === "nia" && u.passwordSet));
    assert.ok(!list.text.includes("scrypt"), "no hashes over the wire");
    assert.equal((await ada.api("DELETE", "/api/users?name=nia")).status, 200);
    assert.equal((await nia.api("GET", "/api/me")).status, 401);
  });
});

describe("studio accounts: the address", () => {
  const req = (headers: Record<string, string>) => ({ headers, socket: { remoteAddress: "10.0.0.9" } }) as unknown as IncomingMessage;

  it("cookies are Secure behind https: the public URL says so, or a trusted proxy's X-Forwarded-Proto", () => {
    const dir = "/nonexistent-state";
    const direct = new Accounts({ dir, port: 8081 });
    assert.ok(!direct.cookie(req({ "x-forwarded-proto": "https" }), "id").includes("Secure"), "an untrusted header is ignored");
    assert.equal(direct.clientAddress(req({ "x-forwarded-for": "1.2.3.4" })), "10.0.0.9");
    const proxied = new Accounts({ dir, port: 8081, trustProxy: true });
    assert.match(proxied.cookie(req({ "x-forwarded-proto": "https" }), "id"), /; Secure$/);
    assert.equal(proxied.clientAddress(req({ "x-forwarded-for": "1.2.3.4, 10.0.0.1" })), "1.2.3.4");
    const public_ = new Accounts({ dir, port: 8081, publicUrl: "https://studio.example.org/" });
    assert.match(public_.cookie(req({}), "id"), /; Secure$/);
  });

  it("--host other than loopback refuses to start without accounts", async () => {
    await assert.rejects(startTeamSite([], { host: "0.0.0.0" }), (error: Error & { code?: string; hint?: string }) => {
      assert.equal(error.code, "StudioNeedsAccounts");
      assert.match(error.hint ?? "", /plinth studio users add/);
      return true;
    });
  });
});
