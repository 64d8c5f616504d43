/**
 * Storing one uploaded image: its type judged from the bytes, a size limit, a safe name that
 * never replaces a file already there, SVGs cleaned of scripts, and an atomic write (the file
 * appears whole under its final name or not at all).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sniffImage, svgHasViewBox, type ImageKind } from "../../members/logo.js";
import { createFileAtomic } from "../../util/atomic-write.js";
import { StudioHttpError } from "../server/http-error.js";
import { imageDimensions } from "./image-info.js";
import { ensureSiteFolder, folderSegments, numberedName, safeFileName } from "./site-folder.js";
import { cleanSvg } from "./svg-clean.js";

/** 10 MB: a large photo straight from a camera; `media.maxSize` in studio.config.yml changes it. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface UploadRequest {
  inputDir: string;
  /** Folder relative to the input folder, posix. */
  folder: string;
  /** The name the file had on the uploader's machine. */
  fileName: string;
  bytes: Buffer;
  maxBytes?: number;
}

export interface StoredUpload {
  /** Path relative to the input folder, posix. */
  path: string;
  kind: ImageKind;
  size: number;
  width?: number;
  height?: number;
  /** What the SVG cleaner took out; empty when the file is stored as sent. */
  removed: string[];
  /** Things worth fixing that did not stop the upload (an SVG without viewBox). */
  warnings: string[];
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** Checks the upload, then writes it under the first free name. */
export function storeUpload(request: UploadRequest): StoredUpload {
  const maxBytes = request.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (request.bytes.length > maxBytes) {
    throw new StudioHttpError(413, "MediaTooLarge", `${request.fileName} is ${megabytes(request.bytes.length)}; the limit is ${megabytes(maxBytes)}.`);
  }
  if (request.bytes.length === 0) throw new StudioHttpError(415, "MediaNotImage", `${request.fileName} is empty.`);
  const kind = sniffImage(request.bytes);
  if (!kind) throw new StudioHttpError(415, "MediaNotImage", `${request.fileName} is not a PNG, JPEG, GIF, WebP, AVIF or SVG image.`);
  const name = safeFileName(request.fileName, kind);
  folderSegments(request.folder);

  let bytes = request.bytes;
  let removed: string[] = [];
  const warnings: string[] = [];
  if (kind === "svg") {
    const cleaned = cleanSvg(bytes.toString("utf8"));
    removed = cleaned.removed;
    if (removed.length > 0 || cleaned.svg !== bytes.toString("utf8")) bytes = Buffer.from(cleaned.svg, "utf8");
    if (!svgHasViewBox(bytes)) warnings.push(`${name} has no viewBox, so it cannot be scaled to fit; add one in the drawing program.`);
  }

  const folder = ensureSiteFolder(request.inputDir, request.folder);
  const stored = writeUnique(folder, name, bytes);
  const relative = path.relative(path.resolve(request.inputDir), stored).split(path.sep).join("/");
  return { path: relative, kind, size: bytes.length, ...imageDimensions(bytes), removed, warnings };
}

/** Tries `name`, `name-1`… up to this many before giving up. */
const MAX_TRIES = 1000;

/**
 * Writes the bytes under the first free name. Each try is an atomic exclusive create (a hard
 * link of a complete temporary file fails when the name exists), so no check-then-write race
 * can overwrite a file, and no half-written image is ever visible.
 */
export function writeUnique(folder: string, name: string, bytes: Buffer): string {
  for (let n = 0; n < MAX_TRIES; n++) {
    const target = path.join(folder, numberedName(name, n));
    if (existsSync(target)) continue;
    if (createFileAtomic(target, bytes)) return target;
  }
  throw new StudioHttpError(409, "StudioExists", `${name} and ${MAX_TRIES - 1} numbered copies of it already exist in this folder.`);
}
