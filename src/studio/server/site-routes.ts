/** `GET /api/site`: what the app needs to know about the site before anything else. */
import path from "node:path";
import type { StudioContext } from "./context.js";
import type { Router } from "./router.js";

export function siteRoutes(r: Router, ctx: StudioContext): void {
  r.get("/api/site", () => {
    const errors = ctx.session.errors;
    return {
      json: {
        name: path.basename(ctx.inputDir === ctx.cwd ? ctx.cwd : ctx.inputDir),
        inputDir: path.relative(ctx.cwd, ctx.inputDir).split(path.sep).join("/") || ".",
        git: ctx.git !== null,
        gitAuthor: ctx.git ? `${ctx.git.author.name} <${ctx.git.author.email}>` : null,
        pathPrefix: ctx.pathPrefix,
        build: ctx.session.build,
        ok: errors === null,
      },
    };
  });
}
