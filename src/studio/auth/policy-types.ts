/**
 * The names the role policy speaks in, without the policy: roles, actions and the permissions
 * the server sends the browser app. The app (src/studio/client/) imports these types from
 * here, so the two cannot drift apart; this file imports nothing, so the app's build can read it.
 */
export type Role = "writer" | "editor" | "members" | "admin";

export type Action =
  | "entry.read"
  | "entry.create"
  | "entry.edit"
  | "entry.delete"
  | "entry.submit"
  | "entry.review"
  | "entry.publish"
  | "entry.unpublish"
  | "entry.history"
  | "entry.restore"
  | "media.read"
  | "media.upload"
  | "members.edit"
  | "members.announce"
  | "users.manage"
  | "settings"
  | "preview";

/** `site` or `roster`, then nothing (publishing state unknown), `.draft` or `.published`. */
export type TargetKind = "site" | "site.draft" | "site.published" | "roster" | "roster.draft" | "roster.published";

export interface Permissions {
  role: Role;
  /** The actions allowed on each kind of target; actions that need no entry (users, settings) are under `site`. */
  on: Record<TargetKind, Action[]>;
}
