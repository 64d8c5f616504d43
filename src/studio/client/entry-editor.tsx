// One entry open for editing: the front matter form, the Markdown body, the live preview,
// saving with the revision it was based on (a conflict shows both versions), and the unsaved
// text kept in the browser until the server has it.

import type { EditorView } from "@codemirror/view";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, ApiError, conflictOf } from "./api.js";
import { ConflictView } from "./conflict-view.js";
import { dropDraft, readDraft, writeDraft, type Draft } from "./drafts.js";
import { EntryAction, type ActionKind } from "./entry-actions.js";
import { frontMatterValues } from "./field-values.js";
import { FrontMatterForm } from "./front-matter-form.js";
import { bodyFirstLine, joinEntryText, parseEntryText, wholeText, type EntryText } from "./front-matter-text.js";
import { insertText } from "./markdown-commands.js";
import { MarkdownEditor, type BodyDiagnostic } from "./markdown-editor.js";
import { MediaPanel } from "./media-panel.js";
import { may, usePermissions, whyNot } from "./permissions.js";
import { PresenceBadge } from "./presence-badge.js";
import { PreviewPane } from "./preview-pane.js";
import type { Conflict, Entry, Field, MemberDiagnostic, PreviewError } from "./types.js";

interface Props {
  entry: Entry;
  fields: Field[];
  /** False for data-only collections: no body editor (the body's text is kept as it is). */
  body: boolean;
  toolbar?: string[] | null;
  collection: string | undefined;
  /** The roster's folders when the site has one: its entries get inline checks, Announce and logo uploads. */
  roster: { folder: string; logoFolder: string } | null;
  /** Opens another entry (after rename, duplicate, announce) or none (after delete). */
  onNavigate: (path: string | null, message?: string) => void;
  /** Tells the list that an entry was saved, so it refreshes. */
  onSaved: () => void;
}

type Status = { kind: "idle" | "saving" | "saved" | "error"; text: string };

const describe = (error: unknown) => (error instanceof ApiError ? `${error.message}${error.hint ? ` ${error.hint}` : ""}` : String(error));

function imageMarkdown(file: File, url: string): string {
  const alt = file.name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").replace(/[[\]]/g, "");
  return `![${alt}](${url})`;
}

