// The media API against a real studio on a copy of the example site: listing with where-used,
// uploads by raw body and by multipart form, refusals, and the commit each upload makes.
import assert from "node:assert/strict";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, TEST_TOKEN, type StudioSite } from "../../../test/support/studio-site.js";
import { pngLogo } from "../../members/temp-site.js";

interface Listing {
  folder: string;
  folders: string[];
  files: { path: string; url: string; copied: boolean; size: number; width?: number; height?: number; usedBy: string[] }[];
}

describe("studio media API", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  const upload = (folder: string, name: string, body: Buffer | FormData, headers: Record<string, string> = {}) =>
    fetch(`${site.origin}/api/media?folder=${encodeURIComponent(folder)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}`, ...(body instanceof FormData ? {} : { "x-file-name": encodeURIComponent(name) }), ...headers },
      body: body instanceof FormData ? body : new Uint8Array(body),
    });

  it("lists a passthrough folder's images with their URL, size and where they are used", async () => {
    const res = await site.api<Listing>("GET", "/api/media?folder=img/members");
    assert.equal(res.status, 200);
    const quillstack = res.json.files.find((f) => f.path === "img/members/quillstack.svg")!;
    assert.equal(quillstack.url, "/img/members/quillstack.svg");
    assert.equal(quillstack.copied, true);
    assert.deepEqual(quillstack.usedBy, ["members/quillstack.md"]);
    assert.ok(res.json.folders.includes("img/news/2023-03-22-openinfra-associate-membership"));
    const seed = await site.api<Listing>("GET", "/api/media?folder=img/news/2023-03-22-openinfra-associate-membership");
    assert.deepEqual(seed.json.files[0]!.usedBy, ["news/2023-03-22-openinfra-associate-membership.md"]);
    assert.deepEqual([seed.json.files[0]!.width, seed.json.files[0]!.height].every((n) => typeof n === "number" && n > 0), true);
  });

  it("stores a raw upload under a safe name, never overwriting, and commits it", async () => {
    const first = await upload("img/news", "Team Photo.png", pngLogo());
    assert.equal(first.status, 201);
    const stored = (await first.json()) as { path: string; url: string; commit: string | null };
    assert.equal(stored.path, "img/news/team-photo.png");
    assert.equal(stored.url, "/img/news/team-photo.png");
    assert.match(String(stored.commit), /^[0-9a-f]{7,40}$/);
    assert.match(site.git("log", "-1", "--format=%s"), /Add img\/news\/team-photo\.png/);
    const second = (await (await upload("img/news", "team photo.png", pngLogo())).json()) as { path: string };
    assert.equal(second.path, "img/news/team-photo-1.png");
  });

  it("takes a multipart form's file too", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(pngLogo())], { type: "image/png" }), "from-form.png");
    const res = await upload("img/uploads", "", form);
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { path: string }).path, "img/uploads/from-form.png");
    assert.ok(existsSync(path.join(site.dir, "img/uploads/from-form.png")));
  });

  it("cleans an SVG's script and tells what it removed", async () => {
    const res = await upload("img/members", "evil.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"><script>alert(2)</script></svg>'));
    assert.equal(res.status, 201);
    const body = (await res.json()) as { path: string; removed: string[] };
    assert.equal(body.removed.length, 2);
    assert.doesNotMatch(readFileSync(path.join(site.dir, body.path), "utf8"), /alert/);
  });

  it("refuses what is not an image, a mismatched name, and unsafe folders, writing nothing", async () => {
    const notImage = await upload("img", "page.png", Buffer.from("<html><script>x</script></html>"));
    assert.equal(notImage.status, 415);
    assert.equal(((await notImage.json()) as { error: { code: string } }).error.code, "MediaNotImage");
    const mismatch = await upload("img", "photo.gif", pngLogo());
    assert.equal(mismatch.status, 415);
    for (const folder of ["../outside", "img/%2e%2e/%2e%2e", "/tmp", ".git", "img/../../x"]) {
      const res = await upload(folder, "a.png", pngLogo());
      assert.equal(res.status, 400, folder);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, "StudioPathUnsafe", folder);
    }
    const outside = path.join(os.tmpdir(), `plinth-media-outside-${process.pid}`);
    symlinkSync(os.tmpdir(), path.join(site.dir, "img", "tmp-link"));
    const linked = await upload("img/tmp-link", `${path.basename(outside)}.png`, pngLogo());
    assert.equal(linked.status, 400);
    assert.equal(existsSync(`${outside}.png`), false);
  });

  it("refuses an upload over the size limit with 413", async () => {
    const res = await upload("img", "huge.png", Buffer.concat([pngLogo(), Buffer.alloc(10 * 1024 * 1024 + 1)]));
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "MediaTooLarge");
    assert.equal(existsSync(path.join(site.dir, "img/huge.png")), false);
  });
});
