// The links and rename API against a real studio on a copy of the example site.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";

interface Pages {
  pages: { path: string; url: string; title?: string }[];
}

const POST = "news/2023-03-22-openinfra-associate-membership.md";

describe("studio links and rename API", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  it("lists the pages whose built HTML links to a URL", async () => {
    const res = await site.api<Pages>("GET", "/api/links?url=/news/2023-03-22-openinfra-associate-membership/");
    assert.equal(res.status, 200);
    const paths = res.json.pages.map((p) => p.path);
    assert.ok(paths.includes("news.njk"), paths.join(", "));
    assert.ok(paths.every((p) => p !== POST));
    const byEntry = await site.api<Pages>("GET", `/api/links?path=${encodeURIComponent(POST)}`);
    assert.deepEqual(byEntry.json.pages, res.json.pages);
  });

  it("renames an entry with one commit and answers the pages that linked to its old URL", async () => {
    const before = await site.api<Pages>("GET", `/api/links?path=${encodeURIComponent(POST)}`);
    const res = await site.api<{ path: string; commit: string | null; linkedFrom: Pages["pages"] }>("POST", `/api/entry/rename?path=${encodeURIComponent(POST)}`, { to: "news/2023-03-22-openinfra.md" }, { headers: { origin: site.origin } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.path, "news/2023-03-22-openinfra.md");
    assert.deepEqual(res.json.linkedFrom, before.json.pages);
    assert.ok(res.json.linkedFrom.length > 0);
    assert.equal(existsSync(path.join(site.dir, POST)), false);
    assert.ok(existsSync(path.join(site.dir, "news/2023-03-22-openinfra.md")));
    assert.equal(site.git("status", "--porcelain", "--", "news"), "");
    assert.match(site.git("show", "--stat", "--format=%s", "HEAD"), /Rename news\/2023-03-22-openinfra-associate-membership\.md to news\/2023-03-22-openinfra\.md/);
  });

  it("adds the old URL to the site's redirects file, in the same commit, when the site keeps one", async () => {
    writeFileSync(path.join(site.dir, "_data/redirects.json"), '{\n  "/old-about/": "/about/"\n}\n');
    site.git("add", "_data/redirects.json");
    site.git("commit", "-qm", "redirects");
    const res = await site.api<{ redirect: { from: string; to: string; file: string } | null }>("POST", "/api/entry/rename?path=about.md", { to: "who-we-are.md" }, { headers: { origin: site.origin } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.redirect, { from: "/about/", to: "/who-we-are/", file: "_data/redirects.json" });
    // The chain is re-pointed: the older redirect to /about/ now leads to the new URL too.
    assert.deepEqual(JSON.parse(readFileSync(path.join(site.dir, "_data/redirects.json"), "utf8")), { "/old-about/": "/who-we-are/", "/about/": "/who-we-are/" });
    assert.equal(site.git("status", "--porcelain"), "");
    assert.deepEqual(site.git("show", "--name-only", "--no-renames", "--format=", "HEAD").trim().split("\n").sort(), ["_data/redirects.json", "about.md", "who-we-are.md"]);
    const back = await site.api<{ redirect: unknown }>("POST", "/api/entry/rename?path=who-we-are.md", { to: "about.md", redirect: false }, { headers: { origin: site.origin } });
    assert.equal(back.status, 200, back.text);
    assert.equal(back.json.redirect, null, "redirect: false moves the file only");
  });

  it("refuses to rename over another entry, or out of the site", async () => {
    const over = await site.api<{ error: { code: string } }>("POST", "/api/entry/rename?path=about.md", { to: "404.md" }, { headers: { origin: site.origin } });
    assert.equal(over.status, 409);
    assert.equal(over.json.error.code, "StudioExists");
    const out = await site.api<{ error: { code: string } }>("POST", "/api/entry/rename?path=about.md", { to: "../about.md" }, { headers: { origin: site.origin } });
    assert.equal(out.status, 400);
    assert.equal(out.json.error.code, "StudioPathUnsafe");
    assert.ok(existsSync(path.join(site.dir, "about.md")));
  });
});
