// The board: every entry with work in progress, in columns by state (draft, in review,
// ready), with who changed it last and when. A card opens the entry.

import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";
import { workflowApi } from "./workflow-api.js";
import { STATE_LABELS, type BoardAnswer, type EntryState } from "./workflow-types.js";
import "./workflow.css";

const COLUMNS: EntryState[] = ["draft", "review", "ready"];

interface Props {
  onOpen: (path: string) => void;
}

export function BoardView({ onOpen }: Props) {
  const [board, setBoard] = useState<BoardAnswer | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    workflowApi.board().then(setBoard, (failure: unknown) => setError(failure instanceof ApiError ? failure.message : String(failure)));
  }, []);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!board) return <p class="empty">Loading the board…</p>;
  return (
    <section class="board" aria-labelledby="board-title">
      <h1 id="board-title">Work in progress</h1>
      <p class="board-note">
        Published entries are on <code>{board.publishing}</code>; each entry here has its own branch until it is published.
        {!board.branchMode && " Saves go straight to the site now (single-user mode); drafts appear here once the studio has accounts."}
      </p>
      <div class="board-columns">
        {COLUMNS.map((state) => {
          const cards = board.entries.filter((entry) => entry.state === state);
          return (
            <section key={state} class={`board-column board-${state}`} aria-labelledby={`column-${state}`}>
              <h2 id={`column-${state}`}>
                {STATE_LABELS[state]} <span class="count">{cards.length}</span>
              </h2>
              <ul>
                {cards.map((card) => (
                  <li key={card.path} class="board-card">
                    <a
                      href={`#/?entry=${encodeURIComponent(card.path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpen(card.path);
                      }}
                    >
                      {card.title}
                    </a>
                    <span class="board-meta">
                      {card.path}
                      {card.published ? " · a change to a published entry" : " · new"}
                    </span>
                    <span class="board-meta">
                      {card.by}, <time dateTime={card.at}>{new Date(card.at).toLocaleString()}</time>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
