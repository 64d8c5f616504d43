/**
 * Member logos: where a `logo` value points (a path in the site or a remote URL), and what
 * the file really is, judged by its first bytes rather than its extension.
 */
import path from "node:path";
import type { MembersSchema } from "./types.js";

export type ImageKind = "png" | "jpeg" | "gif" | "webp" | "avif" | "svg";

export type LogoLocation = { kind: "remote"; url: string } | { kind: "local"; publicPath: string; file: string };

/**
 * `/img/acme.svg` and `img/acme.svg` are paths from the site's input folder; a bare file
 * name (`acme.svg`) lives in the logo folder; `https://...` is remote.
 */
export function locateLogo(value: string, schema: MembersSchema, inputDir: string): LogoLocation {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) return { kind: "remote", url: trimmed };
  const withoutQuery = trimmed.replace(/[?#].*$/, "");
  const relative = withoutQuery.includes("/") ? withoutQuery.replace(/^\/+/, "") : `${schema.logoFolder}/${withoutQuery}`;
  const publicPath = `/${path.posix.normalize(relative)}`;
  let decoded = publicPath;
  try {
    decoded = decodeURIComponent(publicPath);
  } catch {
    // A stray `%` is a literal character in the file name.
  }
  return { kind: "local", publicPath, file: path.join(inputDir, ...decoded.split("/")) };
}

const SIGNATURES: { kind: ImageKind; test: (b: Buffer) => boolean }[] = [
  { kind: "png", test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { kind: "jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { kind: "gif", test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1")) },
  { kind: "webp", test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  // AVIF is an ISO-BMFF file whose `ftyp` box names an AVIF brand.
  { kind: "avif", test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" && /avi[fs]/.test(b.subarray(8, 32).toString("latin1")) },
  { kind: "svg", test: isSvgText },
];

function isSvgText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "");
  // Skip the XML declaration, comments and a doctype before the root element.
  const rest = head.replace(/^\s*(<\?xml[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, "");
  return /^<svg[\s>]/i.test(rest);
}

/** The image format of a file's bytes, or undefined when they are not a supported image. */
export function sniffImage(bytes: Buffer): ImageKind | undefined {
  return SIGNATURES.find((signature) => signature.test(bytes))?.kind;
}

/** Whether the root `<svg>` element carries a `viewBox`, without which it cannot scale. */
export function svgHasViewBox(bytes: Buffer): boolean {
  const open = /<svg\b[^>]*>/i.exec(bytes.toString("utf8"));
  return open !== null && /\sviewBox\s*=\s*["'][^"']+["']/.test(open[0]);
}

/** The usual extension for each image kind, for naming copied logos. */
export const IMAGE_EXTENSIONS: Record<ImageKind, string> = { png: "png", jpeg: "jpg", gif: "gif", webp: "webp", avif: "avif", svg: "svg" };

/** Which kinds an extension claims, to warn when a `.png` holds a JPEG. */
export function kindOfExtension(file: string): ImageKind | undefined {
  const ext = path.extname(file).slice(1).toLowerCase();
  return ext === "jpg" ? "jpeg" : (Object.keys(IMAGE_EXTENSIONS) as ImageKind[]).find((kind) => kind === ext);
}
