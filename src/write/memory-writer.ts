/** Keeps a build's output in memory, keyed by output path: for tests and the dev server. */
import { readFileSync } from "node:fs";
import type { CommitScope, OutputWriter, WriteSummary } from "./output-writer.js";

export interface CommittedChanges {
  /** Paths whose content is new or different. */
  changed: string[];
  /** Paths that were there and are gone. */
  removed: string[];
}

export class MemoryWriter implements OutputWriter {
  readonly files = new Map<string, string | Buffer>();
  /** What the last commit changed, for live reload. */
  lastCommit: CommittedChanges = { changed: [], removed: [] };
  private pending = new Map<string, string | { source: string }>();
  private removals = new Set<string>();

  writeFile(relative: string, content: string): void {
    this.pending.set(relative, content);
  }

  copyFile(source: string, relative: string): void {
    this.pending.set(relative, { source });
  }

  removeFile(relative: string): void {
    this.removals.add(relative);
  }

  async commit(scope: CommitScope = "complete"): Promise<WriteSummary> {
    const summary: WriteSummary = { written: 0, copied: 0, unchanged: 0, removed: 0 };
    const changes: CommittedChanges = { changed: [], removed: [] };
    const gone = scope === "complete" ? [...this.files.keys()].filter((key) => !this.pending.has(key)) : [...this.removals].filter((key) => !this.pending.has(key));
    for (const key of gone) {
      if (!this.files.delete(key)) continue;
      summary.removed++;
      changes.removed.push(key);
    }
    for (const [relative, value] of this.pending) {
      const before = this.files.get(relative);
      if (typeof value === "string") {
        if (before === value) summary.unchanged++;
        else {
          summary.written++;
          changes.changed.push(relative);
        }
        this.files.set(relative, value);
      } else {
        const bytes = readFileSync(value.source);
        if (!(Buffer.isBuffer(before) && before.equals(bytes))) changes.changed.push(relative);
        this.files.set(relative, bytes);
        summary.copied++;
      }
    }
    this.pending = new Map();
    this.removals = new Set();
    this.lastCommit = changes;
    return summary;
  }

  async discard(): Promise<void> {
    this.pending = new Map();
    this.removals = new Set();
  }

  read(relative: string): string | undefined {
    const value = this.files.get(relative);
    return value === undefined ? undefined : value.toString();
  }
}
