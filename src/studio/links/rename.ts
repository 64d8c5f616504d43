/**
 * Renaming an entry's file: the new name must be free (never overwrite), keep the extension
 * (the template language), and lie inside the site; the move is one atomic step on disk (a
 * hard link under the new name, then the old name removed), so the entry is never missing
 * or doubled for a reader that looks in between, and a file appearing meanwhile is not lost.
 */
import { existsSync, linkSync, mkdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import type { SitePath } from "../server/safe-path.js";
import { StudioHttpError } from "../server/http-error.js";

function invalid(message: string, hint?: string): StudioHttpError {
  return new StudioHttpError(400, "EntryRenameInvalid", message, { hint });
}

export function moveEntry(from: SitePath, to: SitePath): void {
  let stat;
  try {
    stat = statSync(from.absolute);
  } catch {
    throw new StudioHttpError(404, "StudioNotFound", `${from.relative} does not exist.`);
  }
  if (!stat.isFile()) throw invalid(`${from.relative} is not a file.`);
  if (from.relative === to.relative) throw invalid(`${from.relative} already has that name.`);
  if (path.posix.extname(from.relative).toLowerCase() !== path.posix.extname(to.relative).toLowerCase()) {
    throw invalid(`Renaming ${from.relative} to ${to.relative} would change its extension, and with it the template language.`, `Keep the extension ${path.posix.extname(from.relative)}.`);
  }
  if (path.posix.basename(to.relative).startsWith(".")) throw invalid(`${to.relative} would be a hidden file, which the site does not build.`);
  mkdirSync(path.dirname(to.absolute), { recursive: true });
  try {
    linkSync(from.absolute, to.absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new StudioHttpError(409, "StudioExists", `${to.relative} already exists.`, { hint: "Choose another name; renaming never replaces a file." });
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
    // A file system without hard links: check, then rename (a narrow race, but never a silent loss of the old file).
    if (existsSync(to.absolute)) throw new StudioHttpError(409, "StudioExists", `${to.relative} already exists.`);
    renameSync(from.absolute, to.absolute);
    return;
  }
  unlinkSync(from.absolute);
}
