/**
 * Who a request is, decided before any route runs. With no accounts, the single-user token (a
 * Bearer header, the cookie, or `?token=` once) makes it the admin the token stands for. Once
 * accounts exist the token counts for nothing: a session cookie names the user, public routes
 * (the app's files, login, set-password) need none, and every change must come from the
 * studio's origin (or no browser at all) and carry the session's CSRF token.
 */
import type { IncomingMessage } from "node:http";
import type { StudioAuth } from "../server/auth.js";
import { StudioHttpError } from "../server/http-error.js";
import type { RouteAccess } from "../server/router.js";
import type { Accounts } from "./accounts.js";
import type { StudioUser } from "./roles.js";

export type Admission =
  | { user: StudioUser; setCookie?: string; redirect?: string }
  | { refuse: StudioHttpError };

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Stands in as `req.user` on public routes before login; those handlers do not use it. */
const GUEST: StudioUser = { name: "guest", role: "writer" };

function foreignOrigin(req: IncomingMessage): StudioHttpError {
  return new StudioHttpError(403, "StudioForbiddenOrigin", `Changes are accepted only from the studio itself, not from Origin ${JSON.stringify(req.headers.origin ?? "(none)")}.`);
}

export function admit(req: IncomingMessage, url: URL, access: RouteAccess | undefined, auth: StudioAuth, accounts: Accounts, tokenUser: StudioUser): Admission {
  const change = !SAFE.has(req.method ?? "GET");
  if (!accounts.team) {
    const how = auth.authenticate(req, url.searchParams);
    if (!how) return { refuse: new StudioHttpError(401, "StudioUnauthorized", "This request has no valid studio token.") };
    if (!auth.originAllowed(req, how)) return { refuse: foreignOrigin(req) };
    if (how !== "query") return { user: tokenUser };
    const admitted: Admission = { user: tokenUser, setCookie: auth.cookieHeader() };
    if (req.method === "GET" && !url.pathname.startsWith("/api/")) {
      // The token leaves the address bar (and the history) at once; the cookie carries it from now on.
      url.searchParams.delete("token");
      admitted.redirect = `${url.pathname}${url.search}`;
    }
    return admitted;
  }
  // No browser page of another site may post here, logged in or not (login CSRF included).
  if (change && !auth.originAllowed(req, "bearer")) return { refuse: foreignOrigin(req) };
  const signed = accounts.signedIn(req);
  if (access === "public") return { user: signed?.user ?? GUEST };
  if (!signed) return { refuse: new StudioHttpError(401, "StudioLoginNeeded", "Log in to use the studio.") };
  if (change && !accounts.csrfOk(req, signed.session)) {
    return { refuse: new StudioHttpError(403, "StudioCsrf", "This change does not carry the session's X-CSRF-Token header.") };
  }
  return { user: signed.user };
}
