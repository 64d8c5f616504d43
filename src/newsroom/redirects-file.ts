/**
 * Adds an entry to the site's redirects file, as a rename (in the studio, or by hand) should:
 * the old URL now leads to the new one, and any entry that led to the old URL is pointed at
 * the new one too, so no redirect ever leads to another. Written atomically.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { normalizeRedirects, type Redirect } from "./redirects.js";

export function addRedirect(file: string, from: string, to: string): Redirect[] {
  const shown = path.basename(file);
  let value: unknown = {};
  if (existsSync(file)) {
    try {
      value = JSON.parse(readFileSync(file, "utf8"));
    } catch (cause) {
      throw new PlinthError("RedirectsInvalid", `${shown} is not valid JSON: ${(cause as Error).message}`, { location: { file }, cause });
    }
  }
  const current = normalizeRedirects(value, shown);
  const asList = Array.isArray(value);
  if (from === to) return current;
  const next = current.filter((r) => r.from !== from && r.from !== to).map((r) => (r.to === from ? { ...r, to } : r));
  next.push(...normalizeRedirects([{ from, to }], shown));
  // Keep the shape the file was written in: an object unless it was a list or needs statuses.
  const simple = !asList && next.every((r) => r.status === 301);
  const json = simple ? Object.fromEntries(next.map((r) => [r.from, r.to])) : next;
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(json, null, 2)}\n`);
  renameSync(temp, file);
  return next;
}
