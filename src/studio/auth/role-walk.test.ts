// Every role through every route of a running studio with accounts: each route declares an
// action; a role the policy refuses gets a 403, and any 403 leaves the files and git as they
// were. Then the checks that depend on the entry (the roster, published files), by example.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ONE_OF_EACH, startTeamSite, type TeamClient, type TeamSite } from "../../../test/support/studio-team.js";
import { mayCall } from "./authorize.js";
import type { RouteInfo } from "../server/router.js";

const MEMBER = "members/aurora-cloud.md";
const NEWS = "news/2022-09-14-lintel-foundation-launches.md";

/** A request for any route: an existing entry as `path`, harmless values for the other parameters. */
function sample(route: RouteInfo): { url: string; body?: unknown } {
  const base = route.path.replace(/\/\*$/, "/index.html");
  const query = new URLSearchParams({ path: "about.md", baseRevision: "0", name: "nobody", folder: "img", collection: "news", url: "/", from: "HEAD", to: "HEAD" });
  return { url: `${base}?${query}`, body: route.method === "GET" ? undefined : {} };
}

describe("every role through every route", () => {
  let site: TeamSite;
  const clients = new Map<string, TeamClient>();
  before(async () => {
    site = await startTeamSite();
    for (const { name } of ONE_OF_EACH) clients.set(name, await site.login(name));
  });
  after(() => site.close());

  /** What a refused request must not have changed: the working copy, the index and every ref. */
  const snapshot = () => `${site.git("for-each-ref", "--format=%(objectname) %(refname)")}\n${site.git("status", "--porcelain=v1", "-uall")}`;

  it("every route declares who may call it", () => {
    const routes = site.studio.router.routes();
    assert.ok(routes.length >= 20, `only ${routes.length} routes`);
    const undeclared = routes.filter((r) => r.action === undefined).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(undeclared, [], "declare { action } when registering these routes");
  });

  it("a role the policy refuses gets 403 and changes nothing; a 403 never changes anything", async () => {
    // Logging out ends the session the walk uses: last.
    const routes = [...site.studio.router.routes()].sort((a, b) => Number(a.path === "/api/logout") - Number(b.path === "/api/logout"));
    const seen: string[] = [];
    for (const { name, role } of ONE_OF_EACH) {
      const client = clients.get(name)!;
      for (const route of routes) {
        const { url, body } = sample(route);
        // Reads change nothing by construction; a refused change is compared with the state before it.
        const before = route.method === "GET" ? "" : snapshot();
        const started = Date.now();
        const controller = new AbortController();
        const res = await fetch(`${site.origin}${url}`, {
          method: route.method,
          headers: { cookie: client.cookie, origin: site.origin, "x-csrf-token": client.csrf, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          redirect: "manual",
        });
        // Streams (the preview's events) answer their status first; nothing more is needed.
        controller.abort();
        const label = `${role} ${route.method} ${url} -> ${res.status}`;
        if (process.env.WALK_LOG) console.log(label, Date.now() - started);
        seen.push(label);
        if (!mayCall({ name, role }, route.action)) assert.equal(res.status, 403, label);
        if (res.status === 403 && route.method !== "GET") assert.equal(snapshot(), before, `${label} changed something`);
        assert.ok(res.status < 500, label);
      }
    }
    assert.ok(seen.length >= 4 * 20);
  });
});

describe("checks that depend on the entry", () => {
  let site: TeamSite;
  let writer: TeamClient;
  let editor: TeamClient;
  let members: TeamClient;
  before(async () => {
    site = await startTeamSite();
    writer = await site.login("wanda");
    editor = await site.login("ed");
    members = await site.login("mo");
  });
  after(() => site.close());

  const read = async (client: TeamClient, file: string) => (await client.api<{ raw: string; revision: string }>("GET", `/api/entry?path=${encodeURIComponent(file)}`)).json;
  const put = async (client: TeamClient, file: string, add: string) => {
    const entry = await read(client, file);
    return client.api<{ error?: { code: string } }>("PUT", `/api/entry?path=${encodeURIComponent(file)}`, { raw: `${entry.raw}\n${add}\n`, baseRevision: entry.revision });
  };

  const snapshot = () => `${site.git("for-each-ref", "--format=%(objectname) %(refname)")}\n${site.git("status", "--porcelain=v1", "-uall")}`;

  it("the roster is the members manager's: writers and editors get 403 and nothing changes", async () => {
    const before = snapshot();
    for (const client of [writer, editor]) {
      const res = await put(client, MEMBER, "Not theirs.");
      assert.equal(res.status, 403, client.user.name);
      assert.equal(res.json.error?.code, "StudioForbidden");
    }
    assert.equal(snapshot(), before);
    const ok = await put(members, MEMBER, "A line from the members manager.");
    assert.equal(ok.status, 200, ok.text);
    // In team mode the save may go to the entry's own branch: the newest commit anywhere.
    assert.match(site.git("log", "-1", "--all", "--format=%an <%ae>"), /^mo <mo@studio\.invalid>/, "the commit is authored by the user");
    const announce = await writer.api("POST", "/api/members/announce", {});
    assert.equal(announce.status, 403);
  });

  it("the members manager edits only the roster", async () => {
    const res = await put(members, NEWS, "Not the members manager's.");
    assert.equal(res.status, 403);
    const created = await members.api("POST", "/api/entry", { collection: "news", title: "Members news" });
    assert.equal(created.status, 403);
  });

  it("a writer may not delete or rename a published entry; an editor may", async () => {
    const entry = await read(writer, "about.md");
    const before = snapshot();
    const del = await writer.api("DELETE", `/api/entry?path=about.md&baseRevision=${entry.revision}`);
    assert.equal(del.status, 403);
    const rename = await writer.api("POST", "/api/entry/rename?path=about.md", { to: "about-us.md" });
    assert.equal(rename.status, 403);
    assert.equal(snapshot(), before);
    assert.ok(readFileSync(path.join(site.dir, "about.md")));
    const byEditor = await editor.api("DELETE", `/api/entry?path=about.md&baseRevision=${entry.revision}`);
    assert.equal(byEditor.status, 200, byEditor.text);
  });
});
