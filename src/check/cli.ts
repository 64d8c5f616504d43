/**
 * `plinth check [options]`: checks the built site in the output folder (or `--output DIR`),
 * after building it with `--build`. Exits 1 when it finds errors.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CliIo } from "../cli/main.js";
import { reportError } from "../cli/report-error.js";
import { loadConfig, normalizePathPrefix } from "../config/load-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { cacheFile } from "../write/disk-writer.js";
import { loadCheckSettings, siteUrlFromData } from "./check-config.js";
import { checkSite } from "./check-site.js";
import { countProblems, jsonReport, textReport } from "./report.js";

export const CHECK_USAGE = `Usage: plinth check [options]

Checks a built site offline: links and #fragments that lead nowhere, missing images, scripts and
stylesheets, <img> without alt, missing or duplicate <title>, http:// links to the site's own
domain. Settings and exceptions: the "check" section of plinth.json (docs/newsroom.md).

Options:
  --output DIR       The built site (default: the output folder of the site's config, _site)
  --build            Build the site first (takes --input, --config, --pathprefix too)
  --external         Also check outside links (network; cached for a day when they work)
  --format F         text (default) or json
  --site-url URL     The site's public URL (default: check.siteUrl in plinth.json, or url in _data/site.json)
  --input DIR, --config FILE, --pathprefix P    As for plinth build
`;

const OPTIONS = {
  output: { type: "string" },
  input: { type: "string" },
  config: { type: "string" },
  pathprefix: { type: "string" },
  build: { type: "boolean" },
  external: { type: "boolean" },
  format: { type: "string" },
  "site-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function siteHost(url: string | undefined, from: string): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch (cause) {
    throw new PlinthError("CheckSiteUrlInvalid", `${from} is not a URL: "${url}".`, { cause });
  }
}

export async function runCheckCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }));
    } catch (cause) {
      throw new PlinthError("CliUsage", (cause as Error).message, { hint: "Run `plinth check --help` for the options.", cause });
    }
    if (values.help) {
      io.stdout(CHECK_USAGE);
      return 0;
    }
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json") throw new PlinthError("CliUsage", `--format must be text or json, not "${format}".`);

    if (values.build) {
      const { optimiseLater } = await import("../engine/jit-policy.js");
      optimiseLater();
      const { runBuild } = await import("../cli/build-command.js");
      // With JSON on stdout, the build's own lines go to stderr.
      const buildIo = format === "json" ? { ...io, stdout: io.stderr } : io;
      const code = await runBuild({ input: values.input, output: values.output, config: values.config, pathprefix: values.pathprefix, quiet: true }, buildIo);
      if (code !== 0) return code;
    }

    const loaded = await loadConfig({ cwd: io.cwd, configPath: values.config, input: values.input, output: values.output, pathPrefix: values.pathprefix });
    const outputDir = path.resolve(io.cwd, loaded.options.dir.output);
    if (!existsSync(outputDir) || !statSync(outputDir).isDirectory()) {
      throw new PlinthError("CheckOutputMissing", `No built site at ${path.relative(io.cwd, outputDir) || "."}.`);
    }
    const settings = loadCheckSettings(io.cwd);
    const dataDir = path.resolve(io.cwd, loaded.options.dir.input, loaded.options.dir.data);
    const siteUrl = values["site-url"] ?? settings.siteUrl ?? siteUrlFromData(dataDir);
    const host = siteHost(siteUrl, values["site-url"] ? "--site-url" : settings.siteUrl ? "check.siteUrl in plinth.json" : "url in the site's data");

    const result = await checkSite({
      outputDir,
      site: { host, pathPrefix: normalizePathPrefix(loaded.options.pathPrefix) },
      settings,
      external: values.external ? { cacheFile: cacheFile(io.cwd, outputDir, "check-external") } : undefined,
    });
    io.stdout(format === "json" ? jsonReport(result) : textReport(result, values.external === true));
    return countProblems(result.problems).errors > 0 ? 1 : 0;
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}
