/**
 * `GET /api/members`: tiers, members and diagnostics placed at their field and line.
 * `POST /api/members/announce?path=P`: writes the draft announcement of the member at P and
 * commits it. Member files themselves are saved through `/api/entry` like any entry.
 */
import path from "node:path";
import { isPlinthError } from "../../errors/plinth-error.js";
import { parseMemberDate } from "../../members/dates.js";
import { hasTiersFile } from "../../members/schema.js";
import { dataDirOf } from "../cms-config/site-settings.js";
import type { StudioContext } from "../server/context.js";
import { badRequest, StudioHttpError } from "../server/http-error.js";
import type { Router } from "../server/router.js";
import { announceMember } from "./announce.js";
import { readRoster } from "./roster.js";

export function membersRoutes(r: Router, ctx: StudioContext): void {
  r.get("/api/members", async () => {
    const dataDir = dataDirOf(ctx);
    const { roster } = await readRoster(ctx.inputDir, dataDir);
    return { json: { enabled: hasTiersFile(dataDir), ...roster } };
  }, { action: "entry.read" });

  r.post("/api/members/announce", async (req) => {
    const member = ctx.sitePath(req.param("path"));
    const date = req.query.get("date") ?? undefined;
    const parsed = parseMemberDate(date);
    if (date !== undefined && (!parsed.ok || parsed.date === null)) throw badRequest(`The date ${JSON.stringify(date)} is not a YYYY-MM-DD date.`);
    const { model } = await readRoster(ctx.inputDir, dataDirOf(ctx));
    let announced;
    try {
      announced = announceMember(model, member.absolute, ctx.cwd, parsed.ok && parsed.date ? parsed.date : undefined);
    } catch (error) {
      if (isPlinthError(error) && error.code === "MemberExists" && !(error instanceof StudioHttpError)) {
        throw new StudioHttpError(409, "MemberExists", error.message, { hint: error.hint });
      }
      throw error;
    }
    const commit = ctx.git ? await ctx.git.commitFile(announced.path, `Draft the announcement: ${announced.title}`) : null;
    ctx.session.requestUpdate([path.join(ctx.inputDir, announced.path)]);
    ctx.log(`[studio] drafted ${announced.path}: "${announced.title}"`);
    return { status: 201, json: { ...announced, commit } };
  }, { action: "members.announce" });
}
