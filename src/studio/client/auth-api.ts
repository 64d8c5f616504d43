// The accounts API as the browser app uses it: who am I, log in and out, set a password
// through a one-time link, and the admin's users list.

import { call } from "./api.js";
import type { Permissions } from "./permissions.js";

export type Role = "writer" | "editor" | "members" | "admin";

export interface User {
  name: string;
  role: Role;
  email?: string;
}

export interface Me {
  user: User;
  /** Accounts exist (everyone logs in); false in the single-user token mode. */
  team: boolean;
  csrfToken: string | null;
  /** What the role may do, from the server's policy; absent from servers before it was sent. */
  permissions?: Permissions;
}

export interface ListedUser {
  name: string;
  role: Role;
  email: string | null;
  passwordSet: boolean;
}

export const ROLES: { role: Role; label: string }[] = [
  { role: "writer", label: "Writer: drafts and submits" },
  { role: "editor", label: "Editor: reviews and publishes" },
  { role: "members", label: "Members manager: the roster" },
  { role: "admin", label: "Admin: users, settings, everything" },
];

export const authApi = {
  me: () => call<Me>("GET", "/api/me"),
  login: (name: string, password: string) => call<{ csrfToken: string; user: User; permissions: Permissions }>("POST", "/api/login", { name, password }),
  logout: () => call<{ ok: boolean }>("POST", "/api/logout"),
  setPassword: (token: string, password: string) => call<{ user: User }>("POST", "/api/set-password", { token, password }),
  users: () => call<{ users: ListedUser[] }>("GET", "/api/users"),
  addUser: (user: { name: string; role: Role; email?: string }) => call<{ user: ListedUser; link: string }>("POST", "/api/users", user),
  removeUser: (name: string) => call<{ ok: boolean }>("DELETE", `/api/users?name=${encodeURIComponent(name)}`),
  setRole: (name: string, role: Role) => call<{ user: { name: string; role: Role } }>("POST", `/api/users/role?name=${encodeURIComponent(name)}`, { role }),
  resetUser: (name: string) => call<{ link: string }>("POST", `/api/users/reset?name=${encodeURIComponent(name)}`),
};
