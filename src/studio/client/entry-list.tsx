// A collection's entries, a page at a time from the server (which searches, sorts and
// filters), so a collection of 10,000 posts costs one small request per page, not 10,000
// rows in the page. Each entry is a link, so the list works with the keyboard as it is.

import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "./api.js";
import { may, usePermissions, whyNot } from "./permissions.js";
import { routeHash } from "./route.js";
import type { Collection, EntryPage } from "./types.js";

export const PAGE_SIZE = 50;

interface Props {
  collection: Collection;
  /** The collection is the members roster (the role policy treats it apart). */
  roster: boolean;
  selected: string | undefined;
  tags: string[];
  /** Bumped when an entry was saved or created, to fetch the page again. */
  refresh: number;
  onCreate: (title: string) => Promise<void>;
}

type Sort = "date:desc" | "date:asc" | "title:asc" | "title:desc";

export function EntryList(props: Props) {
  const { collection } = props;
  const [query, setQuery] = useState("");
  const [typed, setTyped] = useState("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<Sort>("date:desc");
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<(EntryPage & { query: string }) | null>(null);
  const [error, setError] = useState("");
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState("");

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed);
      setOffset(0);
    }, 200);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    setOffset(0);
  }, [collection.name, tag, sort]);

  useEffect(() => {
    let live = true;
    const [by, order] = sort.split(":") as [string, string];
    api.entries({ collection: collection.name, q: query, tag, sort: by, order, offset, limit: PAGE_SIZE }).then(
      (result) => {
        if (!live) return;
        setPage({ ...result, query });
        setError("");
      },
      (failure: unknown) => live && setError(failure instanceof ApiError ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
  }, [collection.name, query, tag, sort, offset, props.refresh]);

  const total = page?.total ?? 0;
  const permissions = usePermissions();
  const facts = { roster: props.roster };
  const canCreate = may(permissions, "entry.create", facts);
  const canEdit = may(permissions, "entry.edit", facts);
  return (
    <section class="entry-list" aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title">{collection.label}</h2>
        {canCreate && (
          <button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>
            New entry
          </button>
        )}
      </div>
      {!canEdit && (
        <p class="hint list-read-only" role="note">
          {whyNot(permissions, "entry.edit", facts)} Its entries open read-only.
        </p>
      )}
      {creating && canCreate && (
        <form
          class="new-entry"
          onSubmit={(event) => {
            event.preventDefault();
            void props.onCreate(title).then(() => {
              setCreating(false);
              setTitle("");
            });
          }}
        >
          <label for="new-title">Title of the new entry</label>
          <input id="new-title" type="text" required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          <button type="submit">Create</button>
        </form>
      )}
      <div class="list-filters">
        <label for="list-search">Search</label>
        <input id="list-search" type="search" placeholder="Title or text" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        <label for="list-sort">Sort</label>
        <select id="list-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
          <option value="date:desc">Newest first</option>
          <option value="date:asc">Oldest first</option>
          <option value="title:asc">Title A–Z</option>
          <option value="title:desc">Title Z–A</option>
        </select>
        <label for="list-tag">Tag</label>
        <select id="list-tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
          <option value="">All tags</option>
          {props.tags.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="list-count" role="status" aria-live="polite">
        {page ? (total === 0 ? "No entries" : `${offset + 1}–${Math.min(offset + PAGE_SIZE, total)} of ${total.toLocaleString("en")}`) : "Loading…"}
      </p>
      <ul class="entries" data-query={page?.query}>
        {page?.entries.map((entry) => (
          <li key={entry.path}>
            <a href={routeHash({ collection: collection.name, entry: entry.path })} aria-current={entry.path === props.selected ? "page" : undefined}>
              <span class="entry-title">{entry.title || entry.path}</span>
              <span class="entry-meta">
                {entry.date ? <time dateTime={entry.date}>{entry.date.slice(0, 10)}</time> : null}
                {entry.draft ? <span class="badge">draft</span> : null}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <nav class="pager" aria-label="Pages of entries">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </button>
        <button type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Next
        </button>
      </nav>
    </section>
  );
}
