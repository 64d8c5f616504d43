/** `GET /api/site`: what the app needs to know about the site before anything else. */
import path from "node:path";
import { siteTimeZone } from "../content/site-facts.js";
import { errorJson } from "./http-error.js";
import type { StudioContext } from "./context.js";
import type { Router } from "./router.js";

export function siteRoutes(r: Router, ctx: StudioContext): void {
  r.get("/api/site", () => {
    const state = ctx.session.site.lastResult?.state;
    const site = state?.globalData.site;
    const siteName = site && typeof site === "object" ? (site as Record<string, unknown>).name ?? (site as Record<string, unknown>).title : undefined;
    const errors = ctx.session.errors;
    return {
      json: {
        name: typeof siteName === "string" ? siteName : path.basename(ctx.inputDir),
        inputDir: path.relative(ctx.cwd, ctx.inputDir).split(path.sep).join("/") || ".",
        git: ctx.git !== null,
        gitAuthor: ctx.git ? `${ctx.git.author.name} <${ctx.git.author.email}>` : null,
        pathPrefix: ctx.pathPrefix,
        timeZone: siteTimeZone(state),
        collections: ctx.content.collections(),
        build: ctx.session.build,
        ok: errors === null,
        errors: (errors ?? []).map(errorJson),
      },
    };
  }, { action: "entry.read" });
}
