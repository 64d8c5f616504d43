/**
 * The server's side of the role policy: a 403 StudioForbidden when `can` says no, and the
 * coarse check made before a route's handler runs.
 */
import { StudioHttpError } from "../server/http-error.js";
import type { RouteAccess } from "../server/router.js";
import { can, type Action, type ActionTarget, type StudioUser } from "./roles.js";

export function forbidden(user: StudioUser, action: RouteAccess, target?: ActionTarget): StudioHttpError {
  const what = target?.path ? ` on ${JSON.stringify(target.path)}` : "";
  return new StudioHttpError(403, "StudioForbidden", `${user.name} (${user.role}) may not ${action}${what}.`);
}

/** Throws a 403 when the user may not do the action on the target. */
export function authorize(user: StudioUser, action: Action, target?: ActionTarget): void {
  if (!can(user, action, target)) throw forbidden(user, action, target);
}

/**
 * Whether the user may call a route at all: some target exists for which the route's action is
 * allowed (the handler then checks the real entry). Undeclared routes are for admins only.
 */
export function mayCall(user: StudioUser, access: RouteAccess | undefined): boolean {
  if (access === "public" || access === "signed-in") return true;
  if (access === undefined) return user.role === "admin";
  const targets: ActionTarget[] = [{}, { published: false }, { roster: true }, { roster: true, published: false }];
  return targets.some((target) => can(user, access, target));
}
