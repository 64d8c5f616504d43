// The open entry's place in the review flow and what can be done next: submit a draft, approve
// or send back what is in review, look at the diff and publish (a refused publish lists the
// build's errors at their file and line), schedule, unpublish, discard, and the history.

import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";
import { DiffView } from "./diff-view.js";
import { HistoryPanel } from "./history-panel.js";
import { may, usePermissions, whyNot } from "./permissions.js";
import { workflowApi } from "./workflow-api.js";
import { STATE_LABELS, type BuildError, type EntryWorkflow, type PublishDiff } from "./workflow-types.js";
import "./workflow.css";

interface Props {
  path: string;
  /** The entry belongs to the members roster (GET /api/entry): the role policy treats it apart. */
  roster: boolean;
  /** Changes when the entry was saved, so the state is read again. */
  refresh: number;
  /** After an action: a message, and whether the entry's text changed (open it again). */
  onChanged: (message: string, reload: boolean) => void;
}

type Panel = "none" | "publish" | "history" | "schedule";

const describe = (error: unknown) => (error instanceof ApiError ? `${error.message}${error.hint ? ` ${error.hint}` : ""}` : String(error));

function buildErrorsOf(error: unknown): BuildError[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const body = error.body as { errors?: BuildError[] } | undefined;
  return Array.isArray(body?.errors) ? body.errors : [];
}

