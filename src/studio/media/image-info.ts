/**
 * What the media library shows about an image file: its format (from the bytes) and its size
 * in pixels, read with image-size and remembered per file until the file changes.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { imageSize } from "image-size";
import { sniffImage, type ImageKind } from "../../members/logo.js";

export interface Dimensions {
  width?: number;
  height?: number;
}

/** Width and height in pixels (EXIF rotation applied), or nothing when the header cannot tell. */
export function imageDimensions(bytes: Uint8Array): Dimensions {
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height) return {};
    const turned = size.orientation !== undefined && size.orientation >= 5;
    return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
  } catch {
    return {};
  }
}

export interface ImageInfo extends Dimensions {
  kind: ImageKind;
  size: number;
}

/** Headers and EXIF blocks come first; a JPEG's size is within its first few hundred KB. */
const HEAD_BYTES = 512 * 1024;

const cache = new Map<string, { mtimeMs: number; size: number; info: ImageInfo | undefined }>();

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The image's format and size, or undefined when the file is not an image whatever its name says. */
export function readImageInfo(file: string): ImageInfo | undefined {
  const stat = statSync(file);
  const known = cache.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.info;
  const head = readHead(file, Math.min(stat.size, HEAD_BYTES));
  const kind = sniffImage(head);
  const info = kind ? { kind, size: stat.size, ...imageDimensions(kind === "svg" && stat.size > HEAD_BYTES ? readHead(file, stat.size) : head) } : undefined;
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, info });
  return info;
}
