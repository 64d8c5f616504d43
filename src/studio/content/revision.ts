/** A file's revision: a hash of its bytes. A save names the revision it was based on, so a file changed meanwhile is noticed. */
import { createHash } from "node:crypto";

export function revisionOf(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 32);
}
