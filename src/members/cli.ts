/**
 * `plinth members <command>`: check, list, add and announce members from the command line.
 * Every command reads the same model the build uses, so the CLI and the site never disagree.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { reportError } from "../cli/report-error.js";
import { PlinthError } from "../errors/plinth-error.js";
import { runAdd } from "./cli-add.js";
import { runAnnounce } from "./cli-announce.js";
import { loadSite, report, siteDirs, type MembersIo, type SiteDirs } from "./cli-site.js";
import { countBySeverity } from "./diagnostics.js";
import { findTier } from "./tiers.js";

const USAGE = `Usage: plinth members <command> [options]

Commands:
  check [--strict]                     Validate every member file, tier and logo
  list [--tier T] [--json]             List members (all statuses) in roster order
  add "Name" --tier T [--url URL] [--logo FILE] [--founder] [--status S] [--joined YYYY-MM-DD] [--description TEXT]
                                       Copy the logo in, write members/<slug>.md and validate
  announce SLUG [--date YYYY-MM-DD]    Write a draft news post announcing the member

Options for every command:
  --input DIR    The site's input folder (default: the working folder)
  --data DIR     The data folder, relative to the input folder (default: _data)
`;

const COMMON = {
  input: { type: "string" },
  data: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new PlinthError("CliUsage", (cause as Error).message, { hint: "Run `plinth members --help` for the options.", cause });
  }
}

type Command = (args: string[], io: MembersIo) => Promise<number>;

/** Each command parses its own options, so each sees exactly its own typed values. */
const COMMANDS: Record<string, Command> = {
  check: async (args, io) => {
    const { values } = parse(args, { ...COMMON, strict: { type: "boolean" } });
    return values.help ? help(io) : runCheck(siteDirs(values, io.cwd), values.strict === true, io);
  },
  list: async (args, io) => {
    const { values } = parse(args, { ...COMMON, tier: { type: "string" }, json: { type: "boolean" } });
    return values.help ? help(io) : runList(siteDirs(values, io.cwd), values, io);
  },
  add: async (args, io) => {
    const { values, positionals } = parse(args, {
      ...COMMON,
      tier: { type: "string" },
      url: { type: "string" },
      logo: { type: "string" },
      founder: { type: "boolean" },
      status: { type: "string" },
      joined: { type: "string" },
      description: { type: "string" },
    });
    return values.help ? help(io) : runAdd(siteDirs(values, io.cwd), positionals, values, io);
  },
  announce: async (args, io) => {
    const { values, positionals } = parse(args, { ...COMMON, date: { type: "string" } });
    return values.help ? help(io) : runAnnounce(siteDirs(values, io.cwd), positionals, values, io);
  },
};

function help(io: MembersIo): number {
  io.stdout(USAGE);
  return 0;
}

export type { MembersIo } from "./cli-site.js";

/** Runs `plinth members <argv...>`; returns the exit code (0 success, 1 problems found or failure). */
export async function runMembersCommand(argv: string[], io: MembersIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") return help(io);
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new PlinthError("CliUsage", `Unknown members command "${command}".`, { hint: "Run `plinth members --help` for the commands." });
    return await run(rest, io);
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}

async function runCheck(dirs: SiteDirs, strict: boolean, io: MembersIo): Promise<number> {
  const model = await loadSite(dirs);
  return report(model, strict, io) > 0 ? 1 : 0;
}

async function runList(dirs: SiteDirs, values: { tier?: string; json?: boolean }, io: MembersIo): Promise<number> {
  const model = await loadSite(dirs);
  let members = model.members;
  if (values.tier !== undefined) {
    const tier = findTier(model.schema.tiers, values.tier);
    if (!tier) {
      throw new PlinthError("MemberUnknownTier", `Unknown tier "${values.tier}".`, { hint: `Use one of: ${model.schema.tiers.map((t) => t.id).join(", ")}.` });
    }
    members = members.filter((member) => member.tier === tier.id);
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(members.map(({ extra: _extra, ...fields }) => fields), null, 2)}\n`);
  } else {
    const rows = [["NAME", "TIER", "STATUS", "JOINED", "SLUG"], ...members.map((m) => [m.name, m.tierName, m.status, m.joined ?? "-", m.slug])];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) io.stdout(`${row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()}\n`);
  }
  const { errors } = countBySeverity(model.diagnostics);
  if (errors > 0) io.stderr(`[members] ${errors} problem${errors === 1 ? "" : "s"} in the roster; run \`plinth members check\` for details.\n`);
  return 0;
}
