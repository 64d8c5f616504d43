/**
 * The accounts API: log in and out, who am I, set a password through a one-time link, and the
 * admin's users list. Every login and failure is logged with the name and address, never the
 * password.
 *
 * POST /api/login { name, password } -> { csrfToken, user } and the session cookie
 * POST /api/logout -> { ok }
 * GET  /api/me -> { user, team, csrfToken, permissions } (permissions.ts: what the app may offer)
 * POST /api/set-password { token, password } -> { user }
 * GET/POST/DELETE /api/users, POST /api/users/reset?name=, POST /api/users/role?name= { role } (admin)
 */
import { PlinthError } from "../../errors/plinth-error.js";
import { badRequest, StudioHttpError } from "../server/http-error.js";
import type { StudioContext } from "../server/context.js";
import type { Router, StudioRequest } from "../server/router.js";
import type { Accounts } from "./accounts.js";
import { permissionsOf } from "./permissions.js";
import { isRole, type Role } from "./roles.js";

const SMALL = 16 * 1024;

/** A name as it may appear in a log line: quoted, one line, short. */
function logName(value: unknown): string {
  return JSON.stringify(String(value).slice(0, 64));
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw badRequest(`The body needs "${key}" as a non-empty string.`);
  return value;
}

/** A catalogued error from the users store (bad name, short password…) as a 400/404/409. */
function asHttp(error: unknown): unknown {
  if (!(error instanceof PlinthError) || error instanceof StudioHttpError) return error;
  const status = error.code === "StudioUserUnknown" ? 404 : error.code === "StudioUserExists" || error.code === "StudioLastAdmin" ? 409 : 400;
  return new StudioHttpError(status, error.code, error.message);
}

function roleOf(body: Record<string, unknown>): Role {
  const role = text(body, "role");
  if (!isRole(role)) throw new StudioHttpError(400, "StudioUserInvalid", `${JSON.stringify(role.slice(0, 40))} is not a role: writer, editor, members or admin.`);
  return role;
}

function linkBase(accounts: Accounts, req: StudioRequest): string {
  return `${accounts.publicOrigin ?? `http://${req.headers.host ?? "127.0.0.1"}`}/`;
}

