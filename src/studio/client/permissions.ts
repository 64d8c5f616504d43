// What the signed-in user may do, as the server worked it out from its role policy (GET /api/me,
// src/studio/auth/permissions.ts): the app offers only the controls that work, and says why the
// others are missing. The server still checks every request; this only spares people a 403.

import { useContext } from "preact/hooks";
import type { Action, Permissions, TargetKind } from "../auth/policy-types.js";
import { SessionContext } from "./session-context.js";

export type { Action, Permissions } from "../auth/policy-types.js";

/** What the app knows about the entry an action is for; absent facts mean "not known". */
export interface EntryFacts {
  /** The entry belongs to the members roster (GET /api/entry says). */
  roster?: boolean;
  /** The entry is on the publishing branch (its workflow state says). */
  published?: boolean;
}

/** Words for the refusals the app shows (titles and notes), not a policy. */
const VERBS: Record<Action, string> = {
  "entry.read": "read",
  "entry.create": "create",
  "entry.edit": "edit",
  "entry.delete": "delete",
  "entry.submit": "submit",
  "entry.review": "review",
  "entry.publish": "publish",
  "entry.unpublish": "unpublish",
  "entry.history": "see the history of",
  "entry.restore": "restore earlier versions of",
  "media.read": "see the media",
  "media.upload": "upload media",
  "members.edit": "edit the member roster",
  "members.announce": "announce members",
  "users.manage": "manage users",
  settings: "change the studio's settings",
  preview: "preview",
};

/** True when the role allows `action` on such an entry. Without permissions (the single-user token mode) everything is allowed. */
export function may(permissions: Permissions | null, action: Action, facts: EntryFacts = {}): boolean {
  if (!permissions) return true;
  const state = facts.published === undefined ? "" : facts.published ? ".published" : ".draft";
  const kind = `${facts.roster ? "roster" : "site"}${state}` as TargetKind;
  return permissions.on[kind]?.includes(action) ?? false;
}

/** Why a control is missing or disabled, for its title and for notes. */
export function whyNot(permissions: Permissions | null, action: Action, facts: EntryFacts = {}): string {
  const refused = `Your role (${permissions?.role ?? "unknown"}) may not ${VERBS[action]}`;
  if (!action.startsWith("entry.")) return `${refused}.`;
  // Name the kind of entry only where the role may do it to another kind.
  const published = facts.published === true && may(permissions, action, { ...facts, published: false });
  const elsewhere = facts.roster !== undefined && may(permissions, action, { ...facts, roster: !facts.roster });
  const object = published ? " published entries" : elsewhere || VERBS[action].endsWith(" of") ? " entries" : "";
  const where = !elsewhere ? "" : facts.roster ? " on the member roster" : " outside the member roster";
  return `${refused}${object}${where}.`;
}

/** The signed-in user's permissions; null in the single-user token mode. */
export function usePermissions(): Permissions | null {
  return useContext(SessionContext)?.me.permissions ?? null;
}
