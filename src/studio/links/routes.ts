/**
 * `GET /api/links?url=U`: the pages whose built HTML links to U, for the warnings before a
 * rename or a delete. `POST /api/entry/rename?path=P { to, redirect? }`: moves the entry's file,
 * adds a redirect from its old URL when the site keeps a redirects file, commits, and answers
 * which pages linked to its old URL (they now need updating).
 */
import { authorOf } from "../auth/roles.js";
import { entryTarget } from "../auth/targets.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { addRedirect } from "../../newsroom/redirects-file.js";
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

interface AddedRedirect {
  from: string;
  to: string;
  /** The redirects file, relative to the input folder. */
  file: string;
}

/**
 * A site that keeps `redirects.json` in its data folder (the `plinth/newsroom` plugin writes it
 * out as `_redirects`, an nginx map and meta-refresh pages) gets the renamed entry's old URL
 * added, once the rebuild says where the entry went. A site without that file is left alone.
 */
async function redirectAfterMove(ctx: StudioContext, oldUrls: readonly string[], movedTo: string): Promise<AddedRedirect | null> {
  const dataDir = ctx.session.site.lastResult?.paths.data;
  if (!dataDir || oldUrls.length !== 1) return null;
  const file = path.join(dataDir, "redirects.json");
  if (!existsSync(file)) return null;
  await ctx.session.idle();
  const [from] = oldUrls;
  const [to] = urlsOf(ctx, movedTo);
  if (!from || !to || from === to) return null;
  addRedirect(file, from, to);
  ctx.session.requestUpdate([file]);
  return { from, to, file: path.relative(ctx.inputDir, file).split(path.sep).join("/") };
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
  }, { action: "entry.read" });

  r.post("/api/entry/rename", async (req) => {
    const from = ctx.sitePath(req.param("path"));
    const body = await req.json();
    if (typeof body.to !== "string" || body.to.trim() === "") throw badRequest("Give the new path as `to` in the JSON body.");
    const to = ctx.sitePath(body.to.trim());
    // A rename moves the published file: as much as deleting it and creating another.
    ctx.authorize(req, "entry.delete", entryTarget(ctx, from.relative, { published: true }));
    ctx.authorize(req, "entry.create", entryTarget(ctx, to.relative));
    // The links are found before the move: after it, the next build no longer has the old URL.
    const linkedFrom = linkingToEntry(from.relative);
    const oldUrls = urlsOf(ctx, from.relative);
    moveEntry(from, to);
    ctx.session.requestUpdate([from.absolute, to.absolute]);
    const redirect = body.redirect === false ? null : await redirectAfterMove(ctx, oldUrls, to.relative);
    const paths = [from.relative, to.relative, ...(redirect ? [redirect.file] : [])];
    const commit = ctx.git ? await ctx.git.commitPaths(paths, `Rename ${from.relative} to ${to.relative}`, ctx.team ? authorOf(req.user) : undefined) : null;
    ctx.log(`[studio] renamed ${from.relative} to ${to.relative}${redirect ? `; ${redirect.from} now redirects to ${redirect.to}` : ""}${linkedFrom.length ? `; ${linkedFrom.length} page(s) link to its old URL` : ""}`);
    return { json: { path: to.relative, commit, linkedFrom, redirect } };
  }, { action: "entry.delete" });
}
