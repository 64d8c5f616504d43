/**
 * The studio's accounts: `.plinth-studio/users.json` (mode 600), written by `plinth studio
 * users …` and by the server (set-password links, the admin's users page). Both read it again
 * when it changes on disk, so an account added from the terminal works without a restart.
 * Passwords are scrypt hashes; a set-password link's token is kept only as its SHA-256.
 *
 * @example
 * const users = new UsersStore(stateDir({ cwd }));
 * const { token } = await users.add({ name: "ana", role: "editor" });
 * await users.redeem(token, "a long passphrase");
 * await users.verify("ana", "a long passphrase"); // { name: "ana", role: "editor" }
 */
import { createHash, randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../../errors/plinth-error.js";
import { DEFAULT_COST, dummyHash, hashPassword, verifyPassword } from "./password.js";
import { isRole, type Role, type StudioUser } from "./roles.js";
import { readStateFile, writeStateFile } from "./state-dir.js";
import { withoutInput } from "../server/router.js";

export interface StoredUser {
  name: string;
  role: Role;
  email?: string;
  /** scrypt hash; absent until the user sets a password through the link. */
  password?: string;
  /** SHA-256 of the one-time set-password token, and until when it works. */
  setPassword?: { token: string; expires: string };
  created: string;
}

export interface UsersStoreOptions {
  /** scrypt's N (tests use a small one). */
  cost?: number;
  now?: () => number;
}

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
export const MIN_PASSWORD = 10;
const MAX_PASSWORD = 1024;
/** A set-password link works for two days. */
const LINK_MS = 48 * 3600 * 1000;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function checkName(name: string): void {
  if (!NAME.test(name)) throw new PlinthError("StudioUserInvalid", `${JSON.stringify(name.slice(0, 80))} is not a valid user name.`);
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw new PlinthError("StudioUserInvalid", `The password is too short: at least ${MIN_PASSWORD} characters, please.`);
  if (password.length > MAX_PASSWORD) throw new PlinthError("StudioUserInvalid", `The password is too long: at most ${MAX_PASSWORD} characters.`);
}

export function publicUser(user: StoredUser): StudioUser {
  return user.email ? { name: user.name, role: user.role, email: user.email } : { name: user.name, role: user.role };
}

export class UsersStore {
  readonly file: string;
  private users: StoredUser[] = [];
  private stamp = "";
  private readonly cost: number;
  private readonly now: () => number;

  constructor(dir: string, options: UsersStoreOptions = {}) {
    this.file = path.join(dir, "users.json");
    this.cost = options.cost ?? DEFAULT_COST;
    this.now = options.now ?? Date.now;
  }

  /** Every account (reads the file again when it changed). */
  list(): readonly StoredUser[] {
    this.reload();
    return this.users;
  }

  get(name: string): StoredUser | undefined {
    return this.list().find((u) => u.name === name);
  }

  get hasAccounts(): boolean {
    return this.list().length > 0;
  }

  /** Adds an account without a password and answers its one-time set-password token. */
  async add(user: { name: string; role: Role; email?: string }, password?: string): Promise<{ token: string | null }> {
    checkName(user.name);
    if (!isRole(user.role)) throw new PlinthError("StudioUserInvalid", `${JSON.stringify(String(user.role))} is not a role: writer, editor, members or admin.`);
    if (password !== undefined) checkPassword(password);
    if (this.get(user.name)) throw new PlinthError("StudioUserExists", `There is already a user named ${user.name}.`);
    const stored: StoredUser = { name: user.name, role: user.role, created: new Date(this.now()).toISOString() };
    if (user.email) stored.email = user.email;
    let token: string | null = null;
    if (password !== undefined) stored.password = await hashPassword(password, this.cost);
    else token = this.newLink(stored);
    this.save([...this.list(), stored]);
    return { token };
  }

  /**
   * Removes the account. The last admin goes only with the last account (the studio is then
   * without accounts again): otherwise nobody could manage users or settings from the studio.
   */
  remove(name: string): void {
    const user = this.mustGet(name);
    const others = this.list().filter((u) => u !== user);
    if (user.role === "admin" && others.length > 0 && !others.some((u) => u.role === "admin")) {
      throw new PlinthError("StudioLastAdmin", `${user.name} is the only admin; removing them would leave ${others.length === 1 ? "1 account" : `${others.length} accounts`} that nobody can manage.`);
    }
    this.save(others);
  }

  /**
   * Gives the user another role. The last admin stays one: without an admin nobody could manage
   * users or settings from the studio.
   */
  setRole(name: string, role: Role): void {
    if (!isRole(role)) throw new PlinthError("StudioUserInvalid", `${JSON.stringify(String(role))} is not a role: writer, editor, members or admin.`);
    const user = this.mustGet(name);
    if (user.role === "admin" && role !== "admin" && !this.list().some((u) => u.role === "admin" && u !== user)) {
      throw new PlinthError("StudioLastAdmin", `${user.name} is the only admin, so they stay one.`);
    }
    this.replace({ ...user, role });
  }

  /** Forgets the password and answers a new set-password token; with `password`, sets it instead. */
  async reset(name: string, password?: string): Promise<{ token: string | null }> {
    const user = { ...this.mustGet(name) };
    delete user.password;
    delete user.setPassword;
    let token: string | null = null;
    if (password !== undefined) {
      checkPassword(password);
      user.password = await hashPassword(password, this.cost);
    } else token = this.newLink(user);
    this.replace(user);
    return { token };
  }

  /** The user a set-password token belongs to, while it works. */
  linkUser(token: string): StoredUser | undefined {
    const digest = sha256(token);
    return this.list().find((u) => u.setPassword?.token === digest && Date.parse(u.setPassword.expires) > this.now());
  }

  /** Sets the password through a one-time link; the link works once. */
  async redeem(token: string, password: string): Promise<StudioUser | null> {
    const user = this.linkUser(token);
    if (!user) return null;
    checkPassword(password);
    const hash = await hashPassword(password, this.cost);
    const updated: StoredUser = { ...user, password: hash };
    delete updated.setPassword;
    this.replace(updated);
    return publicUser(updated);
  }

  /** The user when the password is right; null otherwise (as slowly for an unknown name). */
  async verify(name: string, password: string): Promise<StudioUser | null> {
    const user = this.get(name);
    if (!user?.password) {
      await verifyPassword(password, await dummyHash(this.cost));
      return null;
    }
    return (await verifyPassword(password, user.password)) ? publicUser(user) : null;
  }

  private newLink(user: StoredUser): string {
    const token = randomBytes(24).toString("base64url");
    user.setPassword = { token: sha256(token), expires: new Date(this.now() + LINK_MS).toISOString() };
    return token;
  }

  private mustGet(name: string): StoredUser {
    const user = this.get(name);
    if (!user) throw new PlinthError("StudioUserUnknown", `There is no user named ${JSON.stringify(name.slice(0, 80))}.`);
    return user;
  }

  private replace(user: StoredUser): void {
    this.save(this.list().map((u) => (u.name === user.name ? user : u)));
  }

  private save(users: StoredUser[]): void {
    writeStateFile(this.file, `${JSON.stringify({ users }, null, 2)}\n`);
    this.users = users;
    this.stamp = this.fileStamp();
  }

  private fileStamp(): string {
    try {
      const stat = statSync(this.file);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return "none";
    }
  }

  private reload(): void {
    const stamp = this.fileStamp();
    if (stamp === this.stamp) return;
    const text = readStateFile(this.file);
    this.stamp = stamp;
    this.users = text === null ? [] : parseUsers(text, this.file);
  }
}

function parseUsers(text: string, file: string): StoredUser[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    // The parser's message quotes the text, hashes included: the position is enough.
    throw new PlinthError("StudioUsersFileInvalid", `${file} is not JSON: ${withoutInput((cause as Error).message)}`);
  }
  const users = (value as { users?: unknown }).users;
  if (!Array.isArray(users)) throw new PlinthError("StudioUsersFileInvalid", `${file} has no "users" list.`);
  return users.map((u: unknown, i) => {
    const user = u as Partial<StoredUser>;
    if (typeof user?.name !== "string" || !isRole(user.role)) throw new PlinthError("StudioUsersFileInvalid", `${file}: user ${i + 1} needs a "name" and a "role" (writer, editor, members or admin).`);
    return user as StoredUser;
  });
}
