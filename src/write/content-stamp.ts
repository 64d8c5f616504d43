/** A fingerprint of a page's content, to skip writing a file whose content has not changed. */
import crypto, { createHash } from "node:crypto";

const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: string) => string }).hash;

/** SHA-1, the fastest of Node's hashes here; the one-shot form allocates least. A string is hashed as its UTF-8 bytes. */
export function contentStamp(content: string | Uint8Array): string {
  return oneShot ? oneShot("sha1", content, "base64") : createHash("sha1").update(content).digest("base64");
}
