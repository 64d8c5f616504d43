/**
 * Slows down and then stops password guessing: after a few failures for one key (an account
 * name, or a client address) each further attempt must wait twice as long as the one before,
 * and after many the key is locked for a while. A success clears the key. With a `file` (in the
 * state folder, mode 600) the counts survive a restart, so restarting the studio does not
 * unlock an account someone is guessing at.
 *
 * @example
 * const limiter = new LoginLimiter();
 * const wait = limiter.check("ana"); // 0: go ahead; otherwise seconds to wait
 * limiter.fail("ana");
 */
import { readStateRecords, writeStateFile } from "./state-dir.js";

export interface LimiterOptions {
  now?: () => number;
  /** Failures allowed before the slow-down starts. Default 3. */
  free?: number;
  /** Failures that lock the key. Default 10. */
  lockAfter?: number;
  /** How long a lock lasts. Default 15 minutes. */
  lockMs?: number;
  /** Where the counts are kept between runs (a state file). Default: in memory only. */
  file?: string;
}

interface Record {
  failures: number;
  last: number;
}

/** Counts untouched for a day are forgotten when the file is written, so it stays small. */
const FORGET_MS = 24 * 3600 * 1000;

export class LoginLimiter {
  private readonly records = new Map<string, Record>();
  private readonly now: () => number;
  private readonly free: number;
  private readonly lockAfter: number;
  private readonly lockMs: number;
  private readonly file?: string;

  constructor(options: LimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.free = options.free ?? 3;
    this.lockAfter = options.lockAfter ?? 10;
    this.lockMs = options.lockMs ?? 15 * 60 * 1000;
    this.file = options.file;
    this.load();
  }

  /** 0 when an attempt may be made now; otherwise the seconds to wait (and whether it is the lock). */
  check(key: string): { wait: number; locked: boolean } {
    const record = this.records.get(key);
    if (!record || record.failures < this.free) return { wait: 0, locked: false };
    const locked = record.failures >= this.lockAfter;
    const delay = locked ? this.lockMs : Math.min(60_000, 1000 * 2 ** (record.failures - this.free));
    const left = record.last + delay - this.now();
    if (left <= 0) {
      if (locked && this.records.delete(key)) this.persist();
      return { wait: 0, locked: false };
    }
    return { wait: Math.ceil(left / 1000), locked };
  }

  fail(key: string): number {
    const record = this.records.get(key) ?? { failures: 0, last: 0 };
    record.failures += 1;
    record.last = this.now();
    this.records.set(key, record);
    this.persist();
    return record.failures;
  }

  succeed(key: string): void {
    if (this.records.delete(key)) this.persist();
  }

  private load(): void {
    if (!this.file) return;
    // A missing or damaged file only forgets the counts, as a restart did before they were kept.
    for (const [key, value] of Object.entries(readStateRecords(this.file) ?? {})) {
      const record = value as Partial<Record> | null;
      if (Number.isInteger(record?.failures) && typeof record?.last === "number") this.records.set(key, { failures: record.failures!, last: record.last });
    }
  }

  private persist(): void {
    if (!this.file) return;
    const at = this.now();
    for (const [key, record] of this.records) if (at - record.last > FORGET_MS) this.records.delete(key);
    writeStateFile(this.file, `${JSON.stringify(Object.fromEntries(this.records))}\n`);
  }
}
