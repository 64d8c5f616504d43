/** `plinth build`: one build, a summary line, exit code 0 or 1. */
import { build } from "../engine/build.js";
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
}

export async function runBuild(flags: BuildFlags, io: CliIo): Promise<number> {
  const toJson = flags.to === "json";
  try {
    const result = await build({
      cwd: io.cwd,
      input: flags.input,
      output: flags.output,
      configPath: flags.config,
      pathPrefix: flags.pathprefix,
      formats: flags.formats,
      dryRun: flags.dryrun || toJson,
    });
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
      `[build] ${verb} ${written} page${written === 1 ? "" : "s"} and ${flags.dryrun ? "copy" : "copied"} ${result.passthroughCount} file${result.passthroughCount === 1 ? "" : "s"} in ${result.seconds.toFixed(2)} seconds` +
        (flags.dryrun ? " (dry run)" : ` (${result.written.unchanged} unchanged)`) +
        "\n",
    );
    return 0;
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}