export function WorkflowBar({ path, roster, refresh, onChanged }: Props) {
  const [wf, setWf] = useState<EntryWorkflow | null>(null);
  const permissions = usePermissions();
  const [panel, setPanel] = useState<Panel>("none");
  const [diff, setDiff] = useState<PublishDiff | null>(null);
  const [buildErrors, setBuildErrors] = useState<BuildError[]>([]);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState("");
  const [at, setAt] = useState("");
  const [reads, setReads] = useState(0);

  useEffect(() => {
    workflowApi.state(path).then(setWf, () => setWf(null));
  }, [path, refresh, reads]);

  if (!wf || wf.state === null) return null;
  const hasDraft = wf.branch !== null;
  // The same targets the server's handlers check (src/studio/workflow/routes.ts).
  const entry = { roster, published: wf.published };
  const canSubmit = may(permissions, "entry.submit", entry);
  const canReview = may(permissions, "entry.review", entry);
  const canPublish = may(permissions, "entry.publish", entry);
  const canUnpublish = may(permissions, "entry.unpublish", { roster, published: true });
  const canDiscard = may(permissions, "entry.delete", { roster, published: false });
  const canRestore = may(permissions, "entry.restore", { roster, published: !wf.branchMode });
  /** Shown once in place of the controls the role does not offer. */
  const missing = [
    !canSubmit && (wf.state === "draft" ? whyNot(permissions, "entry.submit", entry) : ""),
    !canPublish && (hasDraft || wf.state === "review") ? whyNot(permissions, "entry.publish", entry) : "",
  ].filter(Boolean);

  const act = async (work: () => Promise<string | null>, reload = false) => {
    setBusy(true);
    setError("");
    setBuildErrors([]);
    try {
      const message = await work();
      setComment("");
      setReads((n) => n + 1);
      if (message) onChanged(message, reload);
    } catch (failure) {
      setBuildErrors(buildErrorsOf(failure));
      setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };

  const openPublish = () =>
    act(async () => {
      setDiff(await workflowApi.publishDiff(path));
      setPanel("publish");
      return null;
    });

  const publish = () =>
    act(async () => {
      const result = await workflowApi.publish(path, diff!.head);
      setPanel("none");
      setDiff(null);
      const push = result.push ? (result.push.ok ? ` Pushed to ${result.push.remote}.` : ` Pushing to ${result.push.remote} failed: ${result.push.message}`) : "";
      const deploy = result.deploy ? (result.deploy.ok ? " Deployed." : ` The deploy command failed (exit ${result.deploy.code}).`) : "";
      return `Published ${path} to ${result.branch} (${result.commit.slice(0, 7)}).${push}${deploy}`;
    }, true);

  return (
    <section class="workflow-bar" aria-label="Review and publishing">
      <p class="workflow-state">
        <span class={`state-badge state-${wf.state}`}>{wf.deleting ? "Deletion pending" : STATE_LABELS[wf.state]}</span>
        {hasDraft && wf.by && (
          <span class="board-meta">
            {" "}
            last change by {wf.by}, <time dateTime={wf.at ?? ""}>{wf.at ? new Date(wf.at).toLocaleString() : ""}</time>
          </span>
        )}
        {!hasDraft && wf.published && wf.branchMode && <span class="board-meta"> Changes you save become a draft; the site changes when it is published.</span>}
      </p>
      {((wf.state === "draft" && canSubmit) || (wf.state === "review" && canReview)) && (
        <div class="field workflow-comment">
          <label for="workflow-comment">Comment (optional)</label>
          <input id="workflow-comment" type="text" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </div>
      )}
      <div class="actions">
        {wf.state === "draft" && canSubmit && (
          <button type="button" class="primary" disabled={busy} onClick={() => act(async () => (await workflowApi.submit(path, comment), `Submitted ${path} for review.`))}>
            Submit for review
          </button>
        )}
        {wf.state === "review" && canReview && (
          <>
            <button type="button" disabled={busy} onClick={() => act(async () => (await workflowApi.review(path, "approve", comment), `Approved ${path}.`))}>
              Approve
            </button>
            <button type="button" disabled={busy} onClick={() => act(async () => (await workflowApi.review(path, "changes", comment), `Asked for changes to ${path}.`))}>
              Request changes
            </button>
          </>
        )}
        {wf.state === "review" && !canReview && <span class="board-meta">Waiting for an editor's review.</span>}
        {hasDraft && canPublish && (
          <button type="button" class={wf.state === "ready" ? "primary" : undefined} disabled={busy} onClick={openPublish}>
            Review changes and publish…
          </button>
        )}
        {hasDraft && canPublish && (
          <button type="button" disabled={busy} onClick={() => setPanel(panel === "schedule" ? "none" : "schedule")}>
            Schedule…
          </button>
        )}
        {!hasDraft && wf.published && canUnpublish && (
          <button type="button" disabled={busy} onClick={() => act(async () => (await workflowApi.unpublish(path), `Unpublished ${path}; its text is kept as a draft.`), true)}>
            Unpublish
          </button>
        )}
        {hasDraft && canDiscard && (
          <button type="button" disabled={busy} onClick={() => act(async () => (await workflowApi.discard(path, wf.head!), `Discarded the draft of ${path}.`), true)}>
            Discard draft
          </button>
        )}
        <button type="button" aria-expanded={panel === "history"} onClick={() => setPanel(panel === "history" ? "none" : "history")}>
          History
        </button>
      </div>
      {missing.length > 0 && (
        <p class="board-meta role-note" role="note">
          {missing.join(" ")}
        </p>
      )}
      {error && (
        <div class="error publish-refused" role="alert">
          <p>{error}</p>
          {buildErrors.length > 0 && (
            <ul class="build-errors">
              {buildErrors.map((e, i) => (
                <li key={i}>
                  <code>
                    {e.file ?? "(site)"}
                    {e.line ? `:${e.line}` : ""}
                    {e.column ? `:${e.column}` : ""}
                  </code>{" "}
                  {e.message}
                  {e.hint && <span class="board-meta"> {e.hint}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {panel === "publish" && diff && (
        <div class="publish-panel" role="dialog" aria-labelledby="publish-title">
          <h2 id="publish-title">Publish {path} to {diff.publishing}</h2>
          <p>These changes go live when you publish. The whole site is built first; if it does not build, nothing is published.</p>
          <DiffView diff={diff.diff} label={`Changes to ${path}`} />
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={publish}>
              {busy ? "Building and publishing…" : "Publish now"}
            </button>
            <button type="button" disabled={busy} onClick={() => setPanel("none")}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {panel === "schedule" && (
        <form
          class="schedule-panel"
          onSubmit={(event) => {
            event.preventDefault();
            act(async () => {
              const when = new Date(at);
              await workflowApi.schedule(path, when.toISOString());
              setPanel("none");
              return `${path} will be published at ${when.toLocaleString()}.`;
            });
          }}
        >
          <div class="field">
            <label for="schedule-at">Publish at</label>
            <input id="schedule-at" type="datetime-local" required value={at} onInput={(e) => setAt(e.currentTarget.value)} />
          </div>
          <button type="submit" disabled={busy || !at}>
            Schedule
          </button>
        </form>
      )}
      {panel === "history" && (
        <HistoryPanel
          path={path}
          canRestore={canRestore}
          cannotRestore={whyNot(permissions, "entry.restore", { roster, published: !wf.branchMode })}
          onClose={() => setPanel("none")}
          onRestored={(message) => {
            setPanel("none");
            setReads((n) => n + 1);
            onChanged(message, true);
          }}
        />
      )}
    </section>
  );
}
