import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { makeTempSite, pngLogo, SVG_LOGO } from "../../members/temp-site.js";
import { folderSegments, resolveSiteFolder, safeFileName } from "./site-folder.js";
import { storeUpload } from "./upload.js";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);

test("file names become slugs with the extension of the real format", () => {
  assert.equal(safeFileName("My Photo (1).PNG", "png"), "my-photo-1.png");
  assert.equal(safeFileName("Ünïcode Straße.jpeg", "jpeg"), "uenicode-strasse.jpeg");
  assert.equal(safeFileName("C:\\Users\\me\\Desktop\\team.jpg", "jpeg"), "team.jpg");
  assert.equal(safeFileName("../../etc/passwd.png", "png"), "passwd.png");
  assert.equal(safeFileName(".hidden.svg", "svg"), "hidden.svg");
  assert.equal(safeFileName("pasted", "webp"), "pasted.webp");
  assert.equal(safeFileName("….gif", "gif"), "image.gif");
  assert.ok(safeFileName(`${"long ".repeat(60)}.png`, "png").length <= 84);
});

test("an extension naming another format, or none at all, is refused", () => {
  assert.throws(() => safeFileName("photo.png", "jpeg"), { code: "MediaTypeMismatch", status: 415 });
  assert.throws(() => safeFileName("logo.html", "svg"), { code: "MediaTypeMismatch" });
  assert.throws(() => safeFileName("logo.svg.exe", "svg"), { code: "MediaTypeMismatch" });
});

test("folders must be plain relative paths inside the site", () => {
  assert.deepEqual(folderSegments("img/news/"), ["img", "news"]);
  assert.deepEqual(folderSegments(""), []);
  for (const bad of ["..", "img/../..", "img/./x", "/etc", "C:/Windows", "img\\..\\..", "%2e%2e", "img/%252e%252e", ".git", "img/.hidden", "node_modules/x", "_site/img", "a//b", "img\u0000"]) {
    assert.throws(() => folderSegments(bad), { code: "StudioPathUnsafe" }, bad);
  }
});

test("a folder that leads outside the site through a link is refused", () => {
  const site = makeTempSite({ "img/a.png": pngLogo() });
  const outside = makeTempSite({ "secret.txt": "x" });
  symlinkSync(outside, path.join(site, "img", "escape"));
  assert.throws(() => resolveSiteFolder(site, "img/escape"), { code: "StudioPathUnsafe" });
  assert.throws(() => resolveSiteFolder(site, "img/escape/deeper/still"), { code: "StudioPathUnsafe" });
  assert.throws(() => storeUpload({ inputDir: site, folder: "img/escape", fileName: "a.png", bytes: pngLogo() }), { code: "StudioPathUnsafe" });
  assert.deepEqual(readdirSync(outside), ["secret.txt"]);
  assert.equal(resolveSiteFolder(site, "img/new/folder"), path.join(site, "img", "new", "folder"));
});

test("an upload is stored under a safe name and never overwrites", () => {
  const site = makeTempSite({ "img/news/photo.png": "existing" });
  const first = storeUpload({ inputDir: site, folder: "img/news", fileName: "Photo.png", bytes: pngLogo() });
  const second = storeUpload({ inputDir: site, folder: "img/news", fileName: "photo.png", bytes: pngLogo() });
  assert.equal(first.path, "img/news/photo-1.png");
  assert.equal(second.path, "img/news/photo-2.png");
  assert.equal(readFileSync(path.join(site, "img/news/photo.png"), "utf8"), "existing");
  assert.deepEqual(readFileSync(path.join(site, first.path)), pngLogo());
  assert.equal(first.kind, "png");
  assert.deepEqual([first.width, first.height], [1, 1]);
  // No temporary file is left behind.
  assert.deepEqual(readdirSync(path.join(site, "img/news")).sort(), ["photo-1.png", "photo-2.png", "photo.png"]);
});

