/**
 * Login sessions: a random id in an HttpOnly cookie, a CSRF token the app sends back on every
 * change, an idle and an absolute expiry. Kept in `.plinth-studio/sessions.json` (600) so a
 * restart does not log everyone out; the file holds only SHA-256 digests of the ids, so reading
 * it does not give anyone a session. The CSRF token is derived from the id (an HMAC), so it is
 * not stored either.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import path from "node:path";
import type { Role } from "./roles.js";
import { readStateRecords, writeStateFile } from "./state-dir.js";

export interface Session {
  /** The user's name; their role is read from the users file at every request. */
  name: string;
  /**
   * The role at login. When the users file says another (`plinth studio users role`, from any
   * process), the session ends, so the app is reloaded with what the new role allows.
   * Absent in sessions saved before roles were kept: they take the role they first meet.
   */
  role?: Role;
  csrf: string;
  created: number;
  seen: number;
}

export interface SessionsOptions {
  now?: () => number;
  /** A session unused this long ends. Default 12 hours. */
  idleMs?: number;
  /** A session ends this long after login, used or not. Default 7 days. */
  maxMs?: number;
}

const HOUR = 3600 * 1000;

function digest(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

function csrfOf(id: string): string {
  return createHmac("sha256", id).update("plinth-studio-csrf").digest("base64url");
}

export class Sessions {
  private readonly file: string;
  private readonly byDigest = new Map<string, Session>();
  private readonly now: () => number;
  private readonly idleMs: number;
  private readonly maxMs: number;

  constructor(dir: string, options: SessionsOptions = {}) {
    this.file = path.join(dir, "sessions.json");
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? 12 * HOUR;
    this.maxMs = options.maxMs ?? 7 * 24 * HOUR;
    this.load();
  }

  /** A new session: always a new id, so an id planted before login is worth nothing after. */
  create(name: string, role?: Role): { id: string; session: Session } {
    const id = randomBytes(32).toString("base64url");
    const at = this.now();
    const session: Session = { name, csrf: csrfOf(id), created: at, seen: at, ...(role ? { role } : {}) };
    this.byDigest.set(digest(id), session);
    this.persist();
    return { id, session };
  }

  /** The live session with this id, or null (and forgotten when it has expired). */
  get(id: string): Session | null {
    const key = digest(id);
    const session = this.byDigest.get(key);
    if (!session) return null;
    const at = this.now();
    if (this.expired(session, at)) {
      this.byDigest.delete(key);
      this.persist();
      return null;
    }
    session.seen = at;
    session.csrf = csrfOf(id);
    return session;
  }

  destroy(id: string): void {
    if (this.byDigest.delete(digest(id))) this.persist();
  }

  /** Ends every session of a user (removed, a new password, another role). */
  destroyUser(name: string): void {
    let changed = false;
    for (const [key, session] of this.byDigest) {
      if (session.name === name) changed = this.byDigest.delete(key);
    }
    if (changed) this.persist();
  }

  get size(): number {
    return this.byDigest.size;
  }

  private expired(session: Session, at: number): boolean {
    return at - session.seen > this.idleMs || at - session.created > this.maxMs;
  }

  private load(): void {
    // A missing or damaged sessions file only logs everyone out.
    const saved = readStateRecords(this.file) ?? {};
    const at = this.now();
    for (const [key, value] of Object.entries(saved)) {
      const session = value as Partial<Session> | null;
      if (typeof session?.name === "string" && typeof session.created === "number" && typeof session.seen === "number" && !this.expired(session as Session, at)) {
        this.byDigest.set(key, { ...(session as Session), csrf: "" });
      }
    }
  }

  private persist(): void {
    const saved = Object.fromEntries([...this.byDigest].map(([key, { name, role, created, seen }]) => [key, { name, role, created, seen }]));
    writeStateFile(this.file, `${JSON.stringify(saved)}\n`);
  }
}
