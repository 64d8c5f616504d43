/**
 * `plinth studio` put together: one HTTP server on 127.0.0.1 that serves the editor app, its
 * JSON API and the site's pages as the dev session builds them (the preview), with the token,
 * Host and Origin checks in front of everything. The engine is the same DevSession as
 * `plinth serve`; a watcher feeds it the files that change on disk.
 *
 * @example
 * const studio = await StudioServer.start({ cwd, port: 0, log: console.log, logError: console.error });
 * console.log(studio.openUrl); // http://127.0.0.1:40123/?token=…
 * await studio.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { formatError } from "../../errors/format-error.js";
import { PlinthError } from "../../errors/plinth-error.js";
import { watchRoots } from "../../engine/input-roots.js";
import { DevSession, type DevSessionOptions } from "../../server/dev-session.js";
import { FileWatcher } from "../../server/file-watcher.js";
import { memorySource } from "../../server/output-source.js";
import { normalizePrefix } from "../../server/request-path.js";
import { createStaticHandler } from "../../server/static-handler.js";
import { ContentIndex } from "../content/content-index.js";
import { ContentStore } from "../content/content-store.js";
import { GitRepo, type GitAuthor } from "../git/git-repo.js";
import { recoverRepository } from "../git/recover.js";
import { PreviewOverlay } from "../preview/preview-overlay.js";
import { Accounts } from "../auth/accounts.js";
import { authRoutes } from "../auth/auth-routes.js";
import { authorize, forbidden, mayCall } from "../auth/authorize.js";
import { admit } from "../auth/gate.js";
import { STATE_FOLDER } from "../auth/state-dir.js";
import { UsersStore } from "../auth/users-store.js";
import type { StudioUser } from "../auth/roles.js";
import { StudioAuth, newToken } from "./auth.js";
import type { StudioContext } from "./context.js";
import { sitePathIn } from "./context.js";
import { errorReply, errorJson, StudioHttpError } from "./http-error.js";
import { Router, makeRequest, type Reply } from "./router.js";
import { setCommonHeaders, setSiteHeaders } from "./security-headers.js";
import { appRoutes, PUBLIC_DIR } from "./static-app.js";
import { mountRoutes } from "./routes.js";
import { listen } from "../../server/listen.js";

export interface StudioServerOptions extends Omit<DevSessionOptions, "toDisk"> {
  /** Address to bind. Default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. Default 8081. */
  port?: number;
  /** The secret every request must carry. Default: PLINTH_STUDIO_TOKEN, else a random one. */
  token?: string;
  /** Who commits: default the repository's `user.name` and `user.email`. */
  author?: GitAuthor;
  /** Where the browser app's files are (tests). Default dist/src/studio/public. */
  publicDir?: string;
  /** Quiet time that ends a burst of file changes. Default 10 ms. */
  debounceMs?: number;
  /** The address people use behind a TLS reverse proxy, e.g. https://studio.example.org/ (Host, Origin, Secure cookies). */
  publicUrl?: string;
  /** Believe X-Forwarded-Proto/-For: only when the studio is reachable through its proxy alone. */
  trustProxy?: boolean;
  /** scrypt's cost for passwords (tests use a small one). */
  passwordCost?: number;
  /** The clock of sessions and login limits (tests). */
  now?: () => number;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/;

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.length), "Cache-Control": "no-store", ...headers });
  res.end(req.method === "HEAD" ? undefined : body);
}

const LOCKED = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plinth Studio · token needed</title></head>
<body><h1>Plinth Studio</h1><p>Open the address that <code>plinth studio</code> printed in the terminal: it carries the access token (<code>?token=…</code>).</p></body></html>
`;

const LOGIN_NEEDED = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plinth Studio · log in</title></head>
<body><h1>Plinth Studio</h1><p><a href="/">Log in</a> to see this page.</p></body></html>
`;

