import assert from "node:assert/strict";
import { test } from "node:test";
import { parseMemberDate } from "./dates.js";
import { kindOfExtension, locateLogo, sniffImage, svgHasViewBox } from "./logo.js";
import { loadMembersSchema } from "./schema.js";
import { pngLogo, SVG_LOGO } from "./temp-site.js";

test("image formats are recognised by their first bytes", () => {
  const bytes = (...parts: (number[] | string)[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
  assert.equal(sniffImage(pngLogo()), "png");
  assert.equal(sniffImage(bytes([0xff, 0xd8, 0xff, 0xdb], "rest")), "jpeg");
  assert.equal(sniffImage(bytes("GIF89a", [1, 0, 1, 0])), "gif");
  assert.equal(sniffImage(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")), "webp");
  assert.equal(sniffImage(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "avifmif1")), "avif");
  assert.equal(sniffImage(Buffer.from(SVG_LOGO)), "svg");
  assert.equal(sniffImage(Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg viewBox="0 0 1 1"/>')), "svg");
});

test("text, HTML and truncated files are not images", () => {
  assert.equal(sniffImage(Buffer.from("<html><body>404</body></html>")), undefined);
  assert.equal(sniffImage(Buffer.from("PNG")), undefined);
  assert.equal(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47])), undefined);
  assert.equal(sniffImage(Buffer.from("<svgx>")), undefined);
  assert.equal(sniffImage(Buffer.alloc(0)), undefined);
});

test("an SVG's viewBox is read from its root element only", () => {
  assert.equal(svgHasViewBox(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>')), true);
  assert.equal(svgHasViewBox(Buffer.from("<svg width='10'\n  viewBox='0 0 10 10'></svg>")), true);
  assert.equal(svgHasViewBox(Buffer.from('<svg width="10"><symbol viewBox="0 0 1 1"/></svg>')), false);
  assert.equal(svgHasViewBox(Buffer.from('<svg viewBox=""></svg>')), false);
});

test("logo values resolve to site paths, the logo folder, or remote URLs", () => {
  const { schema } = loadMembersSchema("/nonexistent");
  assert.deepEqual(locateLogo("/img/members/a%20b.svg", schema, "/site"), { kind: "local", publicPath: "/img/members/a%20b.svg", file: "/site/img/members/a b.svg" });
  assert.deepEqual(locateLogo("img/x/../acme.png?v=2", schema, "/site"), { kind: "local", publicPath: "/img/acme.png", file: "/site/img/acme.png" });
  assert.deepEqual(locateLogo("acme.svg", schema, "/site"), { kind: "local", publicPath: "/img/members/acme.svg", file: "/site/img/members/acme.svg" });
  assert.deepEqual(locateLogo("https://cdn.example.com/a.svg", schema, "/site"), { kind: "remote", url: "https://cdn.example.com/a.svg" });
  assert.equal(kindOfExtension("a.JPG"), "jpeg");
  assert.equal(kindOfExtension("a.txt"), undefined);
});

test("member dates come out as YYYY-MM-DD and impossible dates are refused", () => {
  assert.deepEqual(parseMemberDate(new Date("2023-03-22T00:00:00Z")), { ok: true, date: "2023-03-22" });
  assert.deepEqual(parseMemberDate("2023-03-22T12:30:00Z"), { ok: true, date: "2023-03-22" });
  assert.deepEqual(parseMemberDate(undefined), { ok: true, date: null });
  assert.deepEqual(parseMemberDate("2023-02-29"), { ok: false });
  assert.deepEqual(parseMemberDate(2023), { ok: false });
  assert.deepEqual(parseMemberDate("March 2023"), { ok: false });
});
