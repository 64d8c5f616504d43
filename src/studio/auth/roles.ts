/**
 * The studio's roles and what each may do: one policy, asked by the server before every route
 * (its coarse action) and by handlers for what depends on the entry (published? on the roster?).
 *
 * - writer: create and edit drafts, submit them; no publishing, no deleting published entries,
 *   no roster.
 * - editor: a writer's rights plus review, publish, unpublish, delete (outside the roster).
 * - members: the roster (member entries, logos, tiers data) and its announce action.
 * - admin: users and settings, and everything else.
 *
 * @example
 * can({ name: "ana", role: "writer" }, "entry.publish"); // false
 * can({ name: "ana", role: "writer" }, "entry.edit", { path: "news/a.md" }); // true
 * can({ name: "mo", role: "members" }, "entry.edit", { path: "members/acme.md", roster: true }); // true
 */
import type { GitAuthor } from "../git/git-repo.js";
import type { Action, Role } from "./policy-types.js";

export type { Action, Role } from "./policy-types.js";

export const ROLES: readonly Role[] = ["writer", "editor", "members", "admin"];

export interface StudioUser {
  name: string;
  role: Role;
  email?: string;
}

export const ACTIONS: readonly Action[] = [
  "entry.read",
  "entry.create",
  "entry.edit",
  "entry.delete",
  "entry.submit",
  "entry.review",
  "entry.publish",
  "entry.unpublish",
  "entry.history",
  "entry.restore",
  "media.read",
  "media.upload",
  "members.edit",
  "members.announce",
  "users.manage",
  "settings",
  "preview",
];

/** What an entry-dependent check knows about the entry. */
export interface ActionTarget {
  /** The entry's path relative to the input folder. */
  path?: string;
  /** The entry is on the publishing branch (a writer may not delete or restore it there). */
  published?: boolean;
  /** The entry (or file) belongs to the members roster. */
  roster?: boolean;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Everyone who may open the studio may read and preview. */
const READ: ReadonlySet<Action> = new Set(["entry.read", "entry.history", "media.read", "preview"]);

/** A writer's work on entries outside the roster. */
const WRITE: ReadonlySet<Action> = new Set(["entry.create", "entry.edit", "entry.submit", "media.upload"]);

/** A writer may delete or restore only what has not been published. */
const DRAFT_ONLY: ReadonlySet<Action> = new Set(["entry.delete", "entry.restore"]);

/** An editor's rights beyond a writer's. */
const EDIT: ReadonlySet<Action> = new Set(["entry.review", "entry.publish", "entry.unpublish", "entry.delete", "entry.restore"]);

function isEntryAction(action: Action): boolean {
  return action.startsWith("entry.");
}

export function can(user: StudioUser, action: Action, target: ActionTarget = {}): boolean {
  if (user.role === "admin") return true;
  if (READ.has(action)) return true;
  if (user.role === "members") {
    if (action === "members.edit" || action === "members.announce" || action === "media.upload") return true;
    // Member entries are the roster: the members manager writes and publishes them.
    return isEntryAction(action) && target.roster === true;
  }
  // Writers and editors do not touch the roster.
  if (target.roster === true && action !== "media.upload") return false;
  if (WRITE.has(action)) return true;
  if (user.role === "editor") return EDIT.has(action);
  return DRAFT_ONLY.has(action) && target.published === false;
}

/** The git author of a user's commits. */
export function authorOf(user: StudioUser): GitAuthor {
  return { name: user.name, email: user.email ?? `${user.name.replace(/[^A-Za-z0-9._-]/g, "-")}@studio.invalid` };
}
