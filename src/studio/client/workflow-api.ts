// Calls to the review and publishing API (docs/studio.md, "Review and publishing").

import { call } from "./api.js";
import type { BoardAnswer, EntryWorkflow, HistoryAnswer, PublishDiff, Published, ScheduledItem } from "./workflow-types.js";

const q = encodeURIComponent;

export const workflowApi = {
  board: () => call<BoardAnswer>("GET", "/api/board"),
  state: (path: string) => call<EntryWorkflow>("GET", `/api/entry/state?path=${q(path)}`),
  submit: (path: string, comment = "") => call<EntryWorkflow>("POST", `/api/entry/submit?path=${q(path)}`, { comment }),
  review: (path: string, decision: "approve" | "changes", comment = "") => call<EntryWorkflow>("POST", `/api/entry/review?path=${q(path)}`, { decision, comment }),
  publishDiff: (path: string) => call<PublishDiff>("GET", `/api/publish/diff?path=${q(path)}`),
  publish: (path: string, head: string) => call<Published>("POST", `/api/publish?path=${q(path)}`, { head }),
  unpublish: (path: string) => call<Published>("POST", `/api/unpublish?path=${q(path)}`, {}),
  discard: (path: string, head: string) => call<EntryWorkflow>("POST", `/api/entry/discard?path=${q(path)}`, { head }),
  schedule: (path: string, at: string) => call<ScheduledItem>("POST", `/api/schedule?path=${q(path)}`, { at }),
  scheduled: () => call<{ scheduled: ScheduledItem[] }>("GET", "/api/schedule"),
  unschedule: (path: string) => call<unknown>("DELETE", `/api/schedule?path=${q(path)}`),
  history: (path: string) => call<HistoryAnswer>("GET", `/api/history?path=${q(path)}`),
  diff: (path: string, from: string, to?: string) => call<{ diff: string }>("GET", `/api/diff?path=${q(path)}&from=${q(from)}${to ? `&to=${q(to)}` : ""}`),
  restore: (path: string, rev: string) => call<{ revision: string }>("POST", `/api/restore?path=${q(path)}&rev=${q(rev)}`, {}),
};
