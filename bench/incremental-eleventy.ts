// Eleventy 3 running as a user runs it while writing: `--watch --incremental` in the site's
// folder. The benchmark saves a file and reads Eleventy's output lines to learn when the
// change was noticed ("File changed") and when the rebuild finished ("Wrote N files").

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseEleventyLine, type EleventyLogLine } from "./incremental-eleventy-log.js";

/** How much of Eleventy's stderr is kept for an error message. */
const STDERR_TAIL_CHARS = 4000;

interface TimedLine<L extends EleventyLogLine = EleventyLogLine> {
  line: L;
  /** performance.now() when the parent read the line. */
  at: number;
}

type LineOf<K extends EleventyLogLine["kind"]> = Extract<EleventyLogLine, { kind: K }>;

export interface EleventyEditTiming {
  /** From the file being saved to the "Wrote" line: what a user waits for, watcher delay included. */
  saveToWrittenMs: number;
  /** From the "File changed" line to the "Wrote" line: the rebuild itself. */
  rebuildMs: number;
  /** Eleventy's own figure for the rebuild, to 10 ms. */
  reportedMs: number;
  written: number;
  skipped: number;
}

export class EleventyExitedError extends Error {}

const QUIET_SAMPLE_MS = 100;

export class EleventyWatch {
  /** Every Eleventy process started and not yet exited, for `killAll`. */
  private static readonly live = new Set<EleventyWatch>();
  private readonly lines: TimedLine[] = [];
  private stderr = "";
  private exit?: string;
  private wake?: () => void;

  private constructor(private readonly child: ChildProcess) {
    if (!child.stdout || !child.stderr) throw new Error("Eleventy's output is not piped");
    EleventyWatch.live.add(this);
    createInterface({ input: child.stdout }).on("line", (text) => {
      const line = parseEleventyLine(text);
      if (line) this.lines.push({ line, at: performance.now() });
      this.wake?.();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_CHARS);
    });
    child.on("exit", (code, signal) => {
      EleventyWatch.live.delete(this);
      this.exit = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
      this.wake?.();
    });
  }

  /** CPU time the process has used so far, in clock ticks (Linux), or undefined where /proc is missing. */
  private cpuTicks(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the name: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }

  /**
   * Waits until Eleventy has used no CPU for two samples in a row (its garbage collection and
   * file writes after the "Wrote" line), at most `maxMs`: on a 2-core machine its leftover work
   * would otherwise be timed as the other tool's.
   */
  async quiet(maxMs: number): Promise<void> {
    const until = performance.now() + maxMs;
    let last = this.cpuTicks();
    let still = 0;
    while (last !== undefined && still < 2 && performance.now() < until) {
      await sleep(QUIET_SAMPLE_MS);
      const now = this.cpuTicks();
      still = now === last ? still + 1 : 0;
      last = now;
    }
  }

  /**
   * Starts Eleventy on `siteDir` (its working directory) and resolves with the initial build's
   * wall time once it prints "Watching…". `--quiet` drops the line per written file; the lines
   * read here are printed whatever the verbosity.
   */
  static async start(repoRoot: string, siteDir: string, outputDir: string, timeoutMs: number): Promise<{ watch: EleventyWatch; initialMs: number }> {
    const started = performance.now();
    const cli = path.join(repoRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
    const child = spawn(process.execPath, [cli, "--input=.", `--output=${outputDir}`, "--watch", "--incremental", "--quiet"], {
      cwd: siteDir,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const watch = new EleventyWatch(child);
    try {
      const ready = await watch.next(0, "watching", timeoutMs, "the initial build");
      return { watch, initialMs: ready.at - started };
    } catch (error) {
      await watch.stop();
      throw error;
    }
  }

  /** The first line of `kind` from index `from` on that `accept`s, waiting for it up to `timeoutMs`. */
  private async next<K extends EleventyLogLine["kind"]>(
    from: number,
    kind: K,
    timeoutMs: number,
    what: string,
    accept: (line: LineOf<K>) => boolean = () => true,
  ): Promise<TimedLine<LineOf<K>> & { index: number }> {
    const deadline = performance.now() + timeoutMs;
    for (let index = from; ; ) {
      for (; index < this.lines.length; index++) {
        const { line, at } = this.lines[index] as TimedLine;
        if (line.kind === kind && accept(line as LineOf<K>)) return { line: line as LineOf<K>, at, index };
      }
      if (this.exit) throw new EleventyExitedError(`Eleventy ${this.exit} while waiting for ${what}${this.stderrTail()}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`Eleventy printed nothing for ${what} in ${Math.round(timeoutMs / 1000)} s${this.stderrTail()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private stderrTail(): string {
    const tail = this.stderr.trim();
    return tail ? `\n${tail}` : "";
  }

  /**
   * Saves `text` to `file` (relative to `siteDir`) and times Eleventy's rebuild. When Eleventy
   * does not notice the save within `noticeMs` (its watcher may still be starting), returns
   * undefined so the caller can save again.
   */
  async timeSave(siteDir: string, file: string, text: string, noticeMs: number, rebuildTimeoutMs: number): Promise<EleventyEditTiming | undefined> {
    const from = this.lines.length;
    await writeFile(path.join(siteDir, file), text);
    const saved = performance.now();
    let changed;
    try {
      changed = await this.next(from, "changed", noticeMs, `the change to ${file}`, (line) => line.path === file);
    } catch (error) {
      if (error instanceof EleventyExitedError) throw error;
      return undefined;
    }
    const wrote = await this.next(changed.index + 1, "wrote", rebuildTimeoutMs, `the rebuild after ${file}`);
    return {
      saveToWrittenMs: wrote.at - saved,
      rebuildMs: wrote.at - changed.at,
      reportedMs: wrote.line.seconds * 1000,
      written: wrote.line.written,
      skipped: wrote.line.skipped,
    };
  }

  /** Stops Eleventy: SIGTERM, then SIGKILL if it has not exited within five seconds. */
  async stop(): Promise<void> {
    if (this.exit || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Kills every Eleventy still running, synchronously: for process exit handlers, where nothing can be awaited. */
  static killAll(): void {
    for (const watch of EleventyWatch.live) {
      if (watch.child.exitCode === null && watch.child.signalCode === null) watch.child.kill("SIGKILL");
    }
  }
}
