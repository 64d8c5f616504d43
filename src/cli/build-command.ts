/** `plinth build`: one build, a summary line, exit code 0 or 1. */
import { buildUsingCache } from "../cache/cached-build.js";
import { build, type BuildResult } from "../engine/build.js";
import { PlinthError } from "../errors/plinth-error.js";
import { unloadedConfigHint } from "./config-hint.js";
import { ProgressLine } from "./progress-line.js";
import { reportError } from "./report-error.js";
import type { CliIo } from "./main.js";

export interface BuildFlags {
  input?: string;
  output?: string;
  config?: string;
  pathprefix?: string;
  formats?: string;
  quiet?: boolean;
  dryrun?: boolean;
  to?: string;
  "no-cache"?: boolean;
  threads?: string;
}

/** `--threads N`: a whole number of threads, at least 1. */
function threadCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new PlinthError("CliUsage", `--threads expects a whole number of threads, 1 or more, got "${text}".`);
  return value;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export async function runBuild(flags: BuildFlags, io: CliIo): Promise<number> {
  const toJson = flags.to === "json";
  const progress = io.progress && !toJson ? new ProgressLine(io.progress, { quiet: flags.quiet }) : undefined;
  try {
    const options = {
      cwd: io.cwd,
      input: flags.input,
      output: flags.output,
      configPath: flags.config,
      pathPrefix: flags.pathprefix,
      formats: flags.formats,
      dryRun: flags.dryrun || toJson,
      onProgress: progress?.update,
      threads: threadCount(flags.threads),
    };
    let result: BuildResult;
    let remembered = "";
    if (flags["no-cache"] || options.dryRun) result = await build(options);
    else {
      const outcome = await buildUsingCache(options);
      progress?.finish();
      if (outcome.cached) {
        const { pages, copied } = outcome.summary;
        io.stdout(`[build] Nothing changed since the last build: ${plural(pages, "page")} and ${plural(copied, "copied file")} are up to date (${outcome.seconds.toFixed(2)} seconds; --no-cache builds anyway)\n`);
        return 0;
      }
      result = outcome.result;
      if (outcome.plan && !outcome.plan.full) remembered = `rendered ${plural(result.rendered, "page")} again, kept ${outcome.kept ?? 0} from the last build; `;
    }
    progress?.finish();
    if (toJson) {
      const pages = result.pages
        .filter((p) => p.outputRelative !== false)
        .map((p) => ({ url: p.page.url, inputPath: p.page.inputPath, outputPath: p.page.outputPath, rawInput: p.page.rawInput, content: p.output }));
      io.stdout(`${JSON.stringify(pages, null, 2)}\n`);
      return 0;
    }
    const written = result.pages.filter((p) => p.outputRelative !== false).length;
    const verb = flags.dryrun ? "Would write" : "Wrote";
    io.stdout(
      `[build] ${verb} ${plural(written, "page")} and ${flags.dryrun ? "copy" : "copied"} ${plural(result.passthroughCount, "file")} in ${result.seconds.toFixed(2)} seconds` +
        (flags.dryrun ? " (dry run)" : ` (${remembered}${result.written.unchanged} unchanged)`) +
        "\n",
    );
    return 0;
  } catch (error) {
    progress?.finish();
    reportError(error, io.stderr);
    const hint = unloadedConfigHint(io.cwd, flags);
    if (hint) io.stderr(`[build] ${hint}\n`);
    return 1;
  }
}
