/**
 * Throwaway sites for the members tests: a folder in the system's temp directory filled
 * from a map of relative paths to contents, plus small real images to use as logos.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";

/** Every site made by this test process, removed when it exits: tests share them freely. */
const made = new Set<string>();
process.once("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function makeTempSite(files: Record<string, string | Buffer>, prefix = "plinth-members-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export const SVG_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 64"><rect width="160" height="64"/></svg>\n';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid 1×1 grey PNG. */
export function pngLogo(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0x80]))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A member file's text from its front matter lines. */
export function memberMd(...lines: string[]): string {
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Private values planted in the sample site; no output may contain any of them. */
export const PRIVATE_MARKERS = ["jane.private@acme.example.com", "INVOICE-PRIVATE-7731", "+1-555-PRIVATE", "phone", "contacts", "billing"];

/**
 * A small foundation: four tiers, members of every status, a founder, names that need
 * quoting and escaping, private fields, and an affiliation.
 */
export function sampleSite(extra: Record<string, string | Buffer> = {}): string {
  return makeTempSite({
    "_data/site.json": JSON.stringify({ name: "Lintel Foundation", url: "https://lintel.example.org" }),
    "_data/tiers.json": JSON.stringify({
      private: ["phone"],
      tiers: [
        { id: "platinum", name: "Platinum", order: 1, featured: true },
        { id: "gold", name: "Gold", order: 2 },
        { id: "silver", name: "Silver", order: 3 },
        { id: "associate", name: "Associate", order: 4, description: "For non-profits and educational institutions." },
      ],
    }),
    "_data/affiliations.json": JSON.stringify([{ organisation: "OpenInfra Foundation", url: "https://openinfra.dev/", tier: "Associate", since: "2023-03-22" }]),
    "members/acme.md": memberMd(
      "name: Acme Corporation", "level: platinum", "logo: /img/members/acme.svg", "url: https://acme.example.com/", "founder: true",
      "status: active", "joined: 2021-02-08", 'description: Makers of "everything", and more.', "quote: We build on Lintel.",
      "phone: +1-555-PRIVATE-0100", "contacts:", "  - name: Jane Roe", "    email: jane.private@acme.example.com", "billing:", "  plan: INVOICE-PRIVATE-7731",
    ),
    "members/zenith.md": memberMd("name: Zenith", "level: gold", "logo: zenith.png", "url: https://zenith.example.com/", "joined: 2022-06-01"),
    "members/beacon.md": memberMd("name: beacon, Inc.", "level: gold", "logo: /img/members/beacon.svg", "url: https://beacon.example.com/", "status: active", "joined: 2023-01-15"),
    "members/hyperlink.md": memberMd("name: =HYPERLINK(1)", "level: silver", "logo: /img/members/acme.svg", "url: https://formula.example.com/", "joined: 2023-09-30"),
    "members/hooli.md": memberMd("name: Hooli", "level: silver", "logo: /img/members/acme.svg", "url: https://hooli.example.com/", "status: pending"),
    "members/stark.md": memberMd("name: Stark Industries", "level: gold", "logo: /img/members/acme.svg", "url: https://stark.example.com/", "status: lapsed", "joined: 2021-05-01", "left: 2023-04-30"),
    "members/oscorp.md": memberMd("name: Oscorp", "level: silver", "logo: /img/members/acme.svg", "url: https://oscorp.example.com/", "status: suspended", "joined: 2022-03-03"),
    "members/tyrell.md": memberMd("name: Tyrell University", "tier: Associate", "logo: /img/members/acme.svg", "url: https://tyrell.example.edu/", "joined: 2024-03-22"),
    "members/index.md": "---\ntitle: Members\n---\nThe roster page, not a member.\n",
    "img/members/acme.svg": SVG_LOGO,
    "img/members/beacon.svg": SVG_LOGO,
    "img/members/zenith.png": pngLogo(),
    ...extra,
  });
}
