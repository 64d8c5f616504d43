/**
 * Who has which entry open: each open editor (a browser tab) sends a heartbeat for its entry
 * every ~15 s; one not heard from for `ttlMs` has gone (a closed tab, a lost connection). Kept in
 * memory only: after a restart the next heartbeats fill it again within one interval.
 */

export interface Viewer {
  /** The tab's own random id, so one person's two tabs are two viewers and a tab never sees itself. */
  id: string;
  name: string;
  /** When it was first seen on this entry (ISO), e.g. "open since 10:02". */
  since: string;
}

interface Seen extends Viewer {
  at: number;
}

export class Presence {
  private readonly byPath = new Map<string, Map<string, Seen>>();

  constructor(
    private readonly ttlMs = 45_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records that tab `id` of `name` has `path` open (and no other entry); answers the others who do. */
  beat(path: string, id: string, name: string): Viewer[] {
    const time = this.now();
    for (const [other, viewers] of this.byPath) if (other !== path && viewers.delete(id) && !viewers.size) this.byPath.delete(other);
    let viewers = this.byPath.get(path);
    if (!viewers) this.byPath.set(path, (viewers = new Map()));
    const previous = viewers.get(id);
    viewers.set(id, { id, name, since: previous?.since ?? new Date(time).toISOString(), at: time });
    return this.others(path, id);
  }

  /** The tab closed the entry. */
  leave(path: string, id: string): void {
    const viewers = this.byPath.get(path);
    if (viewers?.delete(id) && !viewers.size) this.byPath.delete(path);
  }

  /** Who else has `path` open, longest first; expired ones are forgotten on the way. */
  others(path: string, id?: string): Viewer[] {
    const viewers = this.byPath.get(path);
    if (!viewers) return [];
    const cutoff = this.now() - this.ttlMs;
    for (const [key, seen] of viewers) if (seen.at < cutoff) viewers.delete(key);
    if (!viewers.size) this.byPath.delete(path);
    return [...viewers.values()]
      .filter((seen) => seen.id !== id)
      .sort((a, b) => a.since.localeCompare(b.since))
      .map(({ id: viewer, name, since }) => ({ id: viewer, name, since }));
  }
}
