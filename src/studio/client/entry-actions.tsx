// Duplicate, rename, delete and (for members) announce, for the open entry. Rename and
// delete first list the pages that link to the entry's URL, so the user sees what breaks.

import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "./api.js";
import type { LinkingPage } from "./types.js";

export type ActionKind = "duplicate" | "rename" | "delete";

interface Props {
  kind: ActionKind;
  path: string;
  url: string | null | undefined;
  raw: string;
  revision: string;
  onDone: (result: { path?: string; message: string }) => void;
  onCancel: () => void;
}

function suggestedCopy(path: string): string {
  return path.replace(/(\.[^./]+)?$/, (ext) => `-copy${ext}`);
}

export function EntryAction(props: Props) {
  const { kind, path } = props;
  const [to, setTo] = useState(kind === "duplicate" ? suggestedCopy(path) : path);
  const [links, setLinks] = useState<LinkingPage[] | null>(kind === "duplicate" ? [] : null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // Keyboard users land in the form they opened (the path, or Cancel before a delete).
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input, button[type=button]")?.focus();
  }, [kind]);

  useEffect(() => {
    if (kind === "duplicate") return setLinks([]);
    api.links(path).then(
      (result) => setLinks(result.pages.filter((page) => page.path !== path)),
      () => setLinks([]),
    );
  }, [kind, path]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      if (kind === "duplicate") {
        const created = await api.create({ raw: props.raw }, to);
        props.onDone({ path: created.path ?? to, message: `Duplicated as ${created.path ?? to}` });
      } else if (kind === "rename") {
        const moved = await api.rename(path, to);
        const linked = moved.linkedFrom?.length ? ` ${moved.linkedFrom.length} page(s) still link to the old URL.` : "";
        props.onDone({ path: moved.path, message: `Renamed to ${moved.path}.${linked}` });
      } else {
        await api.remove(path, props.revision);
        props.onDone({ message: `Deleted ${path}` });
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? `${failure.message}${failure.hint ? ` ${failure.hint}` : ""}` : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const title = kind === "duplicate" ? "Duplicate this entry" : kind === "rename" ? "Rename this entry" : "Delete this entry";
  return (
    <form class="entry-action" aria-labelledby="action-title" onSubmit={submit} ref={form}>
      <h2 id="action-title">{title}</h2>
      {kind !== "delete" && (
        <div class="field">
          <label for="action-to">New path</label>
          <input id="action-to" type="text" value={to} required onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
      )}
      {kind === "delete" && <p>Delete {path}? This cannot be undone from the studio{links ? "" : "."}</p>}
      {links === null && kind !== "duplicate" && <p role="status">Looking for pages that link here…</p>}
      {links && links.length > 0 && (
        <div class="warning" role="note">
          <p>
            {links.length === 1 ? "This page links to" : `These ${links.length} pages link to`} {props.url ?? "this entry"}; they will need their links changed:
          </p>
          <ul>
            {links.map((page) => (
              <li key={page.path}>
                {page.title ? `${page.title} — ` : ""}
                {page.path} ({page.url})
              </li>
            ))}
          </ul>
        </div>
      )}
      {links && links.length === 0 && kind !== "duplicate" && <p>No other page links to it.</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy || links === null} class={kind === "delete" ? "danger" : undefined}>
          {kind === "duplicate" ? "Duplicate" : kind === "rename" ? "Rename" : `Delete ${path}`}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
