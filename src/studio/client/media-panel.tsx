// The media library: the site's images in a folder, where each is used, and upload by
// dropping files on the panel (or choosing them) into that folder. Opened from an image
// field (choose one for it) or from the editor (insert one into the body).

import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "./api.js";
import { may, usePermissions, whyNot } from "./permissions.js";
import type { MediaListing } from "./types.js";

interface Props {
  folder: string;
  /** What choosing an image does, e.g. "Use" (for a field) or "Insert" (into the body). */
  chooseLabel: string;
  onChoose: (url: string, path: string) => void;
  onClose: () => void;
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function MediaPanel(props: Props) {
  const [folder, setFolder] = useState(props.folder);
  const [listing, setListing] = useState<MediaListing | null>(null);
  const [message, setMessage] = useState("");
  const [dragging, setDragging] = useState(false);
  const permissions = usePermissions();
  const canUpload = may(permissions, "media.upload");

  const load = () =>
    api.media(folder).then(setListing, (error: unknown) => {
      setListing({ folders: [], files: [] });
      setMessage(error instanceof ApiError ? error.message : String(error));
    });
  useEffect(() => void load(), [folder]);

  const upload = async (files: FileList | null | undefined) => {
    for (const file of [...(files ?? [])]) {
      setMessage(`Uploading ${file.name}…`);
      try {
        const stored = await api.upload(folder, file);
        setMessage(`Uploaded ${file.name} as ${stored.path}`);
      } catch (error) {
        setMessage(`${file.name} was not uploaded: ${error instanceof ApiError ? `${error.message}${error.hint ? ` ${error.hint}` : ""}` : String(error)}`);
      }
    }
    await load();
  };

  return (
    <section
      class={`media-panel${dragging ? " dragging" : ""}`}
      aria-label="Media library"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(canUpload);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (canUpload) void upload(e.dataTransfer?.files);
      }}
    >
      <div class="media-head">
        <h2>Media</h2>
        <label for="media-folder">Folder</label>
        <select id="media-folder" value={folder} onChange={(e) => setFolder(e.currentTarget.value)}>
          {[...new Set([props.folder, folder, ...(listing?.folders ?? [])])].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {canUpload && (
          <label class="button">
            Upload…
            <input class="visually-hidden" type="file" accept="image/*" multiple aria-label={`Upload images into ${folder}`} onChange={(e) => void upload(e.currentTarget.files)} />
          </label>
        )}
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p class="hint">{canUpload ? `Drop image files here to upload them into ${folder}.` : whyNot(permissions, "media.upload")}</p>
      <p role="status" class="status">
        {message}
      </p>
      {listing === null ? (
        <p>Loading…</p>
      ) : listing.files.length === 0 ? (
        <p>No images in {folder} yet.</p>
      ) : (
        <ul class="media-grid">
          {listing.files.map((file) => (
            <li key={file.path}>
              <img src={file.url} alt="" loading="lazy" />
              <span class="media-name">{file.path}</span>
              <span class="media-meta">
                {size(file.size)}
                {file.width && file.height ? ` · ${file.width}×${file.height}` : ""}
                {file.usedBy?.length ? ` · used by ${file.usedBy.length}` : " · unused"}
              </span>
              <button type="button" aria-label={`${props.chooseLabel} ${file.path}`} onClick={() => props.onChoose(file.url, file.path)}>
                {props.chooseLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
