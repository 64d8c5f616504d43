/**
 * `plinth init [DIR]`: writes a new foundation site in Eleventy's conventions into an empty
 * (or new) folder: home, news with a paginated index and tag pages, an example post, events,
 * members by tier, about, 404, feeds, sitemap, robots.txt, a stylesheet and a README.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import slugify from "@sindresorhus/slugify";
import type { CliIo } from "../../cli/main.js";
import { version } from "../../cli/main.js";
import { reportError } from "../../cli/report-error.js";
import { PlinthError } from "../../errors/plinth-error.js";
import { now, zonedDay } from "../site-clock.js";
import { writeNewFile } from "../write-new-file.js";
import { pageFiles } from "./starter-content.js";
import { configFiles, layoutFiles, type StarterSettings } from "./starter-site.js";

export const INIT_USAGE = `Usage: plinth init [DIR] [options]

Writes a new foundation site into DIR (default: the working folder), which must be empty or new.

Options:
  --name NAME    The foundation's name (default: from the folder's name)
  --url URL      The site's public URL (default: https://example.org)
  --force        Write into a folder that is not empty (existing files are kept, never overwritten)
`;

const OPTIONS = {
  name: { type: "string" },
  url: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** "lintel-foundation" -> "Lintel Foundation". */
function nameFromFolder(folder: string): string {
  const words = path.basename(folder).split(/[-_\s.]+/).filter(Boolean);
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(" ");
  return name || "Example Foundation";
}

export function starterFiles(settings: StarterSettings): Record<string, string> {
  return { ...configFiles(settings), ...layoutFiles(), ...pageFiles(settings) };
}

export async function runInitCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (cause) {
      throw new PlinthError("CliUsage", (cause as Error).message, { hint: "Run `plinth init --help` for the options.", cause });
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(INIT_USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new PlinthError("CliUsage", `Give one folder, not ${positionals.length}.`, { hint: "Run `plinth init my-site`." });
    const dir = path.resolve(io.cwd, positionals[0] ?? ".");
    const relative = path.relative(io.cwd, dir);
    const shown = relative === "" ? "." : relative.startsWith("..") ? dir : relative;
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) throw new PlinthError("InitFolderNotEmpty", `${shown} is a file, not a folder.`, { hint: "Choose a new folder name." });
      const entries = readdirSync(dir).filter((name) => name !== ".git");
      if (entries.length > 0 && !values.force) throw new PlinthError("InitFolderNotEmpty", `${shown} already holds ${entries.length} file${entries.length === 1 ? "" : "s"} or folder${entries.length === 1 ? "" : "s"} (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", ..." : ""}).`);
    }
    let url = (values.url ?? "https://example.org").replace(/\/+$/, "");
    try {
      url = new URL(url).href.replace(/\/+$/, "");
    } catch (cause) {
      throw new PlinthError("CliUsage", `--url is not a URL: "${values.url}".`, { hint: "Give the full address, e.g. --url https://foundation.example.org", cause });
    }
    const name = values.name?.trim() || nameFromFolder(dir);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const settings: StarterSettings = {
      name,
      packageName: slugify(path.basename(dir)) || "foundation-site",
      url,
      today: zonedDay(now(), "UTC"),
      timeZone,
      plinthVersion: `^${version()}`,
    };
    const kept: string[] = [];
    let written = 0;
    for (const [relative, text] of Object.entries(starterFiles(settings))) {
      if (writeNewFile(path.join(dir, ...relative.split("/")), text)) written++;
      else kept.push(relative);
    }
    io.stdout(`[init] Wrote ${written} files for "${name}" in ${shown}${kept.length > 0 ? `; kept ${kept.length} that were there (${kept.join(", ")})` : ""}\n`);
    const cd = shown === "." ? "" : `cd ${shown} && `;
    io.stdout(`[init] Next: ${cd}npm install && npm start   (then: npx plinth new news "Your first post")\n`);
    return 0;
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}