export function EntryEditor(props: Props) {
  const { entry, fields } = props;
  const path = entry.path;
  // Front matter the form cannot edit (`---js`, invalid YAML) is edited as text with the body.
  const [textOnly, setTextOnly] = useState(entry.frontMatter === null);
  const [loaded, setLoaded] = useState({ raw: entry.raw, revision: entry.revision, values: entry.frontMatter ?? {}, key: 0 });
  const original = useMemo(() => (textOnly ? wholeText(loaded.raw) : parseEntryText(loaded.raw)), [loaded, textOnly]);
  const [doc, setDoc] = useState<EntryText>(original);
  const [baseRevision, setBaseRevision] = useState(entry.revision);
  const [savedRaw, setSavedRaw] = useState(entry.raw);
  const [status, setStatus] = useState<Status>({ kind: "idle", text: "" });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [offer, setOffer] = useState<Draft | null>(() => {
    const draft = readDraft(path);
    return draft && draft.raw !== entry.raw ? draft : null;
  });
  const [errors, setErrors] = useState<PreviewError[]>([]);
  const [saves, setSaves] = useState(0);
  const [memberErrors, setMemberErrors] = useState<MemberDiagnostic[]>([]);
  const [action, setAction] = useState<ActionKind | null>(null);
  const [media, setMedia] = useState<{ folder: string; field?: Field } | null>(null);
  const view = useRef<EditorView | null>(null);
  const raw = joinEntryText(doc);
  /** The text as it is now, for an answer that comes back after more typing. */
  const latest = useRef(raw);
  latest.current = raw;
  const dirty = raw !== savedRaw;
  const isMembers = props.roster !== null && path.startsWith(`${props.roster.folder}/`);
  const bodyFolder = fields.find((field) => field.type === "image" && field.uploadFolder)?.uploadFolder ?? "img";
  const folderOf = (field: Field) => field.uploadFolder ?? (isMembers && props.roster ? props.roster.logoFolder : bodyFolder);
  // What the role may do with this entry: the same targets the server's handlers check.
  const permissions = usePermissions();
  const facts = { roster: entry.roster ?? isMembers };
  const asPublished = { ...facts, published: true };
  const readOnly = !may(permissions, "entry.edit", facts)
    ? whyNot(permissions, "entry.edit", facts)
    : entry.settings && !may(permissions, "settings")
      ? whyNot(permissions, "settings")
      : "";
  const canCreate = may(permissions, "entry.create", facts);
  const canDelete = may(permissions, "entry.delete", asPublished);

  /** Starts over from `text` (a restored draft, the disk's version). */
  const reset = (text: string, revision: string) => {
    const parsed = parseEntryText(text);
    const values = frontMatterValues(parsed.blocks.map((block) => block.text).join(""));
    const asText = parsed.open === "" ? /^---\S/.test(text) : values === null;
    setTextOnly(asText);
    setLoaded({ raw: text, revision, values: values ?? {}, key: loaded.key + 1 });
    setDoc(asText ? wholeText(text) : parsed);
  };

  // Keep unsaved text in the browser as it changes; forget it once saved.
  useEffect(() => {
    if (offer) return;
    const timer = setTimeout(() => (dirty ? writeDraft(path, raw, baseRevision) : dropDraft(path)), 200);
    return () => clearTimeout(timer);
  }, [raw, dirty, baseRevision, offer]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener("beforeunload", warn);
    return () => removeEventListener("beforeunload", warn);
  }, [dirty]);

  const loadMemberDiagnostics = () => {
    if (!isMembers) return;
    api.members().then(
      (result) => setMemberErrors((result.diagnostics ?? []).filter((d) => d.file === path)),
      () => setMemberErrors([]),
    );
  };
  useEffect(loadMemberDiagnostics, [path, props.roster]);

  const save = async (text = raw, base = baseRevision) => {
    setStatus({ kind: "saving", text: "Saving…" });
    try {
      const saved = await api.save(path, text, base);
      setConflict(null);
      setSaves((n) => n + 1);
      if (saved.merged && saved.raw !== undefined) {
        // Someone saved other lines meanwhile: the file now has both, and so does the editor.
        // Text typed while saving stays, based on the old revision, to be merged on the next save.
        const typedSince = latest.current !== text;
        if (!typedSince) {
          reset(saved.raw, saved.revision);
          setBaseRevision(saved.revision);
          dropDraft(path);
        }
        setSavedRaw(saved.raw);
        setStatus({ kind: "saved", text: `Saved and merged with changes saved meanwhile by someone else: the text now has both${saved.commit ? ` (${saved.commit.slice(0, 7)})` : ""}` });
      } else {
        setBaseRevision(saved.revision);
        setSavedRaw(text);
        dropDraft(path);
        setStatus({ kind: "saved", text: saved.commit ? `Saved and committed (${saved.commit.slice(0, 7)})` : text === savedRaw ? "No changes to save" : "Saved" });
      }
      props.onSaved();
      loadMemberDiagnostics();
    } catch (error) {
      const found = conflictOf(error);
      if (found) {
        setConflict(found);
        setStatus({ kind: "error", text: found.merged ? "Not saved: someone else changed the same lines meanwhile." : "Not saved: the file changed on disk." });
      } else setStatus({ kind: "error", text: `Not saved: ${describe(error)} Your text is kept here and in this browser.` });
    }
  };

  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      if (!readOnly) void save();
    } else if (event.key === "Escape" && (action || media)) {
      setAction(null);
      setMedia(null);
    }
  };

  const upload = async (folder: string, file: File): Promise<string | undefined> => {
    try {
      setStatus({ kind: "idle", text: `Uploading ${file.name}…` });
      const stored = await api.upload(folder, file);
      setStatus({ kind: "idle", text: `Uploaded ${stored.path}` });
      return stored.url;
    } catch (error) {
      setStatus({ kind: "error", text: `${file.name} was not uploaded: ${describe(error)}` });
      return undefined;
    }
  };

  const fieldErrors: Record<string, string> = {};
  const bodyDiagnostics: BodyDiagnostic[] = [];
  const general: string[] = [];
  const firstBodyLine = bodyFirstLine(doc);
  for (const error of errors) {
    const text = error.hint ? `${error.message} ${error.hint}` : error.message;
    if (error.field) fieldErrors[error.field] = text;
    else if (error.line && (!error.file || error.file === path || error.file.endsWith(`/${path}`)) && error.line >= firstBodyLine) {
      bodyDiagnostics.push({ line: error.line - firstBodyLine + 1, column: error.column, message: text });
    } else general.push(error.file ? `${error.file}${error.line ? `:${error.line}` : ""}: ${text}` : text);
  }
  for (const diagnostic of memberErrors) {
    const text = `${diagnostic.severity === "warning" ? "Warning: " : ""}${diagnostic.message}${diagnostic.hint ? ` ${diagnostic.hint}` : ""}`;
    if (diagnostic.field) fieldErrors[diagnostic.field] ??= text;
    else general.push(text);
  }

  return (
    <div class="entry-editor" onKeyDown={onKey}>
      <div class="entry-bar">
        <h1 class="entry-path">{path}</h1>
        <button type="button" class="primary" onClick={() => void save()} aria-keyshortcuts="Control+S" disabled={readOnly !== ""} title={readOnly || undefined}>
          Save
        </button>
        <span class={`save-status ${status.kind}`} role="status">
          {dirty && status.kind !== "saving" && status.kind !== "error" ? "Unsaved changes" : status.text}
        </span>
        <PresenceBadge path={path} />
        <div class="entry-menu">
          {canCreate && <button type="button" onClick={() => setAction("duplicate")}>Duplicate</button>}
          {canCreate && canDelete && <button type="button" onClick={() => setAction("rename")}>Rename</button>}
          {canDelete && <button type="button" onClick={() => setAction("delete")}>Delete</button>}
          {!readOnly && <button type="button" onClick={() => setMedia({ folder: bodyFolder })}>Media</button>}
          {isMembers && may(permissions, "members.announce") && (
            <button
              type="button"
              onClick={() =>
                api.announce(path).then(
                  (result) => props.onNavigate(result.path, `Drafted the announcement ${result.path}`),
                  (error: unknown) => setStatus({ kind: "error", text: `Not announced: ${describe(error)}` }),
                )
              }
            >
              Announce
            </button>
          )}
        </div>
      </div>
      {readOnly && (
        <p class="warning read-only" role="note">
          Read-only: {readOnly} You can read it, preview it and see its history.
        </p>
      )}
      {status.kind === "error" && (
        <p class="error" role="alert">
          {status.text}
        </p>
      )}
      {offer && (
        <div class="draft-offer" role="alert">
          <p>
            You have unsaved changes to this entry from {new Date(offer.savedAt).toLocaleString()}
            {offer.baseRevision !== entry.revision ? ", and the file has changed on disk since" : ""}.
          </p>
          <button
            type="button"
            onClick={() => {
              reset(offer.raw, entry.revision);
              setBaseRevision(offer.baseRevision);
              setOffer(null);
            }}
          >
            Restore my changes
          </button>
          <button
            type="button"
            onClick={() => {
              dropDraft(path);
              setOffer(null);
            }}
          >
            Discard them
          </button>
        </div>
      )}
      {action && (
        <EntryAction
          kind={action}
          path={path}
          url={entry.url}
          raw={raw}
          revision={baseRevision}
          onCancel={() => setAction(null)}
          onDone={(result) => {
            setAction(null);
            if (action === "rename") dropDraft(path);
            props.onNavigate(result.path ?? null, result.message);
          }}
        />
      )}
      {conflict && (
        <ConflictView
          mine={raw}
          conflict={conflict}
          onKeepMine={() => void save(raw, conflict.current.revision)}
          onTakeTheirs={() => {
            reset(conflict.current.raw, conflict.current.revision);
            setBaseRevision(conflict.current.revision);
            setSavedRaw(conflict.current.raw);
            setConflict(null);
            dropDraft(path);
            setStatus({ kind: "idle", text: "Loaded the version on disk" });
          }}
          onEditMerged={(text) => {
            reset(text, conflict.current.revision);
            setBaseRevision(conflict.current.revision);
            setSavedRaw(conflict.current.raw);
            setConflict(null);
            setStatus({ kind: "idle", text: "Editing the combined text: resolve the lines between <<<<<<< and >>>>>>>, then save" });
          }}
          onMerge={() => {
            setBaseRevision(conflict.current.revision);
            setConflict(null);
            setStatus({ kind: "idle", text: "Editing your version; saving will replace the version on disk" });
          }}
        />
      )}
      {general.length > 0 && (
        <ul class="errors" aria-label="Problems">
          {general.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
      {media && (
        <MediaPanel
          folder={media.folder}
          chooseLabel={media.field ? "Use" : "Insert"}
          onClose={() => setMedia(null)}
          onChoose={(url, file) => {
            if (media.field) {
              const input = document.getElementById(`field-${media.field.name}`) as HTMLInputElement | null;
              if (input) {
                input.value = url;
                input.dispatchEvent(new Event("input", { bubbles: true }));
              }
            } else if (view.current) insertText(view.current, `![${file.replace(/^.*\//, "").replace(/\.[^.]+$/, "")}](${url})`);
            setMedia(null);
          }}
        />
      )}
      <div class="panes">
        {/* Read-only, nothing inside takes the focus: the pane does, so the keyboard can scroll it. */}
        <div class="edit-pane" key={loaded.key} {...(readOnly ? { tabIndex: 0, role: "region", "aria-label": "The entry (read-only)" } : {})}>
          {/* A disabled fieldset makes every field of a read-only entry inert at once. */}
          <fieldset class="edit-fields" disabled={readOnly !== ""}>
            {textOnly && (
              <p class="warning" role="note">
                The front matter cannot be edited as a form
                {entry.frontMatterError ? `: ${entry.frontMatterError.message}${entry.frontMatterError.hint ? ` ${entry.frontMatterError.hint}` : ""}` : "."} The whole
                file is in the text editor below.
              </p>
            )}
            {!textOnly && (
              <FrontMatterForm
                fields={fields}
                original={original}
                originalValues={loaded.values}
                doc={doc}
                onChange={setDoc}
                errors={fieldErrors}
                onUpload={(field, file) => upload(folderOf(field), file)}
                onBrowse={(field) => setMedia({ folder: folderOf(field), field })}
              />
            )}
            {props.body && (
              <MarkdownEditor
                toolbar={props.toolbar}
                docKey={`${path}#${loaded.key}`}
                initial={original.body}
                onChange={(body) => setDoc((current) => ({ ...current, body }))}
                onFiles={async (files) => {
                  const parts: string[] = [];
                  for (const file of files) {
                    const url = await upload(bodyFolder, file);
                    if (url) parts.push(imageMarkdown(file, url));
                  }
                  return parts.join("\n\n") || undefined;
                }}
                diagnostics={bodyDiagnostics}
                viewRef={view}
                readOnly={readOnly !== ""}
              />
            )}
          </fieldset>
        </div>
        <PreviewPane path={path} raw={raw} refresh={saves} onErrors={setErrors} />
      </div>
    </div>
  );
}
