/**
 * What the role policy needs to know about a file: whether it belongs to the members roster
 * (member entries, their logos, the tiers data). Read from the site's members settings at each
 * request, so a changed tiers file counts at once.
 */
import path from "node:path";
import { STUDIO_CONFIG_FILES } from "../cms-config/load.js";
import { studioSettings } from "../cms-config/site-settings.js";
import type { StudioContext } from "../server/context.js";
import type { ActionTarget } from "./roles.js";

function inside(relative: string, folder: string): boolean {
  return folder !== "" && (relative === folder || relative.startsWith(`${folder}/`));
}

/** True when `relative` (to the input folder) is a member entry, a logo, or a data file of the roster. */
export function isRoster(ctx: Pick<StudioContext, "session" | "inputDir" | "cwd">, relative: string): boolean {
  let members: { folder: string; logoFolder: string; dataDir: string } | undefined;
  try {
    members = studioSettings(ctx).members;
  } catch {
    return false;
  }
  if (!members) return false;
  if (inside(relative, members.folder) || inside(relative, members.logoFolder)) return true;
  const data = path.relative(ctx.inputDir, members.dataDir).split(path.sep).join("/");
  return !data.startsWith("..") && inside(relative, data) && /(^|\/)(tiers|members)[^/]*\.(json|ya?ml)$/.test(relative);
}

/** The policy's view of an entry: its path and whether it is on the roster. */
export function entryTarget(ctx: Pick<StudioContext, "session" | "inputDir" | "cwd">, relative: string, extra: ActionTarget = {}): ActionTarget {
  return { path: relative, roster: isRoster(ctx, relative), ...extra };
}

/**
 * True when `relative` is the studio's own settings file (studio.config.yml beside the site's
 * config): it names the command run after a publish, so publishing it is a `settings` matter.
 */
export function isSettingsFile(ctx: Pick<StudioContext, "inputDir" | "cwd">, relative: string): boolean {
  const absolute = path.join(ctx.inputDir, relative);
  return STUDIO_CONFIG_FILES.some((name) => path.join(ctx.cwd, name) === absolute);
}
