// The studio's frame: collections on the left, the open collection's entries, and the open
// entry's editor. Where the user is lives in the URL hash (route.ts).

import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "./api.js";
import { EntryEditor } from "./entry-editor.js";
import { EntryList } from "./entry-list.js";
import { go, readRoute, type Route } from "./route.js";
import { BoardView } from "./board-view.js";
import { WorkflowBar } from "./workflow-bar.js";
import { UserMenu } from "./user-menu.js";
import type { Collection, Entry, Schema, SiteInfo } from "./types.js";

export function App() {
  const [site, setSite] = useState<SiteInfo | null>(null);
  const [collections, setCollections] = useState<Collection[]>([]);
  const [route, setRoute] = useState<Route>(readRoute);
  const [schema, setSchema] = useState<Schema>({ fields: [] });
  const fields = schema.fields;
  const [entry, setEntry] = useState<Entry | null>(null);
  const [notice, setNotice] = useState("");
  const [failure, setFailure] = useState("");
  const [refresh, setRefresh] = useState(0);
  /** Bumped when the open entry's text changed elsewhere (publish, restore): it is read again. */
  const [reload, setReload] = useState(0);
  const [roster, setRoster] = useState<{ folder: string; logoFolder: string } | null>(null);

  useEffect(() => {
    const onHash = () => setRoute(readRoute());
    addEventListener("hashchange", onHash);
    Promise.all([api.site(), api.collections()]).then(
      ([info, list]) => {
        setSite(info);
        setCollections(list);
        document.title = `${info.name} — Plinth Studio`;
        // The board (#/board, a reload or a login there) stays; otherwise the first collection opens.
        const at = readRoute();
        if (!at.collection && !at.board && list[0]) go({ collection: list[0].name });
      },
      (error: unknown) => setFailure(error instanceof ApiError ? error.message : String(error)),
    );
    api.members().then(
      (found) => setRoster(found.enabled ? { folder: found.folder.replace(/\/$/, ""), logoFolder: found.logoFolder.replace(/^\/|\/$/g, "") } : null),
      () => setRoster(null),
    );
    return () => removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    if (!route.collection) return;
    api.schema(route.collection).then(
      (found) => setSchema(found),
      () => setSchema({ fields: [] }),
    );
  }, [route.collection]);

  useEffect(() => {
    setEntry(null);
    if (!route.entry) return;
    let live = true;
    api.entry(route.entry).then(
      (loaded) => live && setEntry(loaded),
      (error: unknown) => live && setNotice(`Could not open ${route.entry}: ${error instanceof ApiError ? error.message : String(error)}`),
    );
    return () => {
      live = false;
    };
  }, [route.entry, reload]);

  const collection = collections.find((c) => c.name === route.collection);
  /** Opens an entry from the board: in the collection whose folder holds it. */
  const openEntry = (path: string) => {
    const holder = collections.filter((c) => c.folder && path.startsWith(`${c.folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
    go({ collection: holder?.name ?? collections.find((c) => !c.folder)?.name, entry: path });
  };
  const tags = fields.find((field) => field.type === "tags")?.options ?? [];

  const create = async (title: string) => {
    if (!collection) return;
    try {
      const created = await api.create({ collection: collection.name, title });
      setRefresh((n) => n + 1);
      go({ collection: collection.name, entry: created.path });
    } catch (error) {
      setNotice(`Could not create the entry: ${error instanceof ApiError ? `${error.message}${error.hint ? ` ${error.hint}` : ""}` : String(error)}`);
    }
  };

  if (failure) {
    return (
      <main class="fatal">
        <h1>Plinth Studio could not start</h1>
        <p role="alert">{failure}</p>
        <p>Open the address `plinth studio` printed in the terminal (it carries the access token).</p>
      </main>
    );
  }

  return (
    <div class="studio">
      <header class="studio-head">
        <span class="studio-name">{site ? site.name : "Plinth Studio"}</span>
        {site && !site.git && <span class="badge">no git: saves are plain file writes</span>}
        {notice && (
          <p class="notice" role="status">
            {notice}{" "}
            <button type="button" onClick={() => setNotice("")} aria-label="Dismiss message">
              ×
            </button>
          </p>
        )}
        <UserMenu />
      </header>
      <nav class="collections" aria-label="Collections">
        <a class="board-link" href="#/board" aria-current={route.board ? "page" : undefined}>
          Board
        </a>
        <h2>Collections</h2>
        <ul>
          {collections.map((c) => (
            <li key={c.name}>
              <a href={`#/?collection=${encodeURIComponent(c.name)}`} aria-current={c.name === route.collection ? "page" : undefined}>
                {c.label} <span class="count">{c.count}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {route.board && <BoardView onOpen={openEntry} />}
      {!route.board && collection && <EntryList collection={collection} roster={roster !== null && collection.folder === roster.folder} selected={route.entry} tags={tags} refresh={refresh} onCreate={create} />}
      {!route.board && (
        <main class="editor-area">
          {entry && (
            <WorkflowBar
              key={entry.path}
              path={entry.path}
              roster={entry.roster === true}
              refresh={refresh}
              onChanged={(message, changed) => {
                setNotice(message);
                setRefresh((n) => n + 1);
                if (changed) setReload((n) => n + 1);
              }}
            />
          )}
          {entry ? (
            <EntryEditor
              key={`${entry.path}:${entry.revision}`}
              entry={entry}
              fields={fields}
              body={schema.body !== false}
              toolbar={schema.toolbar}
              collection={route.collection}
              roster={roster}
              onSaved={() => setRefresh((n) => n + 1)}
              onNavigate={(path, message) => {
                if (message) setNotice(message);
                setRefresh((n) => n + 1);
                go({ collection: route.collection, entry: path ?? undefined });
              }}
            />
          ) : (
            <p class="empty">{route.entry ? "Opening…" : "Choose an entry to edit, or create a new one."}</p>
          )}
        </main>
      )}
    </div>
  );
}
