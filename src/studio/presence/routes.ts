/**
 * `POST /api/presence?path=` `{ id, name? }`: a heartbeat from an open editor; answers
 * `{ others: [{ id, name, since }] }`, the others who have the entry open. `GET` answers the same
 * without beating; `DELETE /api/presence?path=&id=` when the editor closes. The name is the
 * signed-in user's; with the single-user token (everyone is the same user) the tab may name itself.
 */
import type { StudioContext } from "../server/context.js";
import { badRequest } from "../server/http-error.js";
import type { Router, StudioRequest } from "../server/router.js";
import { Presence } from "./presence.js";

const TAB_ID = /^[A-Za-z0-9_-]{8,64}$/;

function tabId(value: unknown): string {
  if (typeof value !== "string" || !TAB_ID.test(value)) throw badRequest('"id" must be the tab\'s random id: 8 to 64 letters, digits, "-" or "_".');
  return value;
}

export function presenceRoutes(r: Router, ctx: StudioContext, presence = new Presence()): void {
  // Any path the API may name: it is checked (no `..`, inside the site), never read.
  const entryPath = (req: StudioRequest) => ctx.sitePath(req.param("path")).relative;

  r.post(
    "/api/presence",
    async (req) => {
      const path = entryPath(req);
      const body = await req.json();
      const id = tabId(body.id);
      const given = typeof body.name === "string" ? body.name.replace(/\s+/g, " ").trim().slice(0, 80) : "";
      const name = ctx.team || !given ? req.user.name : given;
      return { json: { others: presence.beat(path, id, name) } };
    },
    { action: "entry.read" },
  );

  r.get("/api/presence", (req) => ({ json: { others: presence.others(entryPath(req), req.query.get("id") ?? undefined) } }), { action: "entry.read" });

  r.delete(
    "/api/presence",
    (req) => {
      presence.leave(entryPath(req), tabId(req.param("id")));
      return { json: { ok: true } };
    },
    { action: "entry.read" },
  );
}