export class StudioServer {
  readonly session: DevSession;
  readonly router = new Router();
  readonly token: string;
  readonly overlay = new PreviewOverlay();
  private readonly http: Server;
  private auth!: StudioAuth;
  /** Accounts and sessions, in the state folder; none means the single-user token mode. */
  accounts!: Accounts;
  private ctx!: StudioContext;
  /** Who the token stands for: the single user, an admin named after git's user.name. */
  private tokenUser: StudioUser = { name: "studio", role: "admin" };
  private watcher?: FileWatcher;
  private readonly closing: (() => void)[] = [];
  private address?: AddressInfo;
  private readonly serveSite: (req: IncomingMessage, res: ServerResponse) => void;

  private constructor(private readonly options: StudioServerOptions) {
    this.token = options.token ?? process.env.PLINTH_STUDIO_TOKEN ?? newToken();
    this.session = new DevSession({ ...options, toDisk: false, sourceOverlay: this.overlay.source, label: "studio" });
    this.serveSite = createStaticHandler({ source: memorySource(this.session.site.memory.files), pathPrefix: options.pathPrefix });
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A request must never take the server down.
        this.options.logError(`[studio] ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}\n`);
        if (!res.headersSent) sendJson(req, res, 500, { error: errorJson(new PlinthError("StudioInternal", (error as Error).message ?? String(error))) });
        else res.destroy();
      });
    });
  }

  /** Listens, builds the site, opens its git repository, starts watching. */
  static async start(options: StudioServerOptions): Promise<StudioServer> {
    const server = new StudioServer(options);
    const host = options.host ?? "127.0.0.1";
    const stateFolder = path.join(options.cwd, STATE_FOLDER);
    if (!LOOPBACK.test(host) && !new UsersStore(stateFolder).hasAccounts) {
      throw new PlinthError("StudioNeedsAccounts", `--host ${host} would let other machines reach the studio, and it has no accounts yet.`);
    }
    await listen(server.http, options.port ?? 8081, host);
    server.address = server.http.address() as AddressInfo;
    server.accounts = new Accounts({ dir: stateFolder, port: server.address.port, publicUrl: options.publicUrl, trustProxy: options.trustProxy, cost: options.passwordCost, now: options.now });
    server.auth = new StudioAuth(server.token, host, server.address.port, options.publicUrl);
    await server.session.start();
    const inputDir = server.session.site.lastResult?.paths.input ?? path.resolve(options.cwd, options.input ?? ".");
    const git = await GitRepo.open(inputDir, options.author);
    // A studio killed mid-save may have left git's lock or a temporary file: cleared before any save.
    if (git) await recoverRepository(git, { log: options.log });
    const content = new ContentIndex();
    // A saved file is read from disk again: its unsaved text has become the file.
    const store = new ContentStore({ session: server.session, git, logError: options.logError, onWrite: (relative) => server.overlay.drop(relative) });
    const refresh = (remade?: ReadonlySet<string>) => {
      const state = server.session.site.lastResult?.state;
      // The list shows files as saved, not the preview's unsaved text.
      if (state) content.refresh(state, server.overlay.paths(), remade);
    };
    refresh();
    content.warmSearch();
    server.session.onBuild((outcome) => {
      if (outcome.ok) refresh(outcome.update.result.remade);
    });
    if (git) server.tokenUser = { name: git.author.name, role: "admin", email: git.author.email };
    server.ctx = {
      get team() {
        return server.accounts.team;
      },
      authorize: (req, action, target) => authorize(req.user, action, target),
      onClose: (stop) => server.closing.push(stop),
      content,
      store,
      overlay: server.overlay,
      session: server.session,
      cwd: options.cwd,
      inputDir,
      pathPrefix: normalizePrefix(options.pathPrefix),
      git,
      log: options.log,
      logError: options.logError,
      sitePath: sitePathIn(inputDir),
    };
    appRoutes(server.router, options.publicDir ?? PUBLIC_DIR);
    authRoutes(server.router, server.ctx, server.accounts);
    await mountRoutes(server.router, server.ctx);
    await server.startWatching();
    return server;
  }

  get context(): StudioContext {
    return this.ctx;
  }

  /** The studio's address, without the token. */
  get url(): string {
    const address = this.address;
    if (!address) return "";
    const host = this.options.host ?? "127.0.0.1";
    const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    return `http://${shown.includes(":") ? `[${shown}]` : shown}:${address.port}/`;
  }

  /** The address to open in a browser: with the token, which the studio then keeps in a cookie. */
  get openUrl(): string {
    return `${this.url}?token=${encodeURIComponent(this.token)}`;
  }

  async close(): Promise<void> {
    for (const stop of this.closing) stop();
    await this.watcher?.close();
    await this.session.idle();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private async startWatching(): Promise<void> {
    const roots = () =>
      watchRoots({ cwd: this.options.cwd, inputFlag: this.options.input, configPath: this.options.configPath, paths: this.session.site.lastResult?.paths, config: this.session.config });
    this.watcher = new FileWatcher(roots(), {
      cwd: this.options.cwd,
      ignoreInside: () => [this.session.site.lastResult?.paths.output ?? path.resolve(this.options.cwd, this.options.output ?? "_site")],
      debounceMs: this.options.debounceMs,
      onChange: (paths) => {
        // The studio's own saves were built as they were made.
        const news = paths.filter((p) => !this.ctx.store.isOwnWrite(p));
        if (news.length) this.session.requestUpdate(news);
      },
      onError: (error) => this.options.logError(`${formatError(new PlinthError("ServeWatchFailed", error.message, { cause: error }))}\n`),
    });
    this.session.onBuild(() => this.watcher?.setRoots(roots()));
    await this.watcher.whenReady();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    const url = new URL(req.url ?? "/", "http://studio.invalid");
    const api = url.pathname.startsWith("/api/");
    const refuse = (error: StudioHttpError) => {
      if (api || (req.method !== "GET" && req.method !== "HEAD")) return sendJson(req, res, error.status, { error: errorJson(error) });
      const page = error.code === "StudioLoginNeeded" ? LOGIN_NEEDED : LOCKED;
      res.writeHead(error.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(req.method === "HEAD" ? undefined : page);
    };
    if (!this.auth.hostAllowed(req)) return refuse(new StudioHttpError(403, "StudioBadHost", `The Host header ${JSON.stringify(req.headers.host ?? "")} does not name this studio.`));
    const match = this.router.match(req.method ?? "GET", url.pathname);
    const admission = admit(req, url, match.kind === "found" ? match.action : undefined, this.auth, this.accounts, this.tokenUser);
    if ("refuse" in admission) return refuse(admission.refuse);
    const user = admission.user;
    if (admission.setCookie) res.setHeader("Set-Cookie", admission.setCookie);
    if (admission.redirect) {
      res.writeHead(303, { Location: admission.redirect, "Content-Type": "text/plain; charset=utf-8" }).end(`See ${admission.redirect}\n`);
      return;
    }
    if (match.kind === "method") {
      return sendJson(req, res, 405, { error: errorJson(new StudioHttpError(405, "StudioMethodNotAllowed", `${req.method} is not allowed on ${url.pathname}.`)) }, { Allow: match.allowed.join(", ") });
    }
    if (match.kind === "none") {
      if (api) return sendJson(req, res, 404, { error: errorJson(new StudioHttpError(404, "StudioNotFound", `There is no API route ${url.pathname}.`)) });
      // Everything else is the site itself: the assets and pages the preview frame loads.
      setSiteHeaders(res);
      return this.serveSite(req, res);
    }
    if (!mayCall(user, match.action)) {
      return sendJson(req, res, 403, { error: errorJson(forbidden(user, match.action ?? "settings")) });
    }
    let reply: Reply;
    try {
      reply = await match.handler(makeRequest(req, res, url, match.rest, user));
    } catch (error) {
      const { status, body, unexpected } = errorReply(error);
      if (unexpected) this.options.logError(`[studio] ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}\n`);
      if (res.headersSent) return void res.destroy();
      return sendJson(req, res, status, body);
    }
    if ("sent" in reply) return;
    if ("json" in reply) return sendJson(req, res, reply.status ?? 200, reply.json, reply.headers);
    const body = typeof reply.body === "string" ? Buffer.from(reply.body) : reply.body;
    res.writeHead(reply.status ?? 200, { "Content-Type": reply.type, "Content-Length": String(body.length), ...reply.headers });
    res.end(req.method === "HEAD" ? undefined : body);
  }
}
