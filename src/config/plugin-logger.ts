/**
 * `eleventyConfig.logger`, with the methods of Eleventy's ConsoleLogger that plugins call:
 * eleventy-plugin-vite calls `logWithOptions` without checking it exists, eleventy-img checks
 * and prints its summary through it. Messages carry a prefix per line (`[11ty]` unless the
 * plugin names its own) and, as in Eleventy, quiet mode drops all but forced messages.
 */
type ConsoleMethod = "log" | "info" | "warn" | "error";

export interface LogOptions {
  message: string;
  type?: ConsoleMethod;
  prefix?: string;
  /** A colour name in Eleventy; Plinth prints plain text. */
  color?: string;
  /** Printed even in quiet mode. */
  force?: boolean;
}

export class PluginLogger {
  /** Where messages go; `false` silences them, as Eleventy's overrideLogger(false) does. */
  private sink: Pick<Console, ConsoleMethod> | false = console;

  constructor(private readonly verbose: () => boolean) {}

  get isVerbose(): boolean {
    return this.verbose();
  }

  overrideLogger(logger: Pick<Console, ConsoleMethod> | false): void {
    this.sink = logger;
  }

  log(message: string): void {
    this.message(message);
  }

  forceLog(message: string): void {
    this.message(message, "log", true);
  }

  /** Eleventy prints info messages through console.warn, so they stay off standard output. */
  info(message: string): void {
    this.message(message, "warn");
  }

  warn(message: string): void {
    this.message(message, "warn");
  }

  error(message: string): void {
    this.message(message, "error");
  }

  logWithOptions({ message, type, prefix, force }: LogOptions): void {
    this.message(message, type ?? "log", force ?? false, prefix);
  }

  private message(message: string, type: ConsoleMethod = "log", force = false, prefix = "[11ty]"): void {
    if (this.sink === false || (!force && !this.verbose())) return;
    const method = typeof this.sink[type] === "function" ? type : "log";
    this.sink[method](`${prefix} ${String(message).split("\n").join(`\n${prefix} `)}`);
  }
}
