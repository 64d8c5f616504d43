/**
 * Writes by `plinth members` stay inside the site: a target path is accepted only if it,
 * after following any links in the part that already exists, lies within the input folder.
 */
import path from "node:path";
import { realTarget } from "../util/real-target.js";
import { PlinthError } from "../errors/plinth-error.js";

export function isInside(siteDir: string, target: string): boolean {
  const relative = path.relative(realTarget(siteDir), realTarget(target));
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** `siteDir/relative`, or a `MemberPathUnsafe` error naming what would escape the site. */
export function siteChild(siteDir: string, relative: string, what: string): string {
  const target = path.resolve(siteDir, relative);
  if (!isInside(siteDir, target)) {
    throw new PlinthError("MemberPathUnsafe", `The ${what} ${JSON.stringify(relative)} is outside the site folder ${siteDir}.`);
  }
  return target;
}
