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
import type { Action, Permissions, TargetKind } from "./policy-types.js";
import { ACTIONS, can, type ActionTarget, type StudioUser } from "./roles.js";

export type { Permissions, TargetKind } from "./policy-types.js";

export const TARGET_KINDS: Readonly<Record<TargetKind, ActionTarget>> = {
  site: {},
  "site.draft": { published: false },
  "site.published": { published: true },
  roster: { roster: true },
  "roster.draft": { roster: true, published: false },
  "roster.published": { roster: true, published: true },
};

export function permissionsOf(user: StudioUser): Permissions {
  const on = {} as Record<TargetKind, Action[]>;
  for (const [kind, target] of Object.entries(TARGET_KINDS) as [TargetKind, ActionTarget][]) {
    on[kind] = ACTIONS.filter((action) => can(user, action, target));
  }
  return { role: user.role, on };
}
