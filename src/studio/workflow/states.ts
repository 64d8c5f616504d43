/**
 * An entry's place in the review flow, kept in git as trailers on the commits of its branch:
 * `Studio-Path` (the entry's input-relative path) and `Studio-State`, plus `Studio-Review`
 * (`approve` or `changes`) on a review. The state of an entry is the `Studio-State` of its
 * branch's newest commit; the publish merge on the publishing branch says `published`.
 *
 *   draft --submit--> review --approve--> ready --publish--> published
 *     ^                 |                   |
 *     +---- changes ----+---- a save -------+ (back to review: an approval covers the text approved)
 */
import { StudioHttpError } from "../server/http-error.js";

export const STATES = ["draft", "review", "ready", "published"] as const;
export type EntryState = (typeof STATES)[number];

export type ReviewDecision = "approve" | "changes";

export const PATH_TRAILER = "Studio-Path";
export const STATE_TRAILER = "Studio-State";
export const REVIEW_TRAILER = "Studio-Review";

export function isState(value: unknown): value is EntryState {
  return typeof value === "string" && (STATES as readonly string[]).includes(value);
}

/** Trailers, one `Key: value` a line, as the last paragraph of a commit message. Values are kept on one line. */
export function withTrailers(message: string, trailers: Record<string, string>): string {
  const lines = Object.entries(trailers).map(([key, value]) => `${key}: ${value.replace(/[\r\n]+/g, " ")}`);
  return `${message.trimEnd()}\n\n${lines.join("\n")}\n`;
}

/** The trailers of a message's last paragraph (git's `%(trailers:only,unfold)` text, or a whole message). */
export function readTrailers(text: string): Record<string, string> {
  const paragraphs = text.trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? "";
  const out: Record<string, string> = {};
  for (const line of last.split("\n")) {
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s?(.*)$/.exec(line);
    if (match) out[match[1]!] = match[2]!.trim();
  }
  return out;
}

/** The state a save leaves: an approved text changed needs a new review; otherwise the state stays. */
export function stateAfterSave(current: EntryState | null): EntryState {
  if (current === "ready") return "review";
  if (current === "review") return "review";
  return "draft";
}

function refuse(message: string): StudioHttpError {
  return new StudioHttpError(409, "WorkflowStateInvalid", message);
}

/** The state after submitting; only a draft can be submitted. */
export function stateAfterSubmit(current: EntryState, path: string): EntryState {
  if (current !== "draft") throw refuse(`${path} is ${current === "review" ? "already in review" : current}; only a draft can be submitted for review.`);
  return "review";
}

/** The state after a review: ready when approved, back to draft when changes are asked for. */
export function stateAfterReview(current: EntryState, decision: ReviewDecision, path: string): EntryState {
  if (current !== "review" && !(current === "ready" && decision === "changes")) {
    throw refuse(`${path} is ${current}; only an entry in review can be reviewed.`);
  }
  return decision === "approve" ? "ready" : "draft";
}
