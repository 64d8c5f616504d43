/** What the dev server never watches: dependency and VCS folders, the output folder, editor swap files. */
import path from "node:path";
import { isInside } from "../engine/project-paths.js";

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
// vim's swap files and write probe, Emacs lock and backup files.
const EDITOR_TEMP = /(\.sw[a-p]|~|^4913)$|^\.#/;

export interface IgnoreOptions {
  cwd: string;
  /** Folders whose contents are never reported, such as the output folder. */
  ignoreInside: () => readonly string[];
}

export function isIgnoredPath(absolute: string, options: IgnoreOptions): boolean {
  if (options.ignoreInside().some((folder) => isInside(folder, absolute))) return true;
  const segments = path.relative(options.cwd, absolute).split(path.sep);
  if (segments.some((segment) => SKIPPED_FOLDERS.has(segment))) return true;
  return EDITOR_TEMP.test(path.basename(absolute));
}
