/**
 * Writes that never leave a half-written file: the bytes go to a temporary file beside the
 * target (named so the dev server's watcher ignores it), which then takes the target's place
 * in one rename. Creating refuses to replace an existing file, atomically too (a hard link
 * fails when the name is taken).
 */
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/** `.name.plinth-1a2b3c~`: a trailing `~` is an editor backup to the watcher, so it never triggers a build. */
function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.plinth-${randomBytes(4).toString("hex")}~`);
}

/** Replaces (or creates) `target` with `content`, keeping an existing file's permissions. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempName(target);
  try {
    writeFileSync(temp, content);
    try {
      chmodSync(temp, statSync(target).mode & 0o7777);
    } catch {
      // A new file keeps the default permissions.
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Creates `target` with `content`; false (and nothing written) when it exists already. */
export function createFileAtomic(target: string, content: string | Uint8Array): boolean {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempName(target);
  writeFileSync(temp, content);
  try {
    linkSync(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
