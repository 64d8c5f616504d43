/**
 * Who may use the studio. It listens on 127.0.0.1, but any web page the user visits can send
 * requests to localhost, so every request carries a secret: the token from the URL printed in
 * the terminal, kept afterwards in an HttpOnly, SameSite=Strict cookie, or an
 * `Authorization: Bearer` header for scripts. Requests that change something must also come
 * from the studio's own origin, and the Host header must name this server (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export type AuthResult = "bearer" | "cookie" | "query" | null;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A fresh token: 24 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::" || host === "";
}

export class StudioAuth {
  /** Cookies ignore ports, so two studios on one machine each need their own cookie name. */
  readonly cookieName: string;
  private readonly hosts: Set<string>;
  private readonly origins: Set<string>;

  constructor(
    readonly token: string,
    private readonly bindHost: string,
    port: number,
    /** The address people use behind a reverse proxy (`--public-url`): its host and origin are this studio's too. */
    publicUrl?: string,
  ) {
    this.cookieName = `plinth_studio_${port}`;
    const names = new Set(["127.0.0.1", "localhost", "[::1]"]);
    if (!isWildcard(bindHost)) names.add(bindHost.includes(":") ? `[${bindHost}]` : bindHost);
    this.hosts = new Set([...names].map((n) => `${n}:${port}`));
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`));
    if (publicUrl) {
      const url = new URL(publicUrl);
      this.hosts.add(url.host.toLowerCase());
      this.origins.add(url.origin.toLowerCase());
    }
  }

  /** The Host header names this server; any host is accepted when it listens on every address. */
  hostAllowed(req: IncomingMessage): boolean {
    if (isWildcard(this.bindHost)) return true;
    const host = (req.headers.host ?? "").toLowerCase();
    return this.hosts.has(host);
  }

  /** How the request proved it knows the token, or null. */
  authenticate(req: IncomingMessage, query: URLSearchParams): AuthResult {
    const header = req.headers.authorization;
    if (header?.startsWith("Bearer ") && sameSecret(header.slice(7).trim(), this.token)) return "bearer";
    const cookie = cookieValue(req.headers.cookie, this.cookieName);
    if (cookie !== undefined && sameSecret(cookie, this.token)) return "cookie";
    const fromQuery = query.get("token");
    if (fromQuery !== null && sameSecret(fromQuery, this.token)) return "query";
    return null;
  }

  /**
   * A state-changing request must come from the studio's own pages: a browser always sends
   * Origin with one, so a foreign or missing Origin is refused, unless a script proved itself
   * with the Bearer header (which no other site's page can send without knowing the token).
   */
  originAllowed(req: IncomingMessage, how: AuthResult): boolean {
    if (SAFE_METHODS.has(req.method ?? "GET")) return true;
    const origin = req.headers.origin;
    if (req.headers["sec-fetch-site"] === "cross-site") return false;
    if (origin === undefined) return how === "bearer";
    return this.origins.has(origin.toLowerCase());
  }

  /** The Set-Cookie header that keeps the token for the browser's session. */
  cookieHeader(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
