// Unsaved text kept in the browser, one record per entry, so a reload or a crashed tab
// loses nothing: written as the user types, dropped once the server has the text.

export interface Draft {
  raw: string;
  /** The revision the text was based on, to tell whether the file moved on since. */
  baseRevision: string;
  savedAt: number;
}

const PREFIX = "plinth-studio:draft:";

function keyFor(path: string): string {
  return `${PREFIX}${location.host}:${path}`;
}

export function readDraft(path: string): Draft | undefined {
  try {
    const text = localStorage.getItem(keyFor(path));
    const draft = text ? (JSON.parse(text) as Partial<Draft>) : undefined;
    return draft && typeof draft.raw === "string" && typeof draft.baseRevision === "string" ? (draft as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(path: string, raw: string, baseRevision: string): void {
  try {
    localStorage.setItem(keyFor(path), JSON.stringify({ raw, baseRevision, savedAt: Date.now() } satisfies Draft));
  } catch {
    // Storage full or disabled: the text is still in the editor; nothing else to do.
  }
}

export function dropDraft(path: string): void {
  try {
    localStorage.removeItem(keyFor(path));
  } catch {
    // As above.
  }
}
