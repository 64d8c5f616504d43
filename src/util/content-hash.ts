/**
 * The fingerprint of a text or of bytes: SHA-1, base64. One function for every fingerprint
 * that is stored and compared later (output manifest, build cache, render records), so they
 * always agree. A string is hashed as its UTF-8 bytes.
 */
import crypto, { createHash } from "node:crypto";

const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: string) => string }).hash;

/** SHA-1, the fastest of Node's hashes here; the one-shot form allocates least. */
export function contentHash(content: string | Uint8Array): string {
  return oneShot ? oneShot("sha1", content, "base64") : createHash("sha1").update(content).digest("base64");
}
