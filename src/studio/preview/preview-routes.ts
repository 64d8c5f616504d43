/**
 * The live preview: `POST /api/preview` puts the editor's unsaved text over the file and has
 * the dev session build it (incrementally: that page and the pages that list it), `GET
 * /preview/<url>` serves the result from memory with a small script that reloads the frame
 * after the next build, `DELETE /api/preview` drops the unsaved text, and `GET /api/events`
 * streams each build's news.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { EventStream } from "../../server/event-stream.js";
import { escapeHtml } from "../../server/error-overlay.js";
import { injectBeforeBodyEnd } from "../../server/html-injection.js";
import { memorySource } from "../../server/output-source.js";
import { createStaticHandler } from "../../server/static-handler.js";
import type { StudioContext } from "../server/context.js";
import { badRequest } from "../server/http-error.js";
import type { Router } from "../server/router.js";
import { setSiteHeaders } from "../server/security-headers.js";
import { PREVIEW_CLIENT, PREVIEW_CLIENT_PATH } from "./preview-client.js";
import { previewErrors } from "./preview-errors.js";

export type StudioEvent =
  | { type: "hello"; build: number; ok: boolean }
  | { type: "build"; build: number; ok: boolean; changed: string[]; removed: string[]; errors: number };

/** The URL of the first page the entry at `absolute` makes, from the last good build. */
function urlOf(ctx: StudioContext, absolute: string): string | null {
  const state = ctx.session.site.lastResult?.state;
  const template = state?.templates.get(absolute);
  const url = template ? state?.pagesByTemplate.get(template)?.[0]?.page.url : undefined;
  return typeof url === "string" ? url : null;
}

export function previewRoutes(r: Router, ctx: StudioContext): void {
  const { overlay } = ctx;
  const events = new EventStream<StudioEvent>();
  ctx.session.onBuild((outcome) => {
    if (outcome.ok) events.broadcast({ type: "build", build: outcome.build, ok: true, changed: outcome.changes.changed, removed: outcome.changes.removed, errors: 0 });
    else events.broadcast({ type: "build", build: ctx.session.build, ok: false, changed: [], removed: [], errors: outcome.errors.length });
  });

  const servePage = createStaticHandler({
    source: memorySource(ctx.session.site.memory.files),
    pathPrefix: "/preview/",
    decorateHtml: (html, served) =>
      injectBeforeBodyEnd(html, `<script src="${PREVIEW_CLIENT_PATH}" data-page="${escapeHtml(served.relative)}" data-build="${ctx.session.build}"></script>`),
  });

  r.post("/api/preview", async (req) => {
    const file = ctx.sitePath(req.param("path"));
    const body = await req.json(20 * 1024 * 1024);
    if (typeof body.raw !== "string") throw badRequest('"raw" must be the unsaved text of the file.');
    const raw = body.raw;
    const before = ctx.session.build;
    overlay.set(file, raw);
    ctx.session.requestUpdate([file.absolute]);
    await ctx.session.idle();
    const errors = ctx.session.errors ?? [];
    const changed = ctx.session.changesSince(before)?.changed ?? [];
    return {
      json: {
        path: file.relative,
        url: urlOf(ctx, file.absolute),
        build: ctx.session.build,
        ok: errors.length === 0,
        errors: previewErrors(errors, { cwd: ctx.cwd, inputDir: ctx.inputDir, path: file.relative, raw }),
        /** Output files this preview changed: the page, and the pages that list it. */
        changed,
        /** The same as URLs to open in the frame (HTML pages only). */
        pages: changed.filter((p) => p.endsWith(".html")).map((p) => `/${p.replace(/(^|\/)index\.html$/, "$1")}`),
      },
    };
  }, { action: "preview" });

  r.delete("/api/preview", async (req) => {
    const file = ctx.sitePath(req.param("path"));
    const dropped = overlay.drop(file.relative);
    if (dropped) {
      ctx.session.requestUpdate([file.absolute]);
      await ctx.session.idle();
    }
    return { json: { path: file.relative, dropped, build: ctx.session.build } };
  }, { action: "preview" });

  r.get("/api/events", (req) => {
    events.accept(req.raw, req.res, { type: "hello", build: ctx.session.build, ok: ctx.session.errors === null });
    return { sent: true };
  }, { action: "preview" });

  r.get(PREVIEW_CLIENT_PATH, () => ({ body: PREVIEW_CLIENT, type: "text/javascript; charset=utf-8", headers: { "Cache-Control": "no-cache" } }), { action: "preview" });

  const preview = (req: IncomingMessage, res: ServerResponse) => {
    setSiteHeaders(res);
    servePage(req, res);
  };
  r.get("/preview", (req) => {
    preview(req.raw, req.res);
    return { sent: true };
  }, { action: "preview" });
  r.get("/preview/*", (req) => {
    preview(req.raw, req.res);
    return { sent: true };
  }, { action: "preview" });
}