test("uploads create their folder, inside the site only", () => {
  const site = makeTempSite({});
  const stored = storeUpload({ inputDir: site, folder: "img/people", fileName: "jane.jpg", bytes: JPEG });
  assert.equal(stored.path, "img/people/jane.jpg");
  assert.ok(existsSync(path.join(site, "img/people/jane.jpg")));
  assert.throws(() => storeUpload({ inputDir: site, folder: "../elsewhere", fileName: "jane.jpg", bytes: JPEG }), { code: "StudioPathUnsafe" });
  assert.throws(() => storeUpload({ inputDir: site, folder: path.join(os.tmpdir(), "x"), fileName: "jane.jpg", bytes: JPEG }), { code: "StudioPathUnsafe" });
  assert.ok(!existsSync(path.join(path.dirname(site), "elsewhere")));
  writeFileSync(path.join(site, "page.md"), "x");
  assert.throws(() => storeUpload({ inputDir: site, folder: "page.md/img", fileName: "jane.jpg", bytes: JPEG }), { code: "StudioPathUnsafe", status: 400 });
});

test("the type comes from the bytes: text named .png is refused, a JPEG named .png too", () => {
  const site = makeTempSite({});
  assert.throws(() => storeUpload({ inputDir: site, folder: "img", fileName: "x.png", bytes: Buffer.from("<html>hi</html>") }), { code: "MediaNotImage", status: 415 });
  assert.throws(() => storeUpload({ inputDir: site, folder: "img", fileName: "x.png", bytes: JPEG }), { code: "MediaTypeMismatch" });
  assert.throws(() => storeUpload({ inputDir: site, folder: "img", fileName: "x.png", bytes: Buffer.alloc(0) }), { code: "MediaNotImage" });
  assert.ok(!existsSync(path.join(site, "img")), "nothing is written for a refused upload");
});

test("the size limit is checked before anything is written", () => {
  const site = makeTempSite({});
  const big = Buffer.concat([pngLogo(), Buffer.alloc(2048)]);
  assert.throws(() => storeUpload({ inputDir: site, folder: "img", fileName: "big.png", bytes: big, maxBytes: 1024 }), { code: "MediaTooLarge", status: 413 });
  assert.equal(storeUpload({ inputDir: site, folder: "img", fileName: "big.png", bytes: big, maxBytes: 4096 }).path, "img/big.png");
});

test("an SVG with a script is stored cleaned; one without viewBox gets a warning", () => {
  const site = makeTempSite({});
  const stored = storeUpload({ inputDir: site, folder: "img/members", fileName: "acme.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2" onload="alert(1)"><script>alert(2)</script><rect width="4" height="2"/></svg>') });
  const text = readFileSync(path.join(site, stored.path), "utf8");
  assert.doesNotMatch(text, /alert|script|onload/);
  assert.equal(stored.removed.length, 2);
  assert.deepEqual(stored.warnings, []);
  assert.deepEqual([stored.width, stored.height], [4, 2]);
  const plain = storeUpload({ inputDir: site, folder: "img/members", fileName: "plain.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>') });
  assert.match(plain.warnings[0]!, /viewBox/);
  assert.equal(readFileSync(path.join(site, "img/members/plain.svg"), "utf8"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  assert.equal(storeUpload({ inputDir: site, folder: "img/members", fileName: "logo.svg", bytes: Buffer.from(SVG_LOGO) }).removed.length, 0);
});

test("a file planted where the next numbered name would go is skipped, not replaced", () => {
  const site = makeTempSite({});
  mkdirSync(path.join(site, "img"));
  writeFileSync(path.join(site, "img/a.png"), "1");
  writeFileSync(path.join(site, "img/a-1.png"), "2");
  assert.equal(storeUpload({ inputDir: site, folder: "img", fileName: "a.png", bytes: pngLogo() }).path, "img/a-2.png");
  assert.equal(readFileSync(path.join(site, "img/a-1.png"), "utf8"), "2");
});
