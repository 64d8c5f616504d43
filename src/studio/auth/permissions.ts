/**
 * What the browser app is told the signed-in user may do, so it shows only the controls that
 * work: `can()` asked for every action against each kind of target the app tells apart (an
 * entry outside or on the roster; its publishing state unknown, a draft, or published). The
 * answer is computed from the policy in roles.ts, never written out a second time; the server
 * still checks every request.
 *
 * @example
 * permissionsOf({ name: "wanda", role: "writer" }).on["site.draft"]; // [..., "entry.delete", ...]
 * permissionsOf({ name: "wanda", role: "writer" }).on.site.includes("entry.publish"); // false
 */
import { ACTIONS, can, type Action, type ActionTarget, type Role, type StudioUser } from "./roles.js";

/** `site` or `roster`, then nothing (publishing state unknown), `.draft` or `.published`. */
export type TargetKind = "site" | "site.draft" | "site.published" | "roster" | "roster.draft" | "roster.published";

export const TARGET_KINDS: Readonly<Record<TargetKind, ActionTarget>> = {
  site: {},
  "site.draft": { published: false },
  "site.published": { published: true },
  roster: { roster: true },
  "roster.draft": { roster: true, published: false },
  "roster.published": { roster: true, published: true },
};

export interface Permissions {
  role: Role;
  /** The actions allowed on each kind of target; actions that need no entry (users, settings) are under `site`. */
  on: Record<TargetKind, Action[]>;
}

export function permissionsOf(user: StudioUser): Permissions {
  const on = {} as Record<TargetKind, Action[]>;
  for (const [kind, target] of Object.entries(TARGET_KINDS) as [TargetKind, ActionTarget][]) {
    on[kind] = ACTIONS.filter((action) => can(user, action, target));
  }
  return { role: user.role, on };
}
