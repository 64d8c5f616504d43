/** Keeps a build's output in memory, keyed by output path: for tests and the dev server. */
import { readFileSync } from "node:fs";
import type { OutputWriter, WriteSummary } from "./output-writer.js";

export class MemoryWriter implements OutputWriter {
  readonly files = new Map<string, string | Buffer>();
  private pending = new Map<string, string | { source: string }>();

  writeFile(relative: string, content: string): void {
    this.pending.set(relative, content);
  }

  copyFile(source: string, relative: string): void {
    this.pending.set(relative, { source });
  }

  async commit(): Promise<WriteSummary> {
    const summary: WriteSummary = { written: 0, copied: 0, unchanged: 0, removed: 0 };
    for (const key of this.files.keys()) {
      if (!this.pending.has(key)) {
        this.files.delete(key);
        summary.removed++;
      }
    }
    for (const [relative, value] of this.pending) {
      if (typeof value === "string") {
        if (this.files.get(relative) === value) summary.unchanged++;
        else summary.written++;
        this.files.set(relative, value);
      } else {
        this.files.set(relative, readFileSync(value.source));
        summary.copied++;
      }
    }
    this.pending = new Map();
    return summary;
  }

  read(relative: string): string | undefined {
    const value = this.files.get(relative);
    return value === undefined ? undefined : value.toString();
  }
}
