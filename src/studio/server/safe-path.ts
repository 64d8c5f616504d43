/**
 * The one place that turns a path from a request into a file of the site. Paths are relative
 * to the input folder, posix; anything that could name a file outside it is refused: `..`,
 * absolute paths, backslashes, NUL, `%`-escapes left after the URL's own decoding, and links
 * (in any existing part of the path) that lead out of the folder. `.git`, `node_modules` and
 * the state folder `.plinth-studio` are never the studio's to touch.
 *
 * @example
 * sitePath("/site", "news/post.md")   // { relative: "news/post.md", absolute: "/site/news/post.md" }
 * sitePath("/site", "../etc/passwd")  // throws StudioPathUnsafe (400)
 */
import path from "node:path";
import { realTarget } from "../../util/real-target.js";
import { isInside } from "../../engine/project-paths.js";
import { StudioHttpError } from "./http-error.js";

export interface SitePath {
  /** Posix, relative to the input folder, normalised. */
  relative: string;
  absolute: string;
}

/** `.plinth-studio` is the studio's state folder: accounts and sessions. */
const FORBIDDEN_SEGMENTS = new Set([".git", "node_modules", ".plinth-studio"]);

function unsafe(value: string, why: string): StudioHttpError {
  return new StudioHttpError(400, "StudioPathUnsafe", `The path ${JSON.stringify(value)} is refused: ${why}.`);
}

/** Checks the text of a relative path; returns its segments. */
export function pathSegments(value: string): string[] {
  if (typeof value !== "string" || value === "") throw unsafe(String(value), "it is empty");
  if (value.length > 1024) throw unsafe(value.slice(0, 40), "it is too long");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw unsafe(value, "it contains a control character");
  if (value.includes("\\")) throw unsafe(value, "it contains a backslash; use `/`");
  if (value.startsWith("/") || /^[A-Za-z]:/.test(value)) throw unsafe(value, "it is absolute; give it relative to the input folder");
  if (/%[0-9A-Fa-f]{2}/.test(value)) throw unsafe(value, "it is still percent-encoded");
  const segments = value.split("/");
  for (const segment of segments) {
    if (segment === "..") throw unsafe(value, "`..` leads out of the folder");
    if (segment === "" || segment === ".") throw unsafe(value, "it has an empty or `.` segment");
    if (FORBIDDEN_SEGMENTS.has(segment)) throw unsafe(value, `the studio does not touch ${segment}`);
  }
  return segments;
}

/** A request's path as a file of the site, or a StudioPathUnsafe error (400). */
export function sitePath(inputDir: string, value: string): SitePath {
  const segments = pathSegments(value);
  const absolute = path.join(inputDir, ...segments);
  const realRoot = realTarget(inputDir);
  const real = realTarget(absolute);
  if (!isInside(realRoot, real) || real === realRoot) throw unsafe(value, "it leads out of the input folder through a link");
  return { relative: segments.join("/"), absolute };
}
