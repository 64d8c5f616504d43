/**
 * `GET /api/links?url=U`: the pages whose built HTML links to U, for the warnings before a
 * rename or a delete. `POST /api/entry/rename?path=P { to }`: moves the entry's file, commits
 * the move, and answers which pages linked to its old URL (they now need updating).
 */
import path from "node:path";
import type { StudioContext } from "../server/context.js";
import { badRequest } from "../server/http-error.js";
import type { Router } from "../server/router.js";
import { LinkIndex, type BuiltPage, type LinkingPage } from "./link-index.js";
import { moveEntry } from "./rename.js";

function inputRelative(ctx: StudioContext, inputPath: string): string {
  return path.relative(ctx.inputDir, path.resolve(ctx.cwd, inputPath)).split(path.sep).join("/");
}

/** The last good build's HTML pages, with their source and title. */
function* builtPages(ctx: StudioContext): Iterable<BuiltPage & { html: string }> {
  for (const page of ctx.session.site.lastResult?.pages ?? []) {
    if (page.outputRelative === false || !/\.html?$/.test(page.outputRelative) || typeof page.page.url !== "string") continue;
    const html = ctx.session.site.memory.read(page.outputRelative);
    if (html === undefined) continue;
    const title = typeof page.data.title === "string" ? page.data.title : undefined;
    yield { output: page.outputRelative, url: page.page.url, path: inputRelative(ctx, page.page.inputPath), title, html };
  }
}

/** The URLs the entry at `relative` is built to (a paginated template has several). */
function urlsOf(ctx: StudioContext, relative: string): string[] {
  const urls = new Set<string>();
  for (const page of ctx.session.site.lastResult?.pages ?? []) {
    if (typeof page.page.url === "string" && inputRelative(ctx, page.page.inputPath) === relative) urls.add(page.page.url);
  }
  return [...urls];
}

export function linksRoutes(r: Router, ctx: StudioContext): void {
  const index = new LinkIndex();
  const linking = (url: string, except?: string): LinkingPage[] => index.pagesLinkingTo(url, ctx.pathPrefix, builtPages(ctx), except);
  const linkingToEntry = (relative: string): LinkingPage[] => {
    const seen = new Map<string, LinkingPage>();
    for (const url of urlsOf(ctx, relative)) for (const page of linking(url, relative)) seen.set(page.path, page);
    return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path));
  };

  r.get("/api/links", (req) => {
    const url = req.query.get("url");
    const entry = req.query.get("path");
    if (entry) return { json: { pages: linkingToEntry(ctx.sitePath(entry).relative) } };
    if (!url) throw badRequest("Give `url` (a page's URL) or `path` (an entry) to find the pages linking to it.");
    return { json: { pages: linking(url) } };
  });

  r.post("/api/entry/rename", async (req) => {
    const from = ctx.sitePath(req.param("path"));
    const body = await req.json();
    if (typeof body.to !== "string" || body.to.trim() === "") throw badRequest("Give the new path as `to` in the JSON body.");
    const to = ctx.sitePath(body.to.trim());
    // The links are found before the move: after it, the next build no longer has the old URL.
    const linkedFrom = linkingToEntry(from.relative);
    moveEntry(from, to);
    const commit = ctx.git ? await ctx.git.commitPaths([from.relative, to.relative], `Rename ${from.relative} to ${to.relative}`) : null;
    ctx.session.requestUpdate([from.absolute, to.absolute]);
    ctx.log(`[studio] renamed ${from.relative} to ${to.relative}${linkedFrom.length ? `; ${linkedFrom.length} page(s) link to its old URL` : ""}`);
    return { json: { path: to.relative, commit, linkedFrom } };
  });
}
