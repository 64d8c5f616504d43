/**
 * Password hashing with scrypt (memory-hard, in node:crypto: no native dependency). The stored
 * form carries its parameters, `scrypt$N$r$p$salt$hash`, so they can grow without breaking
 * existing accounts.
 *
 * @example
 * const stored = await hashPassword("correct horse battery");
 * await verifyPassword("correct horse battery", stored); // true
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** 2^15 × 8 × 128 bytes = 32 MB per hash, about 0.1 s: dear for a guesser, fine for a login. */
export const DEFAULT_COST = 1 << 15;
const BLOCK = 8;
const PARALLEL = 1;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 256 * (options.N ?? DEFAULT_COST) * (options.r ?? BLOCK) + 1024 * 1024;
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: cost, r: BLOCK, p: PARALLEL });
  return ["scrypt", cost, BLOCK, PARALLEL, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** False for a wrong password and for a stored value that is not a scrypt hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = Buffer.from(parts[5], "base64url");
  const key = await derive(password, Buffer.from(parts[4], "base64url"), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the name is unknown, so a wrong name costs as long as a wrong password. */
let dummy: Promise<string> | undefined;
export function dummyHash(cost = DEFAULT_COST): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"), cost);
  return dummy;
}
