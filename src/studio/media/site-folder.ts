/**
 * Folders and file names the media library may write: a folder named by the browser must be a
 * plain relative path inside the site's input folder (no `..`, no `%`-escapes that decode to
 * one, no absolute or Windows paths, no hidden folders, no link leading outside), and an
 * uploaded file's name becomes a slug with the extension of what its bytes really are.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import { isInside } from "../../members/safe-path.js";
import { IMAGE_EXTENSIONS, kindOfExtension, type ImageKind } from "../../members/logo.js";
import { StudioHttpError } from "../server/http-error.js";

function unsafe(message: string): StudioHttpError {
  return new StudioHttpError(400, "StudioPathUnsafe", message);
}

/** Folders no upload goes into even inside the site: packages and the build's output. */
const NEVER_WRITTEN = new Set(["node_modules", "_site"]);

/**
 * The folder's segments, checked: `img/news` → `["img", "news"]`; `""` is the input folder.
 * A segment still holding `%` after the URL was decoded is refused, so `%2e%2e` sent
 * encoded twice cannot become `..` on the way down.
 */
export function folderSegments(folder: string): string[] {
  const trimmed = folder.replace(/\/+$/, "");
  if (trimmed === "" || trimmed === ".") return [];
  if (/[\u0000-\u001f\\%]/.test(trimmed)) throw unsafe(`The folder ${JSON.stringify(folder)} holds a backslash, a control character or a %-escape.`);
  if (trimmed.startsWith("/") || /^[a-z]:/i.test(trimmed)) throw unsafe(`The folder ${JSON.stringify(folder)} is an absolute path; give it relative to the input folder.`);
  const segments = trimmed.split("/");
  for (const segment of segments) {
    if (segment === "" || segment === "." || segment === "..") throw unsafe(`The folder ${JSON.stringify(folder)} has an empty, "." or ".." part.`);
    if (segment.startsWith(".")) throw unsafe(`The folder ${JSON.stringify(folder)} is hidden (a part starts with ".").`);
    if (NEVER_WRITTEN.has(segment)) throw unsafe(`The folder ${JSON.stringify(folder)} is inside ${segment}/, which the studio never writes.`);
  }
  return segments;
}

/** The absolute folder inside `inputDir`, after following links in the part that exists. */
export function resolveSiteFolder(inputDir: string, folder: string): string {
  const segments = folderSegments(folder);
  const absolute = path.join(path.resolve(inputDir), ...segments);
  if (segments.length > 0 && !isInside(inputDir, absolute)) throw unsafe(`The folder ${JSON.stringify(folder)} leads outside the site through a link.`);
  return absolute;
}

/** Creates the folder if needed, and checks again afterwards: a link made meanwhile must not win. */
export function ensureSiteFolder(inputDir: string, folder: string): string {
  const absolute = resolveSiteFolder(inputDir, folder);
  try {
    mkdirSync(absolute, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") throw unsafe(`The folder ${JSON.stringify(folder)} is a file, or lies inside one.`);
    throw error;
  }
  if (absolute !== path.resolve(inputDir) && !isInside(inputDir, absolute)) throw unsafe(`The folder ${JSON.stringify(folder)} leads outside the site through a link.`);
  return absolute;
}

/** Longest stem kept, so names stay readable in paths and URLs. */
const MAX_STEM = 80;

/**
 * A safe name for an upload of `kind`: `My Photo (1).PNG` → `my-photo-1.png`. An extension that
 * names another format, or no image at all (`logo.html` holding an SVG), is refused rather
 * than corrected, since the person uploading may have picked the wrong file.
 */
export function safeFileName(original: string, kind: ImageKind): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const ext = path.extname(base);
  const claimed = ext === "" ? undefined : kindOfExtension(base);
  if (ext !== "" && claimed !== kind) {
    throw new StudioHttpError(415, "MediaTypeMismatch", `${JSON.stringify(base)} is named ${ext.toLowerCase()} but holds a ${kind.toUpperCase()} image.`, {
      hint: `Rename it to end in .${IMAGE_EXTENSIONS[kind]}, or upload the file you meant.`,
    });
  }
  const extension = ext.toLowerCase() === ".jpeg" ? "jpeg" : IMAGE_EXTENSIONS[kind];
  const stem = slugify(ext === "" ? base : base.slice(0, -ext.length)).slice(0, MAX_STEM).replace(/-+$/, "");
  return `${stem === "" ? "image" : stem}.${extension}`;
}

/** `photo.png`, then `photo-1.png`, `photo-2.png`…: the n-th name to try when the ones before exist. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)}-${n}${ext}`;
}
