// The team studio's security list (issue 14), each against a running studio with accounts,
// through a logged-in browser-like client: CSRF and fixation and brute force are in
// login.test.ts; here stored XSS at the API, SVG scripts, path traversal, framing, the CSP,
// upload limits, and no secrets in logs or error messages.
import assert from "node:assert/strict";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { pngLogo } from "../../members/temp-site.js";
import { TEST_TOKEN } from "../../../test/support/studio-site.js";
import { PASSWORD, startTeamSite, type TeamClient, type TeamSite } from "../../../test/support/studio-team.js";

interface ErrorBody {
  error: { code: string; message: string; hint: string };
}

describe("team studio security", () => {
  let site: TeamSite;
  let writer: TeamClient;
  let members: TeamClient;
  /** Every answer's text, to look for secrets in. */
  const answers: string[] = [];
  const secrets: string[] = [PASSWORD, TEST_TOKEN];
  before(async () => {
    site = await startTeamSite();
    writer = await site.login("wanda");
    members = await site.login("mo");
    secrets.push(writer.csrf, writer.cookie.split("=")[1]!, members.csrf, members.cookie.split("=")[1]!);
  });
  after(() => site.close());

  const upload = (client: TeamClient, folder: string, name: string, bytes: Buffer) =>
    fetch(`${site.origin}/api/media?folder=${encodeURIComponent(folder)}`, {
      method: "POST",
      headers: { cookie: client.cookie, origin: site.origin, "x-csrf-token": client.csrf, "x-file-name": encodeURIComponent(name) },
      body: new Uint8Array(bytes),
    });

  it("stored XSS: markup in titles, field values and file names is kept as text and answered as JSON only", async () => {
    const evil = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
    const created = await writer.api<{ path: string; raw: string }>("POST", "/api/entry", { collection: "news", title: `News ${evil}`, frontMatter: { summary: evil } });
    assert.equal(created.status, 201, created.text);
    answers.push(created.text);
    assert.match(created.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(created.headers.get("x-content-type-options"), "nosniff");
    const entry = await writer.api<{ raw: string }>("GET", `/api/entry?path=${encodeURIComponent(created.json.path)}`);
    assert.ok(entry.json.raw.includes(evil), "the text is kept as written: escaping is the app's job when it shows it");
    assert.doesNotMatch(created.json.path, /[<>"]/, "the file name made from the title has no markup");
    const named = await upload(members, "img/members", `<svg onload=alert(1)>.png`, pngLogo());
    assert.equal(named.status, 201);
    assert.doesNotMatch(((await named.json()) as { path: string }).path, /[<>=()]/);
  });

  it("an SVG upload loses its scripts and event handlers", async () => {
    const res = await upload(members, "img/members", "logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="1" height="1"/></a></svg>'));
    assert.equal(res.status, 201);
    const stored = readFileSync(path.join(site.dir, ((await res.json()) as { path: string }).path), "utf8");
    assert.doesNotMatch(stored, /alert|script|onload|javascript:/i);
  });

  it("path traversal in entry paths and upload folders: .., encoded, absolute, symlinks", async () => {
    const outside = path.join(os.tmpdir(), `plinth-team-outside-${process.pid}.md`);
    writeFileSync(outside, "---\ntitle: secret\n---\nsecret\n");
    symlinkSync(outside, path.join(site.dir, "linked.md"));
    symlinkSync(os.tmpdir(), path.join(site.dir, "img", "linked-folder"));
    for (const bad of ["../x.md", "news/../../x.md", "%2e%2e/x.md", "%252e%252e/x.md", "/etc/passwd", "linked.md", ".git/config", ".plinth-studio/users.json"]) {
      const read = await writer.api<ErrorBody>("GET", `/api/entry?path=${encodeURIComponent(bad)}`);
      assert.equal(read.status, 400, bad);
      assert.equal(read.json.error.code, "StudioPathUnsafe", bad);
      const write = await writer.api<ErrorBody>("PUT", `/api/entry?path=${encodeURIComponent(bad)}`, { raw: "pwned", baseRevision: "0" });
      assert.equal(write.status, 400, bad);
    }
    assert.equal(readFileSync(outside, "utf8"), "---\ntitle: secret\n---\nsecret\n");
    for (const folder of ["../outside", "img/%2e%2e/%2e%2e", "/tmp", ".git", ".plinth-studio", "img/linked-folder"]) {
      const res = await upload(members, folder, "a.png", pngLogo());
      assert.equal(res.status, 400, folder);
    }
    assert.equal(existsSync(path.join(os.tmpdir(), "a.png")), false);
  });

  it("clickjacking: the app and the preview may be framed by the studio only", async () => {
    for (const url of ["/", "/api/me", "/preview/"]) {
      const res = await fetch(`${site.origin}${url}`, { headers: { cookie: writer.cookie } });
      assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'self'/, url);
      assert.equal(res.headers.get("x-frame-options"), "SAMEORIGIN", url);
    }
  });

  it("the app's Content-Security-Policy has no unsafe-inline or unsafe-eval, before and after login", async () => {
    for (const cookie of ["", writer.cookie]) {
      const csp = (await fetch(`${site.origin}/`, { headers: { cookie } })).headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    }
  });

  it("uploads and request bodies have size limits", async () => {
    const huge = await upload(members, "img", "huge.png", Buffer.concat([pngLogo(), Buffer.alloc(10 * 1024 * 1024 + 1)]));
    assert.equal(huge.status, 413);
    assert.equal(existsSync(path.join(site.dir, "img/huge.png")), false);
    const login = await fetch(`${site.origin}/api/login`, { method: "POST", headers: { origin: site.origin, "content-type": "application/json" }, body: JSON.stringify({ name: "x", password: "y".repeat(64 * 1024) }) });
    assert.equal(login.status, 413, "a login body is small");
  });

  it("no secrets in logs or error messages: passwords, session ids, CSRF and set-password tokens, the access token", async () => {
    const ada = await site.login("ada");
    secrets.push(ada.csrf, ada.cookie.split("=")[1]!);
    const added = await ada.api<{ link: string }>("POST", "/api/users", { name: "sam", role: "writer" });
    const linkToken = added.json.link.split("=").pop()!;
    secrets.push(linkToken);
    const failures = [
      await fetch(`${site.origin}/api/login`, { method: "POST", headers: { origin: site.origin, "content-type": "application/json" }, body: JSON.stringify({ name: "sam", password: "sam's wrong secret" }) }),
      await fetch(`${site.origin}/api/set-password`, { method: "POST", headers: { origin: site.origin, "content-type": "application/json" }, body: JSON.stringify({ token: linkToken, password: "tiny" }) }),
      await fetch(`${site.origin}/api/set-password`, { method: "POST", headers: { origin: site.origin, "content-type": "application/json" }, body: JSON.stringify({ token: `${linkToken}x`, password: "sam's new passphrase" }) }),
      await fetch(`${site.origin}/api/me`, { headers: { cookie: `${writer.cookie}x` } }),
      await fetch(`${site.origin}/api/entry?path=about.md`, { method: "PUT", headers: { cookie: writer.cookie, origin: site.origin, "x-csrf-token": `${writer.csrf}x` }, body: "{}" }),
      await fetch(`${site.origin}/api/site`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }),
    ];
    // A body that is not JSON: the parser's message would quote it.
    failures.push(await fetch(`${site.origin}/api/login`, { method: "POST", headers: { origin: site.origin, "content-type": "application/json" }, body: `"${PASSWORD}"` }));
    for (const res of failures) {
      assert.ok(res.status >= 400);
      answers.push(await res.text());
    }
    secrets.push("sam's wrong secret", "sam's new passphrase");
    const set = await fetch(`${site.origin}/api/set-password`, { method: "POST", headers: { origin: site.origin, "content-type": "application/json" }, body: JSON.stringify({ token: linkToken, password: "sam's new passphrase" }) });
    assert.equal(set.status, 200);
    await site.login("sam", "sam's new passphrase");
    const logs = site.logs.join("\n");
    assert.match(logs, /login failed for "sam"/, "the failure is logged");
    for (const secret of secrets) {
      assert.ok(!logs.includes(secret), `a secret in the log: ${secret.slice(0, 4)}…`);
      for (const answer of answers) assert.ok(!answer.includes(secret), `a secret in an answer: ${secret.slice(0, 4)}…`);
    }
    const stored = readFileSync(path.join(site.dir, ".plinth-studio", "users.json"), "utf8") + readFileSync(path.join(site.dir, ".plinth-studio", "sessions.json"), "utf8");
    for (const secret of secrets) assert.ok(!stored.includes(secret), "the state folder keeps hashes, not secrets");
  });
});
