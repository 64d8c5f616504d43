// Who else has this entry open, from a heartbeat every 15 s (and when the entry opens). Names
// are text, never markup. Saving still merges or shows a conflict; this only warns in advance.

import { useEffect, useState } from "preact/hooks";
import { api } from "./api.js";
import type { Viewer } from "./types.js";

const BEAT_MS = 15_000;

/** This tab's own id for the presence list, kept for the tab's life (sessionStorage is per tab). */
function tabId(): string {
  const key = "plinth-studio:tab";
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
    sessionStorage.setItem(key, id);
  }
  return id;
}

export function PresenceBadge(props: { path: string }) {
  const [others, setOthers] = useState<Viewer[]>([]);
  useEffect(() => {
    const id = tabId();
    let stopped = false;
    const beat = () =>
      api.presence(props.path, id).then(
        (answer) => !stopped && setOthers(answer.others),
        () => undefined,
      );
    void beat();
    const timer = setInterval(beat, BEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      setOthers([]);
      void api.leave(props.path, id).catch(() => undefined);
    };
  }, [props.path]);
  if (!others.length) return null;
  const names = [...new Set(others.map((viewer) => viewer.name))];
  const text = names.length === 1 ? `${names[0]} also has this open` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} also have this open`;
  return (
    <span class="presence" role="status" title={others.map((viewer) => `${viewer.name}, since ${new Date(viewer.since).toLocaleTimeString()}`).join("\n")}>
      {text}
    </span>
  );
}
