/**
 * `plinth new KIND "Title"`: writes a new entry into the collection folder KIND and prints
 * its path and the URL it will have.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { CliIo } from "../cli/main.js";
import { reportError } from "../cli/report-error.js";
import { PlinthError } from "../errors/plinth-error.js";
import { planNewEntry } from "./new-entry.js";
import { checkTimeZone, now, parseDateOption, siteTimeZone } from "./site-clock.js";
import { writeNewFile } from "./write-new-file.js";

export const NEW_USAGE = `Usage: plinth new KIND "Title" [options]

Writes a new entry into the site's folder KIND (news, events, or any collection folder),
named as that folder names its entries, with front matter from _templates/KIND.md (or
_includes/templates/KIND.md) or from what the folder's entries have in common.

Options:
  --date DATE    The entry's date (default: now), e.g. 2026-12-24T09:00, in the site's time zone
  --tz ZONE      Time zone (default: timezone in _data/site.json, else the computer's)
  --slug SLUG    The slug for the file name (default: from the title)
  --draft        Add draft: true (kept out of builds by the plinth/newsroom plugin)
  --input DIR    The site's input folder (default: .)
  --data DIR     The data folder, relative to the input folder (default: _data)
`;

const OPTIONS = {
  date: { type: "string" },
  tz: { type: "string" },
  slug: { type: "string" },
  draft: { type: "boolean" },
  input: { type: "string" },
  data: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function runNewCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (cause) {
      throw new PlinthError("CliUsage", (cause as Error).message, { hint: "Run `plinth new --help` for the options.", cause });
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(NEW_USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new PlinthError("CliUsage", "Give the collection and the title.", { hint: 'Run `plinth new news "The title of the post"`.' });
    if (positionals.length === 1) throw new PlinthError("NewTitleMissing", `No title for the new ${positionals[0]} entry.`);
    if (positionals.length > 2) throw new PlinthError("CliUsage", `Too many arguments: ${positionals.slice(2).join(" ")}.`, { hint: 'Put the title in quotes: plinth new news "Two words".' });
    const [kind, title] = positionals as [string, string];
    const inputDir = path.resolve(io.cwd, values.input ?? ".");
    const dataDir = path.resolve(inputDir, values.data ?? "_data");
    const timeZone = checkTimeZone(values.tz ?? siteTimeZone(dataDir) ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    const date = values.date ? parseDateOption(values.date, timeZone) : now();
    const plan = planNewEntry({ inputDir, kind, title, date, timeZone, slug: values.slug, draft: values.draft });
    const shown = path.relative(io.cwd, plan.file);
    if (!writeNewFile(plan.file, plan.text)) {
      throw new PlinthError("NewSlugTaken", `${shown} already exists.`, { hint: "Edit that file, or choose another title (or --slug)." });
    }
    io.stdout(`[new] Wrote ${shown}${plan.template ? ` (from ${path.relative(io.cwd, plan.template)})` : ""}\n`);
    io.stdout(plan.url === false ? "[new] It has permalink: false, so it gets no page of its own.\n" : `[new] Its URL will be ${plan.url}\n`);
    return 0;
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}
