/** `GET /api/schedule`, `POST /api/schedule?path=` with `{ at }`, `DELETE /api/schedule?path=`: see schedule.ts. */
import { stateDir } from "../auth/state-dir.js";
import { authorOf } from "../auth/roles.js";
import type { StudioContext } from "../server/context.js";
import { StudioHttpError } from "../server/http-error.js";
import type { Router, StudioRequest } from "../server/router.js";
import { entryTarget } from "../auth/targets.js";
import { Schedule } from "./schedule.js";
import type { Workflow } from "./workflow.js";

/** Schedules of the studios running in this process, by state folder (tests start several). */
export const schedules = new Map<string, Schedule>();

export function scheduleRoutes(r: Router, ctx: StudioContext, workflow: Workflow, authorizeSettings: (req: StudioRequest, relative: string) => void): void {
  const dir = stateDir(ctx);
  schedules.get(dir)?.close();
  const schedule = new Schedule(workflow, dir);
  schedules.set(dir, schedule);
  ctx.onClose(() => schedule.close());
  // What was due while the studio was stopped is published now.
  schedule.arm();

  r.get("/api/schedule", () => ({ json: { scheduled: schedule.list() } }), { action: "entry.read" });

  r.post("/api/schedule", async (req) => {
    const relative = ctx.sitePath(req.param("path")).relative;
    const body = await req.json();
    const at = typeof body.at === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(body.at) ? new Date(body.at) : null;
    if (!at || Number.isNaN(at.getTime())) throw new StudioHttpError(400, "WorkflowScheduleInvalid", `"at" must be a date and time with its offset, not ${JSON.stringify(body.at ?? null)}.`);
    if (at.getTime() <= Date.now()) throw new StudioHttpError(400, "WorkflowScheduleInvalid", `${body.at} is in the past; publish now instead, or give a later time.`);
    ctx.authorize(req, "entry.publish", entryTarget(ctx, relative, { published: (await workflow.branches.publishedText(relative)) !== null }));
    authorizeSettings(req, relative);
    if (!(await workflow.branches.tip(relative))) throw new StudioHttpError(404, "WorkflowNoBranch", `${relative} has nothing to publish: it has no work in progress.`);
    return { status: 201, json: schedule.add(relative, at, authorOf(req.user)) };
  }, { action: "entry.publish" });

  r.delete("/api/schedule", (req) => {
    const relative = ctx.sitePath(req.param("path")).relative;
    if (!schedule.remove(relative)) throw new StudioHttpError(404, "StudioNotFound", `${relative} has no scheduled publishing.`);
    return { json: { scheduled: schedule.list() } };
  }, { action: "entry.publish" });
}
