/**
 * `plinth serve` on a site using @11ty/eleventy-img, as Eleventy's dev server runs it. In serve
 * mode the image transform points <img> at `/.11ty/image/?src=…` and answers those requests
 * through `setServerOptions({ onRequest })`; the `Image()` shortcode writes its files into the
 * output folder itself, and the server must find them there although pages come from memory.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { cacheFile } from "../../src/write/disk-writer.js";
import { fetchText, removeDir, repoRoot, ServeProcess } from "./serve-process.js";

async function fetchBytes(url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get("content-type"), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("plinth serve with @11ty/eleventy-img", () => {
  let dir: string;
  let serve: ServeProcess;
  let url: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "plinth-serve-img-"));
    cpSync(path.join(repoRoot, "test", "fixtures", "plugin-eleventy-img"), dir, { recursive: true });
    // The site's config imports the plugin by name: link it from the repository's dependencies
    // (its own dependencies resolve from where it really is). node_modules stays the site's
    // own folder, so Plinth's cache goes there and not into the repository's.
    mkdirSync(path.join(dir, "node_modules", "@11ty"), { recursive: true });
    symlinkSync(path.join(repoRoot, "node_modules", "@11ty", "eleventy-img"), path.join(dir, "node_modules", "@11ty", "eleventy-img"), "dir");
    // A page an earlier `plinth build` wrote, which the site no longer has: it must not be served.
    mkdirSync(path.join(dir, "_site", "old"), { recursive: true });
    writeFileSync(path.join(dir, "_site", "old", "index.html"), "<p>stale</p>\n");
    writeFileSync(path.join(dir, "_site", "robots.txt"), "User-agent: *\n");
    const output = path.join(dir, "_site");
    const manifest = cacheFile(dir, output, "output");
    mkdirSync(path.dirname(manifest), { recursive: true });
    writeFileSync(manifest, JSON.stringify({ "old/index.html": { stamp: "x" } }));
    ({ serve, url } = await ServeProcess.start(dir));
  });
  after(async () => {
    await serve?.stop();
    if (dir) removeDir(dir);
  });

  test("the transform points images at the on-request URLs, and the server makes them", async () => {
    const page = await fetchText(url);
    assert.equal(page.status, 200);
    const sources = [...page.body.matchAll(/\/\.11ty\/image\/\?src=images%2Fphoto\.jpg&width=(\d+)&format=(\w+)&via=transform/g)];
    assert.deepEqual([...new Set(sources.map((m) => `${m[1]} ${m[2]}`))].sort(), ["48 jpeg", "48 webp", "96 jpeg", "96 webp"]);
    const image = await fetchBytes(`${url}.11ty/image/?src=images%2Fphoto.jpg&width=48&format=webp&via=transform`);
    assert.equal(image.status, 200);
    assert.equal(image.type, "image/webp");
    const meta = await sharp(image.bytes).metadata();
    assert.equal(meta.format, "webp");
    assert.equal(meta.width, 48);
  });

  test("files a plugin wrote into the output folder are served; pages an earlier build left are not", async () => {
    const made = await fetchBytes(`${url}shortcode-img/4GwSgkjRH6-32.png`);
    assert.equal(made.status, 200);
    assert.equal(made.type, "image/png");
    assert.equal((await sharp(made.bytes).metadata()).width, 32);
    assert.equal((await fetchText(`${url}robots.txt`)).body, "User-agent: *\n");
    assert.equal((await fetchText(`${url}old/`)).status, 404);
  });
});
