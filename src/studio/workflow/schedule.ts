/**
 * Scheduled publishing: "publish at" times kept in the studio's state folder
 * (`.plinth-studio/schedule.json`, so they survive a restart), one timer for the next one due,
 * and each publish made by the same path as a manual one (build gate, push, deploy), by the
 * user who scheduled it. Every outcome is logged to the terminal and to
 * `.plinth-studio/schedule-log.jsonl`; a refused publish stays in the list with its error.
 */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { readStateFile, writeStateFile } from "../auth/state-dir.js";
import type { GitAuthor } from "../git/git-repo.js";
import { isPlinthError } from "../../errors/plinth-error.js";
import { publishEntry } from "./publish.js";
import type { Workflow } from "./workflow.js";

export interface Scheduled {
  path: string;
  /** ISO 8601, UTC. */
  at: string;
  by: GitAuthor;
  created: string;
  /** Set when the publish was refused at its time: the error's message. */
  error?: string;
}

/** The longest delay setTimeout takes; a later time is reached in steps. */
const MAX_DELAY = 2 ** 31 - 1;

export class Schedule {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;

  constructor(
    private readonly workflow: Workflow,
    /** The state folder. */
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  private get file(): string {
    return path.join(this.dir, "schedule.json");
  }

  list(): Scheduled[] {
    const text = readStateFile(this.file);
    if (!text) return [];
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? (value as Scheduled[]).filter((s) => typeof s?.path === "string" && typeof s?.at === "string") : [];
    } catch {
      this.workflow.ctx.logError(`[studio] ${this.file} is not valid JSON; no publishing is scheduled until it is fixed.\n`);
      return [];
    }
  }

  /** Schedules (or moves) the entry's publishing to `at`. */
  add(relative: string, at: Date, by: GitAuthor): Scheduled {
    const item: Scheduled = { path: relative, at: at.toISOString(), by, created: new Date(this.now()).toISOString() };
    this.save([...this.list().filter((s) => s.path !== relative), item]);
    this.arm();
    return item;
  }

  /** Cancels the entry's scheduled publishing; false when there was none. */
  remove(relative: string): boolean {
    const items = this.list();
    const kept = items.filter((s) => s.path !== relative);
    this.save(kept);
    this.arm();
    return kept.length !== items.length;
  }

  /** Starts the timer for the next one due (publishing at once what is overdue, e.g. after a restart). */
  arm(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const pending = this.list().filter((s) => !s.error);
    if (!pending.length) return;
    const next = Math.min(...pending.map((s) => Date.parse(s.at)));
    const delay = Math.max(0, Math.min(MAX_DELAY, next - this.now()));
    this.timer = setTimeout(() => void this.runDue(), delay);
    // A scheduled publish does not keep a process alive that is otherwise done.
    this.timer.unref();
  }

  /** Publishes every entry that is due, one after another, then sets the timer again. */
  runDue(): Promise<void> {
    this.running ??= this.publishDue().finally(() => {
      this.running = undefined;
      this.arm();
    });
    return this.running;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Resolves when no scheduled publish is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async publishDue(): Promise<void> {
    const due = this.list().filter((s) => !s.error && Date.parse(s.at) <= this.now());
    for (const item of due) {
      if (this.closed) return;
      let outcome: Record<string, unknown>;
      try {
        const result = await publishEntry(this.workflow, item.path, { author: item.by, reason: `scheduled for ${item.at}` });
        outcome = { ok: true, commit: result.commit, push: result.push?.ok ?? null, deploy: result.deploy?.ok ?? null };
        this.save(this.list().filter((s) => !(s.path === item.path && s.at === item.at)));
      } catch (error) {
        const message = isPlinthError(error) ? error.message : String(error);
        outcome = { ok: false, error: message };
        this.workflow.ctx.logError(`[studio] The scheduled publish of ${item.path} (${item.at}) was refused: ${message}\n`);
        this.save(this.list().map((s) => (s.path === item.path && s.at === item.at ? { ...s, error: message } : s)));
      }
      appendFileSync(path.join(this.dir, "schedule-log.jsonl"), `${JSON.stringify({ time: new Date(this.now()).toISOString(), path: item.path, at: item.at, by: item.by.name, ...outcome })}\n`, { mode: 0o600 });
    }
  }

  private save(items: Scheduled[]): void {
    writeStateFile(this.file, `${JSON.stringify(items, null, 2)}\n`);
  }
}
