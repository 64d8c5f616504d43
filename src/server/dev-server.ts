/**
 * `plinth serve` put together: an HTTP server on 127.0.0.1 that serves the site from memory,
 * a watcher that feeds changed files to the DevSession, and the live-reload channel that tells
 * the open pages what each build changed or shows them the error overlay.
 *
 * @example
 * const server = await DevServer.start({ cwd, host: "127.0.0.1", port: 0, log: console.log, logError: console.error });
 * console.log(server.url); // http://127.0.0.1:40123/
 * await server.close();
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { errorToJson, formatError } from "../errors/format-error.js";
import { PlinthError } from "../errors/plinth-error.js";
import { DevSession, type BuildOutcome, type DevSessionOptions } from "./dev-session.js";
import { OVERLAY_ID, renderOverlay } from "./error-overlay.js";
import { EventStream } from "./event-stream.js";
import { FileWatcher } from "./file-watcher.js";
import { clientTag, injectBeforeBodyEnd } from "./html-injection.js";
import { clientScript, type LiveMessage } from "./live-reload-client.js";
import { answerOnRequest } from "./on-request.js";
import { diskSource, layeredSource, memorySource } from "./output-source.js";
import { filesWrittenByPlinth } from "../write/disk-writer.js";
import { normalizePrefix, pathPart } from "./request-path.js";
import { createStaticHandler, sendText, type ServedFile } from "./static-handler.js";
import { watchRoots } from "../engine/input-roots.js";
import { listen } from "./listen.js";

export interface DevServerOptions extends DevSessionOptions {
  /** Address to bind. Default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 picks a free one. Default 8080. */
  port?: number;
  /** Quiet time that ends a burst of saves. Default 10 ms. */
  debounceMs?: number;
}

/** The server's own URLs, outside any site's paths. */
const ROUTES = { client: "/_plinth/client.js", events: "/_plinth/events", errors: "/_plinth/errors" };

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

export class DevServer {
  readonly session: DevSession;
  readonly events = new EventStream<LiveMessage>();
  /** Changes with each server process, so pages from an earlier run reload when they reconnect. */
  readonly instance = randomBytes(6).toString("hex");
  private readonly http: Server;
  private readonly prefix: string;
  private readonly serveOutput: (req: IncomingMessage, res: ServerResponse) => void;
  private watcher?: FileWatcher;
  private firstBuild?: Promise<void>;
  private address?: AddressInfo;

