// An entry's history: each version with who made it, when and why (saves, reviews, publishes),
// the change it made or its difference from the version open now, and restoring one (saved
// as a new version; nothing is rewritten).

import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";
import { DiffView } from "./diff-view.js";
import { workflowApi } from "./workflow-api.js";
import { STATE_LABELS, type HistoryItem } from "./workflow-types.js";

interface Props {
  path: string;
  onRestored: (message: string) => void;
  /** The role may restore here; otherwise the button is disabled with `cannotRestore` as its reason. */
  canRestore: boolean;
  cannotRestore: string;
  onClose: () => void;
}

const describe = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

export function HistoryPanel({ path, onRestored, onClose, canRestore, cannotRestore }: Props) {
  const [versions, setVersions] = useState<HistoryItem[] | null>(null);
  const [shown, setShown] = useState<{ commit: string; diff: string; against: string } | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    workflowApi.history(path).then((answer) => setVersions(answer.versions), (failure: unknown) => setError(describe(failure)));
  }, [path]);

  const compare = async (item: HistoryItem, index: number, against: "previous" | "current") => {
    setError("");
    try {
      const previous = versions?.slice(index + 1).find((v) => v.on === item.on || v.on === "published");
      if (against === "previous" && !previous) return setShown({ commit: item.commit, diff: "", against });
      const answer = against === "previous" ? await workflowApi.diff(path, previous!.commit, item.commit) : await workflowApi.diff(path, item.commit);
      setShown({ commit: item.commit, diff: answer.diff, against });
    } catch (failure) {
      setError(describe(failure));
    }
  };

  const restore = async (item: HistoryItem) => {
    setError("");
    try {
      await workflowApi.restore(path, item.commit);
      onRestored(`Restored the version of ${new Date(item.date).toLocaleString()} (${item.commit.slice(0, 7)}) as a new version.`);
    } catch (failure) {
      setError(describe(failure));
    }
  };

  return (
    <section class="history" aria-labelledby="history-title">
      <div class="history-head">
        <h2 id="history-title">History of {path}</h2>
        <button type="button" onClick={onClose}>
          Close history
        </button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {!versions && !error && <p role="status">Loading the history…</p>}
      <ol class="history-list">
        {versions?.map((item, index) => (
          <li key={item.commit} class={`history-item history-${item.on}`}>
            <span class="history-message">{item.message}</span>
            <span class="board-meta">
              {item.author}, <time dateTime={item.date}>{new Date(item.date).toLocaleString()}</time> · {item.on === "branch" ? "work in progress" : "published branch"}
              {item.state ? ` · ${STATE_LABELS[item.state]}` : ""} · {item.commit.slice(0, 7)}
            </span>
            {item.body && <span class="history-body">{item.body}</span>}
            <span class="actions">
              <button type="button" onClick={() => compare(item, index, "previous")}>
                What changed
              </button>
              <button type="button" onClick={() => compare(item, index, "current")}>
                Compare with now
              </button>
              <button type="button" disabled={!canRestore} title={canRestore ? undefined : cannotRestore} onClick={() => restore(item)}>
                Restore this version
              </button>
            </span>
            {shown?.commit === item.commit && (
              <DiffView diff={shown.diff} label={shown.against === "previous" ? `What ${item.commit.slice(0, 7)} changed` : `From ${item.commit.slice(0, 7)} to the version now`} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
