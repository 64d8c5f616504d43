// Calls to the studio server. Every call is same-origin (the auth cookie rides along) and
// fails with an ApiError that carries the server's message and hint, for the UI to show.

import type { Collection, Conflict, Entry, EntryPage, LinkingPage, MediaListing, PreviewResult, Roster, Saved, Schema, SiteInfo, Viewer } from "./types.js";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly hint?: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { message?: string; hint?: string };
  message?: string;
}

/** With accounts: the session's CSRF token (from login or /api/me), sent with every change. */
let csrfToken: string | null = null;
/** Called when a request finds the session gone (expired, logged out elsewhere): the app shows the login page. */
let loginNeeded: () => void = () => undefined;
/**
 * Counts logins and logouts: a request still in flight from an ended session (a heartbeat sent
 * as the last user logged out) must not send the next user back to the login page.
 */
let sessionGeneration = 0;

export function setSession(token: string | null, onLoginNeeded?: () => void): void {
  csrfToken = token;
  sessionGeneration += 1;
  if (onLoginNeeded) loginNeeded = onLoginNeeded;
}

export async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin" };
  if (csrfToken && method !== "GET" && method !== "HEAD") (init.headers as Record<string, string>)["X-CSRF-Token"] = csrfToken;
  if (body instanceof Blob) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
  }
  const generation = sessionGeneration;
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError("The studio server did not answer. Is `plinth studio` still running?", 0);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = parsed as ErrorBody | undefined;
    if (response.status === 401 && (parsed as { error?: { code?: string } } | undefined)?.error?.code === "StudioLoginNeeded" && url !== "/api/me" && generation === sessionGeneration) loginNeeded();
    const message = error?.error?.message ?? error?.message ?? `${method} ${url} failed with ${response.status}`;
    throw new ApiError(message, response.status, error?.error?.hint, parsed);
  }
  return parsed as T;
}

const q = encodeURIComponent;

export const api = {
  site: () => call<SiteInfo>("GET", "/api/site"),
  collections: () => call<Collection[]>("GET", "/api/collections"),
  entries: (params: { collection: string; q?: string; tag?: string; sort?: string; order?: string; offset: number; limit: number }) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
    return call<EntryPage>("GET", `/api/entries?${search}`);
  },
  schema: (collection: string) => call<Schema>("GET", `/api/schema?collection=${q(collection)}`),
  entry: (path: string) => call<Entry>("GET", `/api/entry?path=${q(path)}`),
  save: (path: string, raw: string, baseRevision: string) => call<Saved>("PUT", `/api/entry?path=${q(path)}`, { raw, baseRevision }),
  create: (body: { collection: string; title: string } | { raw: string }, path?: string) =>
    call<Saved & { path: string }>("POST", path ? `/api/entry?path=${q(path)}` : "/api/entry", body),
  remove: (path: string, baseRevision: string) => call<{ commit?: string }>("DELETE", `/api/entry?path=${q(path)}&baseRevision=${q(baseRevision)}`),
  rename: (path: string, to: string) => call<{ path: string; commit?: string; linkedFrom?: LinkingPage[] }>("POST", `/api/entry/rename?path=${q(path)}`, { to }),
  /** The pages linking to any URL the entry at `path` is built to. */
  links: (path: string) => call<{ pages: LinkingPage[] }>("GET", `/api/links?path=${q(path)}`),
  preview: (path: string, raw: string) => call<PreviewResult>("POST", `/api/preview?path=${q(path)}`, { raw }),
  dropPreview: (path: string) => call<unknown>("DELETE", `/api/preview?path=${q(path)}`),
  media: (folder: string) => call<MediaListing>("GET", `/api/media?folder=${q(folder)}`),
  upload: (folder: string, file: File) => call<{ path: string; url: string }>("POST", `/api/media?folder=${q(folder)}`, file, { "X-File-Name": encodeURIComponent(file.name), "Content-Type": file.type || "application/octet-stream" }),
  members: () => call<Roster>("GET", "/api/members"),
  /** A heartbeat: this tab has `path` open; answers who else has. */
  presence: (path: string, id: string, name?: string) => call<{ others: Viewer[] }>("POST", `/api/presence?path=${q(path)}`, { id, ...(name ? { name } : {}) }),
  leave: (path: string, id: string) => call<unknown>("DELETE", `/api/presence?path=${q(path)}&id=${q(id)}`),
  announce: (path: string) => call<{ path: string }>("POST", `/api/members/announce?path=${q(path)}`),
};

/** True when `error` is the server's 409 answer to a stale baseRevision. */
export function conflictOf(error: unknown): Conflict | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const body = error.body as Partial<Conflict> & { error?: Partial<Conflict> } | undefined;
  const current = body?.current ?? body?.error?.current;
  if (!current) return undefined;
  return { current, message: body?.message ?? error.message, ...(body?.mine !== undefined ? { mine: body.mine } : {}), ...(body?.merged ? { merged: body.merged } : {}) };
}
