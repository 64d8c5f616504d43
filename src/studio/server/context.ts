/**
 * What every studio route module gets: the dev session (the one engine), the site's folders,
 * its git repository if any, and the terminal. Route modules export
 * `function xxxRoutes(r: Router, ctx: StudioContext): void`.
 */
import type { Action, ActionTarget } from "../auth/roles.js";
import type { DevSession } from "../../server/dev-session.js";
import type { ContentIndex } from "../content/content-index.js";
import type { ContentStore } from "../content/content-store.js";
import type { GitRepo } from "../git/git-repo.js";
import type { PreviewOverlay } from "../preview/preview-overlay.js";
import type { StudioRequest } from "./router.js";
import { sitePath, type SitePath } from "./safe-path.js";

export interface StudioContext {
  /** The engine: the same incremental DevSession as `plinth serve`. */
  readonly session: DevSession;
  /** The working folder (where the config file is). */
  readonly cwd: string;
  /** The site's input folder, absolute; every API path is relative to it. */
  readonly inputDir: string;
  /** The URL prefix (`--pathprefix`), `/` or `/docs/`. */
  readonly pathPrefix: string;
  /** The site's repository, or null when it is not in one (plain writes). */
  readonly git: GitRepo | null;
  /** The site's content as of the last good build: collections, entries, search. */
  readonly content: ContentIndex;
  /** Reads and writes content files: atomic, checked against the base revision, committed, built. */
  readonly store: ContentStore;
  /** Unsaved texts the preview builds instead of the files. */
  readonly overlay: PreviewOverlay;
  /** True once any account exists: logins, roles, review before publishing. False in the single-user token mode. */
  readonly team: boolean;
  /** Throws a 403 StudioForbidden when the request's user may not do the action on the target. */
  authorize(req: StudioRequest, action: Action, target?: ActionTarget): void;
  /** Runs `stop` when the studio closes (timers such as scheduled publishing). */
  onClose(stop: () => void): void;
  log(line: string): void;
  logError(text: string): void;
  /** A request's path as a file of the site, or a 400 StudioPathUnsafe. */
  sitePath(value: string): SitePath;
}

export function sitePathIn(inputDir: string): (value: string) => SitePath {
  return (value) => sitePath(inputDir, value);
}
