// The studio's front door: the token (Bearer, cookie, ?token=), Host and Origin checks, the CSP,
// path safety on the API and the JSON error shape, against a real server on a copy of the example site.
import assert from "node:assert/strict";
import { symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, TEST_TOKEN, type StudioSite } from "../../../test/support/studio-site.js";

interface ErrorBody {
  error: { code: string; message: string; hint: string };
}

describe("studio server: access", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  it("refuses a request without the token with 401 and a JSON error", async () => {
    const res = await site.api<ErrorBody>("GET", "/api/site", undefined, { auth: false });
    assert.equal(res.status, 401);
    assert.equal(res.json.error.code, "StudioUnauthorized");
    assert.match(res.json.error.hint, /token/);
  });

  it("refuses a wrong Bearer token", async () => {
    const res = await site.api("GET", "/api/site", undefined, { auth: false, headers: { authorization: "Bearer nope" } });
    assert.equal(res.status, 401);
  });

  it("answers with a Bearer token", async () => {
    const res = await site.api<{ git: boolean; pathPrefix: string }>("GET", "/api/site");
    assert.equal(res.status, 200);
    assert.equal(res.json.git, true);
    assert.equal(res.json.pathPrefix, "/");
  });

  it("turns ?token= into an HttpOnly SameSite=Strict cookie and drops it from the address", async () => {
    const res = await fetch(`${site.origin}/?token=${TEST_TOKEN}&x=1`, { redirect: "manual" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/?x=1");
    const cookie = res.headers.get("set-cookie") ?? "";
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const pair = cookie.split(";")[0]!;
    const again = await fetch(`${site.origin}/api/site`, { headers: { cookie: pair } });
    assert.equal(again.status, 200);
    const wrong = await fetch(`${site.origin}/api/site`, { headers: { cookie: `${pair.split("=")[0]}=wrong` } });
    assert.equal(wrong.status, 401);
  });

  it("refuses a state-changing request from another origin, even with the cookie", async () => {
    const cookie = `plinth_studio_${new URL(site.origin).port}=${TEST_TOKEN}`;
    const foreign = await fetch(`${site.origin}/api/entry?path=about.md`, { method: "DELETE", headers: { cookie, origin: "http://evil.example" } });
    assert.equal(foreign.status, 403);
    assert.equal(((await foreign.json()) as ErrorBody).error.code, "StudioForbiddenOrigin");
    // A cookie alone, without any Origin, is not enough to change something.
    const bare = await fetch(`${site.origin}/api/entry?path=about.md`, { method: "DELETE", headers: { cookie } });
    assert.equal(bare.status, 403);
    const bearerForeign = await site.api("DELETE", "/api/entry?path=about.md", undefined, { headers: { origin: "http://evil.example" } });
    assert.equal(bearerForeign.status, 403);
  });

  it("refuses a Host header that is not this server (DNS rebinding)", async () => {
    const { port } = new URL(site.origin);
    const res = await new Promise<number>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const req = request({ host: "127.0.0.1", port, path: "/api/site", headers: { host: `evil.example:${port}`, authorization: `Bearer ${TEST_TOKEN}` } }, (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      }, reject);
    });
    assert.equal(res, 403);
  });

  it("sends the CSP without inline scripts on the app, the API and errors", async () => {
    for (const res of [await fetch(`${site.origin}/`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }), await fetch(`${site.origin}/api/site`)]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    }
  });

  it("serves the site's own files for the preview frame, framed only by the studio", async () => {
    const res = await fetch(`${site.origin}/css/site.css`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'self'/);
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const res = await site.api<ErrorBody>("GET", "/api/nothing-here");
    assert.equal(res.status, 404);
    assert.equal(res.json.error.code, "StudioNotFound");
  });
});

describe("studio server: paths", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite({ git: false });
    const outside = path.join(os.tmpdir(), `plinth-outside-${process.pid}.md`);
    writeFileSync(outside, "---\ntitle: secret\n---\nsecret\n");
    symlinkSync(outside, path.join(site.dir, "linked.md"));
    symlinkSync(os.tmpdir(), path.join(site.dir, "linked-folder"));
  });
  after(() => site.close());

  for (const bad of ["../etc/passwd", "news/../../x.md", "%2e%2e/x.md", "%252e%252e/x.md", "/etc/passwd", "news\\x.md", "linked.md", "linked-folder/x.md", ".git/config", "news//x.md"]) {
    it(`refuses ${bad}`, async () => {
      const res = await site.api<ErrorBody>("GET", `/api/entry?path=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, JSON.stringify(res.json));
      assert.equal(res.json.error.code, "StudioPathUnsafe");
    });
  }

  it("says when the site is not a git repository", async () => {
    const res = await site.api<{ git: boolean }>("GET", "/api/site");
    assert.equal(res.json.git, false);
  });
});
