/**
 * Headers on every studio response. The app gets a Content-Security-Policy without inline
 * scripts; the site's own pages (the preview) keep their scripts, since a faithful preview
 * runs them, but may only be framed by the studio. Nothing leaks the token through Referer.
 */
import type { ServerResponse } from "node:http";

export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** For pages of the site shown in the preview frame: the site's own scripts and styles run as they will when published. */
export const SITE_CSP = "frame-ancestors 'self'; object-src 'none'";

export function setCommonHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", APP_CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "SAMEORIGIN");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}

export function setSiteHeaders(res: ServerResponse): void {
  res.setHeader("Content-Security-Policy", SITE_CSP);
}
