/**
 * The review and publishing API (see docs/studio.md, "Review and publishing"): the board,
 * an entry's workflow state, submit, review, the diff before publishing, publish, unpublish,
 * discard, history, diff and restore. Mounted by src/studio/server/routes.ts. In branch mode
 * (a team, or `workflow.branches: true`) the content store's saves go to entry branches.
 */
import { authorOf } from "../auth/roles.js";
import { entryTarget, isSettingsFile } from "../auth/targets.js";
import type { StudioContext } from "../server/context.js";
import { badRequest, StudioHttpError } from "../server/http-error.js";
import type { Router, StudioRequest } from "../server/router.js";
import { titleForCommit } from "../content/content-store.js";
import { savedBy } from "../content/content-routes.js";
import { revisionOf } from "../content/revision.js";
import { entryDiff, entryHistory, mustCommit } from "./history.js";
import { publishEntry, unpublishEntry } from "./publish.js";
import { scheduleRoutes } from "./schedule-routes.js";
import { REVIEW_TRAILER, stateAfterReview, stateAfterSubmit, type ReviewDecision } from "./states.js";
import { Workflow } from "./workflow.js";

function commentOf(body: Record<string, unknown>): string {
  const comment = body.comment;
  if (comment === undefined || comment === null) return "";
  if (typeof comment !== "string") throw badRequest('"comment" must be a string.');
  return comment.slice(0, 10_000);
}