export function authRoutes(r: Router, ctx: StudioContext, accounts: Accounts): void {
  r.post("/api/login", async (req) => {
    if (!accounts.team) throw badRequest("This studio has no accounts: it opens with the token printed in the terminal.", "Create one with `plinth studio users add NAME --role admin`.");
    const body = await req.json(SMALL);
    const name = text(body, "name");
    const password = text(body, "password");
    const address = accounts.clientAddress(req.raw);
    const nameKey = `name:${name.toLowerCase()}`;
    for (const [limiter, key] of [[accounts.names, nameKey], [accounts.addresses, `address:${address}`]] as const) {
      const { wait, locked } = limiter.check(key);
      if (wait > 0) {
        ctx.log(`[studio] login refused for ${logName(name)} from ${address}: ${locked ? "locked" : "slowed down"} for ${wait} s`);
        throw new StudioHttpError(429, "StudioLocked", locked ? `Too many failed logins: try again in ${Math.ceil(wait / 60)} minutes.` : `Too many failed logins: wait ${wait} seconds.`, {
          extra: { retryAfter: wait },
        });
      }
    }
    const user = await accounts.users.verify(name, password);
    if (!user) {
      const failures = accounts.names.fail(nameKey);
      accounts.addresses.fail(`address:${address}`);
      ctx.log(`[studio] login failed for ${logName(name)} from ${address} (${failures} in a row)`);
      throw new StudioHttpError(401, "StudioLoginFailed", "The name or the password is wrong.");
    }
    accounts.names.succeed(nameKey);
    accounts.addresses.succeed(`address:${address}`);
    // A session id the browser had before (planted or old) ends here: the login gets a new one.
    const before = accounts.signedIn(req.raw);
    if (before) accounts.sessions.destroy(before.id);
    const { id, session } = accounts.sessions.create(user.name, user.role);
    ctx.log(`[studio] login: ${logName(user.name)} (${user.role}) from ${address}`);
    return { json: { csrfToken: session.csrf, user, permissions: permissionsOf(user) }, headers: { "Set-Cookie": accounts.cookie(req.raw, id) } };
  }, { action: "public" });

  r.post("/api/logout", (req) => {
    const signed = accounts.signedIn(req.raw);
    if (signed) {
      accounts.sessions.destroy(signed.id);
      ctx.log(`[studio] logout: ${logName(signed.user.name)}`);
    }
    return { json: { ok: true }, headers: { "Set-Cookie": accounts.clearCookie(req.raw) } };
  }, { action: "signed-in" });

  r.get("/api/me", (req) => {
    const signed = accounts.signedIn(req.raw);
    return { json: { user: req.user, team: accounts.team, csrfToken: signed?.session.csrf ?? null, permissions: permissionsOf(req.user) } };
  }, { action: "signed-in" });

  r.post("/api/set-password", async (req) => {
    const body = await req.json(SMALL);
    const token = text(body, "token");
    const password = text(body, "password");
    const pending = accounts.users.linkUser(token);
    if (!pending) throw new StudioHttpError(404, "StudioNotFound", "This set-password link is not valid: it was used already, has expired, or was replaced by a newer one.");
    let user;
    try {
      user = await accounts.users.redeem(token, password);
    } catch (error) {
      throw asHttp(error);
    }
    if (!user) throw new StudioHttpError(404, "StudioNotFound", "This set-password link is not valid any more.");
    accounts.sessions.destroyUser(user.name);
    ctx.log(`[studio] password set for ${logName(user.name)} from ${accounts.clientAddress(req.raw)}`);
    return { json: { user } };
  }, { action: "public" });

  r.get("/api/users", () => {
    const users = accounts.users.list().map((u) => ({ name: u.name, role: u.role, email: u.email ?? null, passwordSet: Boolean(u.password) }));
    return { json: { users } };
  }, { action: "users.manage" });

  r.post("/api/users", async (req) => {
    const body = await req.json(SMALL);
    const name = text(body, "name");
    const role = roleOf(body);
    const email = typeof body.email === "string" && body.email.trim() ? body.email.trim() : undefined;
    let token: string | null;
    try {
      ({ token } = await accounts.users.add({ name, role, email }));
    } catch (error) {
      throw asHttp(error);
    }
    ctx.log(`[studio] ${logName(req.user.name)} added user ${logName(name)} (${role})`);
    return { status: 201, json: { user: { name, role, email: email ?? null, passwordSet: false }, link: `${linkBase(accounts, req)}#set-password=${token}` } };
  }, { action: "users.manage" });

  r.delete("/api/users", (req) => {
    const name = req.param("name");
    if (name === req.user.name) throw badRequest("You cannot remove your own account.", "Another admin can, or use `plinth studio users remove NAME`.");
    try {
      accounts.users.remove(name);
    } catch (error) {
      throw asHttp(error);
    }
    accounts.sessions.destroyUser(name);
    ctx.log(`[studio] ${logName(req.user.name)} removed user ${logName(name)}`);
    return { json: { ok: true } };
  }, { action: "users.manage" });

  r.post("/api/users/reset", async (req) => {
    const name = req.param("name");
    let token: string | null;
    try {
      ({ token } = await accounts.users.reset(name));
    } catch (error) {
      throw asHttp(error);
    }
    accounts.sessions.destroyUser(name);
    ctx.log(`[studio] ${logName(req.user.name)} reset the password of ${logName(name)}`);
    return { json: { link: `${linkBase(accounts, req)}#set-password=${token}` } };
  }, { action: "users.manage" });

  r.post("/api/users/role", async (req) => {
    const name = req.param("name");
    const role = roleOf(await req.json(SMALL));
    try {
      accounts.users.setRole(name, role);
    } catch (error) {
      throw asHttp(error);
    }
    // The new role counts at once: the user logs in again and the app shows what it allows.
    accounts.sessions.destroyUser(name);
    ctx.log(`[studio] ${logName(req.user.name)} made ${logName(name)} ${role}`);
    return { json: { user: { name, role } } };
  }, { action: "users.manage" });
}
