/**
 * The studio with accounts: who a request comes from (the session cookie), whether a change
 * carries its CSRF token, and the cookie itself (HttpOnly, SameSite=Strict, Secure when the
 * studio is reached over https). One object per server, over the state folder's users and
 * sessions files.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { LoginLimiter } from "./login-limiter.js";
import type { StudioUser } from "./roles.js";
import { Sessions, type Session } from "./sessions.js";
import { publicUser, UsersStore } from "./users-store.js";

export interface AccountsOptions {
  /** The state folder. */
  dir: string;
  /** Cookies ignore ports: each studio on a machine gets its own cookie name. */
  port: number;
  /** The address people use (behind a proxy, e.g. https://studio.example.org/): its origin may send changes; https makes cookies Secure. */
  publicUrl?: string;
  /** Believe X-Forwarded-Proto and X-Forwarded-For: only when a reverse proxy on this machine is the sole way in. */
  trustProxy?: boolean;
  /** scrypt's cost (tests). */
  cost?: number;
  now?: () => number;
}

export interface SignedIn {
  id: string;
  session: Session;
  user: StudioUser;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Accounts {
  readonly users: UsersStore;
  readonly sessions: Sessions;
  /** Failures per account name. */
  readonly names: LoginLimiter;
  /** Failures per client address (guessing across many names), with more room. */
  readonly addresses: LoginLimiter;
  readonly cookieName: string;
  readonly publicOrigin?: string;

  constructor(private readonly options: AccountsOptions) {
    this.users = new UsersStore(options.dir, { cost: options.cost, now: options.now });
    this.sessions = new Sessions(options.dir, { now: options.now });
    this.names = new LoginLimiter({ now: options.now, file: path.join(options.dir, "login-failures-names.json") });
    this.addresses = new LoginLimiter({ now: options.now, free: 20, lockAfter: 50, file: path.join(options.dir, "login-failures-addresses.json") });
    this.cookieName = `plinth_session_${options.port}`;
    if (options.publicUrl) this.publicOrigin = new URL(options.publicUrl).origin;
  }

  /** Accounts exist: everyone logs in, the token no longer works. */
  get team(): boolean {
    return this.users.hasAccounts;
  }

  /** The signed-in user of a request, or null. A removed user's sessions end at once, and so do those of a user whose role changed. */
  signedIn(req: IncomingMessage): SignedIn | null {
    const id = cookieValue(req.headers.cookie, this.cookieName);
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    const stored = this.users.get(session.name);
    session.role ??= stored?.role;
    if (!stored?.password || stored.role !== session.role) {
      this.sessions.destroyUser(session.name);
      return null;
    }
    return { id, session, user: publicUser(stored) };
  }

  /** The change carries the session's CSRF token in `X-CSRF-Token`. */
  csrfOk(req: IncomingMessage, session: Session): boolean {
    const sent = req.headers["x-csrf-token"];
    return typeof sent === "string" && same(sent, session.csrf);
  }

  /** Reached over https: directly known from the public URL, or told by a trusted proxy. */
  secure(req: IncomingMessage): boolean {
    if (this.options.publicUrl?.startsWith("https:")) return true;
    return this.options.trustProxy === true && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https";
  }

  /** Who is at the other end, for the log: the proxy's X-Forwarded-For only when trusted. */
  clientAddress(req: IncomingMessage): string {
    const forwarded = req.headers["x-forwarded-for"];
    if (this.options.trustProxy && typeof forwarded === "string" && forwarded.trim()) return forwarded.split(",")[0].trim();
    return req.socket?.remoteAddress ?? "unknown";
  }

  cookie(req: IncomingMessage, id: string): string {
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/${this.secure(req) ? "; Secure" : ""}`;
  }

  clearCookie(req: IncomingMessage): string {
    return `${this.cookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${this.secure(req) ? "; Secure" : ""}`;
  }
}
