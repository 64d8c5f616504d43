/**
 * One updating line of progress for long builds on a terminal: the phase, and during rendering
 * the pages rendered of the total. It stays silent for the first seconds, so short builds print
 * nothing extra, and is off in --quiet, in CI and when the output is not a terminal (a log file
 * would fill with carriage returns).
 */
import type { BuildProgress } from "../engine/build-state.js";

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressLineOptions {
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Nothing is shown before the build has run this long. */
  delayMs?: number;
  /** How often the line is redrawn. */
  intervalMs?: number;
}

const PHASE_LABELS: Record<BuildProgress["phase"], string> = {
  read: "reading templates",
  data: "merging data",
  pages: "making pages and collections",
  render: "rendering",
  write: "writing",
};

export function progressEnabled(stream: ProgressStream, options: ProgressLineOptions = {}): boolean {
  const env = options.env ?? process.env;
  return stream.isTTY === true && !options.quiet && !env.CI && env.TERM !== "dumb";
}

/** The text of the line for one progress event. */
export function progressText(event: BuildProgress): string {
  const label = PHASE_LABELS[event.phase];
  if (event.total === undefined) return `[build] ${label}…`;
  return `[build] ${label} ${(event.done ?? 0).toLocaleString("en-US")} of ${event.total.toLocaleString("en-US")} pages`;
}

export class ProgressLine {
  private latest?: BuildProgress;
  private shown = "";
  private drawnAt = -Infinity;
  private readonly enabled: boolean;
  private readonly showFrom: number;
  private readonly interval: number;
  private readonly timer?: NodeJS.Timeout;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressLineOptions = {},
  ) {
    this.enabled = progressEnabled(stream, options);
    this.showFrom = performance.now() + (options.delayMs ?? 2000);
    this.interval = options.intervalMs ?? 100;
    if (!this.enabled) return;
    // Rendering keeps the thread busy, so timers rarely fire then: updates draw the line
    // themselves when it is due. The timer covers phases that wait on the disk between updates;
    // it is unref'd, so it never keeps a finished build's process alive.
    this.timer = setInterval(() => this.draw(), this.interval);
    this.timer.unref();
  }

  /** Give it to the build as `onProgress`. */
  readonly update = (event: BuildProgress): void => {
    this.latest = event;
    if (this.enabled && performance.now() - this.drawnAt >= this.interval) this.draw();
  };

  /** Stops and clears the line, so the summary or the errors start on a clean line. */
  finish(): void {
    clearInterval(this.timer);
    if (this.shown) this.stream.write("\r\x1b[2K");
    this.shown = "";
  }

  private draw(): void {
    const now = performance.now();
    if (!this.latest || now < this.showFrom) return;
    this.drawnAt = now;
    const text = progressText(this.latest);
    if (text === this.shown) return;
    this.stream.write(`\r\x1b[2K${text}`);
    this.shown = text;
  }
}
