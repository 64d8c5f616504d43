// The review and publishing API's JSON shapes as the app reads them (docs/studio.md).

export type EntryState = "draft" | "review" | "ready" | "published";

export interface EntryWorkflow {
  path: string;
  branch: string | null;
  head: string | null;
  state: EntryState | null;
  published: boolean;
  revision: string | null;
  deleting: boolean;
  by: string | null;
  at: string | null;
  branchMode: boolean;
  publishing: string;
}

export interface BoardEntry {
  path: string;
  branch: string;
  state: EntryState;
  title: string;
  by: string;
  at: string;
  published: boolean;
}

export interface BoardAnswer {
  publishing: string;
  branchMode: boolean;
  entries: BoardEntry[];
}

export interface PublishDiff {
  path: string;
  head: string;
  state: EntryState;
  publishing: string;
  diff: string;
}

export interface Published {
  commit: string;
  branch: string;
  push: { remote: string; ok: boolean; message: string } | null;
  deploy: { command: string; ok: boolean; code: number; output: string } | null;
}

export interface BuildError {
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ScheduledItem {
  path: string;
  at: string;
  by: { name: string };
  error?: string;
}

export interface HistoryItem {
  commit: string;
  author: string;
  date: string;
  message: string;
  body: string;
  on: "published" | "branch";
  state: EntryState | null;
  review: string | null;
}

export interface HistoryAnswer {
  publishing: string;
  versions: HistoryItem[];
}

export const STATE_LABELS: Record<EntryState, string> = { draft: "Draft", review: "In review", ready: "Ready", published: "Published" };
