/**
 * Writes a new file atomically and never over another: the text goes to a temporary file
 * beside it, which is then hard-linked to the final name (an operation that fails when the
 * name exists, even if another process created it a moment ago) and removed.
 */
import { linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Returns false when `file` already exists (nothing is written then). */
export function writeNewFile(file: string, text: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, text, { flag: "wx" });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}
