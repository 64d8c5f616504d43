import type { ErrorDefinition } from "../error-definition.js";

/** Errors of the studio's review and publishing workflow: entry branches, states, publishing, schedules, history. */
export const studioWorkflowErrors = {
  WorkflowNeedsGit: {
    title: "Review and publishing need git",
    hint: "Run `git init` and commit the site; the studio keeps drafts on a branch per entry and publishes by merging them.",
  },
  WorkflowStateInvalid: {
    title: "The entry is not in a state that allows this",
    hint: "Drafts are submitted for review, entries in review are approved or sent back, approved (ready) entries are published. `GET /api/board` shows each entry's state.",
  },
  WorkflowNoBranch: {
    title: "The entry has no work in progress",
    hint: "Save a change to the entry first; the studio keeps it on the entry's own branch until it is published.",
  },
  WorkflowBranchMoved: {
    title: "The entry's branch moved meanwhile",
    hint: "Someone saved or published the entry at the same moment. Open it again and retry.",
  },
  WorkflowBuildFailed: {
    title: "Publishing was refused: the site does not build with this change",
    hint: "Nothing was published. Fix the errors listed (a template, a data file or the entry's front matter), save, and publish again.",
  },
  WorkflowMergeConflict: {
    title: "The entry changed on the publishing branch too",
    hint: "Both versions are in the answer (`ours` is the published text, `theirs` the entry's branch): merge them in the editor, save, and publish again.",
  },
  WorkflowPushFailed: {
    title: "Pushing to the remote failed",
    hint: "The entry is published in this copy of the site; run `git push` in the site's folder to see why (credentials, a protected branch, the network).",
  },
  WorkflowPublishBusy: {
    title: "Another studio on this repository is publishing",
    hint: "Two studios share this repository's publish checkout (`.git/plinth-publish`); publish again once the other one has finished. A lock left by a studio that stopped is taken over by itself.",
  },
  WorkflowWorkingCopyBusy: {
    title: "The site's folder has changes that publishing would overwrite",
    hint: "Commit or discard the uncommitted changes to these files in the site's folder (`git status`), then publish again.",
  },
  WorkflowScheduleInvalid: {
    title: "The publishing time is not valid",
    hint: "Give `at` as an ISO date and time with its offset, e.g. `2026-12-24T09:00:00+01:00`, in the future.",
  },
  WorkflowRevisionUnknown: {
    title: "No such version of the entry",
    hint: "Use a commit hash from `GET /api/history?path=…`.",
  },
} as const satisfies Record<string, ErrorDefinition>;
