/**
 * The roster's "announce" action: the draft news post for a member, written by the same code
 * as `plinth members announce`, for the member file the studio has open.
 */
import path from "node:path";
import { writeAnnouncement } from "../../members/cli-announce.js";
import { today } from "../../members/dates.js";
import type { MembershipModel } from "../../members/load.js";
import { StudioHttpError } from "../server/http-error.js";

export interface Announced {
  /** The draft, relative to the input folder. */
  path: string;
  title: string;
}

/** Writes the announcement of the member in `memberFile` (absolute); `day` defaults to today. */
export function announceMember(model: MembershipModel, memberFile: string, cwd: string, day: string = today()): Announced {
  const record = model.records.find((r) => r.file === path.resolve(memberFile));
  if (!record) throw new StudioHttpError(404, "MemberNotFound", `${path.relative(model.inputDir, memberFile)} is not a member file of the roster.`);
  const member = model.members.find((m) => m.slug === record.slug);
  if (!member) {
    throw new StudioHttpError(422, "MemberUnknownTier", `${path.basename(memberFile)} has no known tier yet, so the announcement cannot say which membership it is.`, {
      hint: "Choose the member's tier, save, and announce again.",
    });
  }
  const written = writeAnnouncement(model, model.inputDir, member, day, cwd);
  return { path: path.relative(model.inputDir, written.file).split(path.sep).join("/"), title: written.title };
}