export function workflowRoutes(r: Router, ctx: StudioContext): void {
  const workflow = Workflow.create(ctx);
  const must = (): Workflow => {
    if (!workflow) throw new StudioHttpError(409, "WorkflowNeedsGit", "The site is not in a git repository, so there are no drafts to review or publish.");
    return workflow;
  };
  if (workflow) ctx.store.routeSaves((file, by) => (workflow.active() ? workflow.target(file, by.author) : null));

  /** What the role policy needs to know about the entry. */
  const targetOf = (relative: string, published: boolean) => entryTarget(ctx, relative, { published });
  const entryPath = (req: StudioRequest): string => ctx.sitePath(req.param("path")).relative;
  /**
   * The studio's own settings file says which command runs after a publish: changing it is a
   * settings matter (admins), whoever edited it on its branch.
   */
  const authorizeSettings = (req: StudioRequest, relative: string) => {
    if (isSettingsFile(ctx, relative)) ctx.authorize(req, "settings", { path: relative });
  };

  const stateOf = (relative: string) => must().describe(relative);

  r.get("/api/board", async () => {
    const wf = must();
    return { json: { publishing: wf.branches.publishing, branchMode: wf.active(), entries: await wf.branches.board() } };
  }, { action: "entry.read" });

  r.get("/api/entry/state", async (req) => ({ json: await stateOf(entryPath(req)) }), { action: "entry.read" });

  r.post("/api/entry/submit", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    const comment = commentOf(await req.json());
    const tip = await wf.branches.tip(relative);
    if (!tip) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has no draft to submit: save a change to it first.`);
    ctx.authorize(req, "entry.submit", targetOf(relative, (await wf.branches.publishedText(relative)) !== null));
    const state = stateAfterSubmit(tip.state, relative);
    const raw = await wf.branches.textAt(tip.head, relative);
    await wf.branches.setState(relative, state, `Submit ${relative}: ${raw === null ? relative : titleForCommit(raw, relative)}`, authorOf(req.user), { expectedHead: tip.head, body: comment });
    return { json: await stateOf(relative) };
  }, { action: "entry.submit" });

  r.post("/api/entry/review", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    const body = await req.json();
    const decision = body.decision;
    if (decision !== "approve" && decision !== "changes") throw badRequest('"decision" must be "approve" or "changes".');
    const comment = commentOf(body);
    const tip = await wf.branches.tip(relative);
    if (!tip) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has nothing in review.`);
    ctx.authorize(req, "entry.review", targetOf(relative, (await wf.branches.publishedText(relative)) !== null));
    const state = stateAfterReview(tip.state, decision as ReviewDecision, relative);
    const raw = await wf.branches.textAt(tip.head, relative);
    const verb = decision === "approve" ? "Approve" : "Ask for changes to";
    await wf.branches.setState(relative, state, `${verb} ${relative}: ${raw === null ? relative : titleForCommit(raw, relative)}`, authorOf(req.user), {
      expectedHead: tip.head,
      trailers: { [REVIEW_TRAILER]: decision },
      body: comment,
    });
    return { json: await stateOf(relative) };
  }, { action: "entry.review" });

  r.get("/api/publish/diff", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    const tip = await wf.branches.tip(relative);
    if (!tip) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has nothing to publish: it has no work in progress.`);
    const published = await wf.branches.publishedText(relative);
    const proposed = await wf.branches.textAt(tip.head, relative);
    return {
      json: {
        path: relative,
        head: tip.head,
        state: tip.state,
        publishing: wf.branches.publishing,
        diff: await entryDiff(wf.branches, relative, wf.branches.publishingRef(), tip.head),
        published,
        proposed,
      },
    };
  }, { action: "entry.read" });

  r.post("/api/publish", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    const body = await req.json();
    const head = body.head;
    if (head !== undefined && (typeof head !== "string" || !/^[0-9a-f]{40}$/.test(head))) throw badRequest('"head" must be the commit GET /api/publish/diff answered.');
    ctx.authorize(req, "entry.publish", targetOf(relative, (await wf.branches.publishedText(relative)) !== null));
    authorizeSettings(req, relative);
    const result = await publishEntry(wf, relative, { author: authorOf(req.user), expectedHead: head as string | undefined, reason: "published by hand" });
    return { json: result };
  }, { action: "entry.publish" });

  r.post("/api/unpublish", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    ctx.authorize(req, "entry.unpublish", targetOf(relative, true));
    authorizeSettings(req, relative);
    return { json: await unpublishEntry(wf, relative, { author: authorOf(req.user), reason: "unpublished" }) };
  }, { action: "entry.unpublish" });

  r.post("/api/entry/discard", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    const body = await req.json();
    // Throwing away work in progress deletes nothing published: a writer may discard a draft.
    ctx.authorize(req, "entry.delete", targetOf(relative, false));
    const head = typeof body.head === "string" ? body.head : undefined;
    const removed = await wf.branches.remove(relative, head);
    if (!removed) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has no work in progress to discard.`);
    return { json: await stateOf(relative) };
  }, { action: "entry.delete" });

  r.get("/api/history", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    return { json: { path: relative, publishing: wf.branches.publishing, versions: await entryHistory(wf.branches, relative) } };
  }, { action: "entry.history" });

  r.get("/api/diff", async (req) => {
    const relative = entryPath(req);
    const wf = must();
    const from = await mustCommit(wf.branches, req.param("from"));
    const toParam = req.query.get("to");
    const tip = await wf.branches.tip(relative);
    const to = toParam ? await mustCommit(wf.branches, toParam) : (tip?.head ?? (await wf.branches.resolve(wf.branches.publishingRef()))!);
    return { json: { path: relative, from, to, diff: await entryDiff(wf.branches, relative, from, to), fromText: await wf.branches.textAt(from, relative), toText: await wf.branches.textAt(to, relative) } };
  }, { action: "entry.history" });

  r.post("/api/restore", async (req) => {
    const file = ctx.sitePath(req.param("path"));
    const relative = file.relative;
    const wf = must();
    const rev = await mustCommit(wf.branches, req.param("rev"));
    const text = await wf.branches.textAt(rev, relative);
    if (text === null) throw new StudioHttpError(404, "WorkflowRevisionUnknown", `${relative} is not in commit ${rev.slice(0, 10)}.`);
    const branchMode = wf.active();
    ctx.authorize(req, "entry.restore", targetOf(relative, !branchMode));
    const by = savedBy(req, ctx);
    const current = branchMode ? await wf.target(file, by.author).read() : (ctx.store.read(file)?.raw ?? null);
    const result = current === null ? await ctx.store.create(file, text, by) : await ctx.store.save(file, revisionOf(current), () => text, by);
    return { json: { path: relative, restoredFrom: rev, ...result } };
  }, { action: "entry.restore" });

  if (workflow) scheduleRoutes(r, ctx, workflow, authorizeSettings);
}