  private constructor(private readonly options: DevServerOptions) {
    this.session = new DevSession(options);
    this.prefix = normalizePrefix(options.pathPrefix);
    this.serveOutput = createStaticHandler({
      source: layeredSource(memorySource(this.session.site.memory.files), diskSource(() => this.outputFolder()), (relative) =>
        filesWrittenByPlinth(this.outputFolder(), options.cwd).has(relative),
      ),
      pathPrefix: options.pathPrefix,
      decorateHtml: (html, served) => this.decorate(html, served),
    });
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A request must never take the server down.
        this.options.logError(`[serve] ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}\n`);
        if (!res.headersSent) sendText(req, res, 500, "Internal error\n");
        else res.destroy();
      });
    });
    this.session.onBuild((outcome) => this.afterBuild(outcome));
  }

  /** Listens, builds, starts watching, and resolves once changes are being picked up. */
  static async start(options: DevServerOptions): Promise<DevServer> {
    const server = new DevServer(options);
    await listen(server.http, options.port ?? 8080, options.host ?? "127.0.0.1");
    server.address = server.http.address() as AddressInfo;
    server.firstBuild = server.session.start();
    await server.firstBuild;
    await server.startWatching();
    return server;
  }

  /** The site's address, with the path prefix. */
  get url(): string {
    const address = this.address;
    if (!address) return "";
    return `http://${urlHost(this.options.host ?? "127.0.0.1")}:${address.port}${this.prefix}`;
  }

  get watched(): string[] {
    return this.watcher?.watched ?? [];
  }

  async close(): Promise<void> {
    this.events.close();
    await this.watcher?.close();
    await this.session.idle();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private async startWatching(): Promise<void> {
    const cwd = this.options.cwd;
    this.watcher = new FileWatcher(this.roots(), {
      cwd,
      ignoreInside: () => [this.outputFolder()],
      debounceMs: this.options.debounceMs,
      onChange: (paths) => {
        this.debug(`changed: ${paths.map((p) => path.relative(cwd, p) || ".").join(", ")}`);
        this.session.requestUpdate(paths);
      },
      onError: (error) => {
        const failure = new PlinthError("ServeWatchFailed", error.message, { cause: error });
        this.options.logError(`${formatError(failure)}\n`);
      },
    });
    await this.watcher.whenReady();
    this.debug(`watching: ${this.watcher.watched.map((p) => path.relative(cwd, p) || ".").join(", ")}`);
  }

  /** Details for someone chasing a problem, with PLINTH_DEBUG=serve. */
  private debug(line: string): void {
    if (/\bserve\b/.test(process.env.PLINTH_DEBUG ?? "")) this.options.log(`[serve:debug] ${line}`);
  }

  private outputFolder(): string {
    return this.session.site.lastResult?.paths.output ?? path.resolve(this.options.cwd, this.options.output ?? "_site");
  }

  private roots(): string[] {
    return watchRoots({
      cwd: this.options.cwd,
      inputFlag: this.options.input,
      configPath: this.options.configPath,
      paths: this.session.site.lastResult?.paths,
      config: this.session.config,
    });
  }

  private afterBuild(outcome: BuildOutcome): void {
    // The config may have moved folders or added watch targets.
    this.watcher?.setRoots(this.roots());
    if (outcome.ok) this.events.broadcast({ type: "update", build: outcome.build, changes: outcome.changes });
    else this.events.broadcast({ type: "error", overlay: renderOverlay(outcome.errors) });
  }

  private decorate(html: string, served: ServedFile): string {
    const overlay = this.session.errors ? renderOverlay(this.session.errors) : "";
    const tag = clientTag({
      src: ROUTES.client,
      served: served.relative,
      status: served.status,
      prefix: this.prefix,
      build: this.session.build,
      instance: this.instance,
    });
    return injectBeforeBodyEnd(html, `${overlay}${tag}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = pathPart(req.url ?? "/");
    if (route.startsWith("/_plinth/")) return this.handleOwn(route, req, res);
    await this.firstBuild;
    if (await this.answerFromHooks(req, res)) return;
    if (!this.session.hasOutput && this.session.errors) return this.errorPage(req, res);
    this.serveOutput(req, res);
  }

  /** The site's own `setServerOptions({ onRequest })` functions get the request first, as in Eleventy. */
  private async answerFromHooks(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const hooks = this.session.config?.serverOptions.onRequest;
    if (hooks === undefined) return false;
    const answer = await answerOnRequest(hooks, req.url ?? "/", this.prefix, `http://localhost:${this.address?.port ?? 0}`);
    if (!answer) return false;
    res.statusCode = answer.status;
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.setHeader("Content-Length", String(Buffer.byteLength(answer.body)));
    res.end(req.method === "HEAD" ? undefined : answer.body);
    return true;
  }

  private handleOwn(route: string, req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(req, res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    if (route === ROUTES.client) {
      const body = clientScript({ events: ROUTES.events, overlayId: OVERLAY_ID });
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache", "Content-Length": String(Buffer.byteLength(body)) });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (route === ROUTES.errors) {
      const body = JSON.stringify({ build: this.session.build, ok: this.session.errors === null, errors: (this.session.errors ?? []).map(errorToJson) }, null, 2);
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", "Content-Length": String(Buffer.byteLength(body)) });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (route === ROUTES.events && req.method === "HEAD") {
      res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" }).end();
      return;
    }
    if (route === ROUTES.events) {
      const since = Number(new URL(req.url ?? "/", "http://localhost").searchParams.get("build") ?? "-1");
      const errors = this.session.errors;
      this.events.accept(req, res, {
        type: "hello",
        instance: this.instance,
        build: this.session.build,
        overlay: errors ? renderOverlay(errors) : null,
        changes: Number.isInteger(since) ? this.session.changesSince(since) : null,
      });
      return;
    }
    sendText(req, res, 404, "Not found\n");
  }

  /** Before the first good build there is no output: every page shows the overlay instead. */
  private errorPage(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(req, res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    const page = this.decorate('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Build failed · Plinth</title></head><body></body></html>\n', {
      relative: "",
      status: 404,
    });
    res.writeHead(500, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache", "Content-Length": String(Buffer.byteLength(page)) });
    res.end(req.method === "HEAD" ? undefined : page);
  }
}
