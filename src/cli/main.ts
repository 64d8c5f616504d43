/** The `plinth` command line: parses arguments and hands over to a command. */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PlinthError } from "../errors/plinth-error.js";
import type { ProgressStream } from "./progress-line.js";
import { reportError } from "./report-error.js";

const HELP = `plinth — build Eleventy-style sites fast, with a members roster for foundations.

Usage:
  plinth build [options]        Build the site into the output folder
  plinth serve [options]        Build, serve and rebuild on change (http://127.0.0.1:8080)
  plinth studio [options]       Edit the site's content in the browser (http://127.0.0.1:8081)
  plinth members <command>      Check, list, add and announce member organisations
  plinth check [options]        Check the built site: broken links, missing files, alt text, titles
  plinth new KIND "Title"       Write a new entry (news, events, ...) named as its folder names them
  plinth init [DIR]             Start a new foundation site (news, events, members, feeds, sitemap)
  plinth --help | --version

Options for build and serve:
  --input DIR        Input folder (default: .)
  --output DIR       Output folder (default: _site)
  --config FILE      Config file (default: eleventy.config.js, .eleventy.js, ... in the working folder)
  --pathprefix P     URL prefix for the url filter (default: /)
  --formats LIST     Template formats, comma-separated (default: liquid,md,njk,html)
  --quiet            Print only errors and the summary line
  --dryrun           Build without writing anything
  --to json          Print the pages as JSON instead of writing them
  --no-cache         (build) Build everything even if nothing changed since the last build
  --threads N        (build) Render on N threads (default: one per core from 4 cores, else 1)
  --drafts, --future Also build drafts and scheduled pages (plinth/newsroom; PLINTH_DRAFTS=1, PLINTH_FUTURE=1)
  --port N           (serve) Port to listen on (default: 8080)
  --host H           (serve) Address to bind (default: 127.0.0.1)
  --open             (serve) Open the site in a browser
  --to-disk          (serve) Also keep the output folder on disk in step

Options for studio (with --input, --config, --pathprefix as above):
  --port N           Port to listen on (default: 8081)
  --host H           Address to bind (default: 127.0.0.1)
  --open             Open the studio in a browser
  --author "N <E>"   Commit as this author (default: the repository's user.name and user.email)
  --public-url URL   The address people use behind a TLS reverse proxy (https://studio.example.org/)
  --trust-proxy      Believe the proxy's X-Forwarded-Proto and X-Forwarded-For
  The access token is random, or PLINTH_STUDIO_TOKEN; the address printed carries it.
  plinth studio users add|list|remove|reset|role   Accounts and roles (then everyone logs in)
`;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Where a long build's progress line goes, when it is a terminal; none by default. */
  progress?: ProgressStream;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  progress: process.stderr,
};

export const buildOptionSpec = {
  input: { type: "string" },
  output: { type: "string" },
  config: { type: "string" },
  pathprefix: { type: "string" },
  formats: { type: "string" },
  quiet: { type: "boolean" },
  dryrun: { type: "boolean" },
  to: { type: "string" },
  "no-cache": { type: "boolean" },
  threads: { type: "string" },
  port: { type: "string" },
  host: { type: "string" },
  open: { type: "boolean" },
  "to-disk": { type: "boolean" },
  author: { type: "string" },
  "public-url": { type: "string" },
  "trust-proxy": { type: "boolean" },
  incremental: { type: "boolean" },
  drafts: { type: "boolean" },
  future: { type: "boolean" },
  help: { type: "boolean" },
} as const;

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.stdout(HELP);
      return 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout(`${version()}\n`);
      return 0;
    }
    if (command === "members") {
      // Loaded by name so the engine builds while the members module is developed beside it.
      const membersModule = "../members/cli.js";
      const { runMembersCommand } = (await import(membersModule)) as { runMembersCommand: (argv: string[], io: CliIo) => Promise<number> };
      return await runMembersCommand(rest, io);
    }
    if (command === "check") {
      const { runCheckCommand } = await import("../check/cli.js");
      return await runCheckCommand(rest, io);
    }
    if (command === "init") {
      const { runInitCommand } = await import("../newsroom/init/init-command.js");
      return await runInitCommand(rest, io);
    }
    if (command === "new") {
      const { runNewCommand } = await import("../newsroom/cli-new.js");
      return await runNewCommand(rest, io);
    }
    if (command === "studio" && rest[0] === "users") {
      const { runStudioUsersCommand } = await import("./studio-users-command.js");
      return await runStudioUsersCommand(rest.slice(1), io);
    }
    if (command !== "build" && command !== "serve" && command !== "studio") {
      throw new PlinthError("CliUsage", `Unknown command "${command}".`);
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: buildOptionSpec, allowPositionals: false, strict: true });
    } catch (cause) {
      throw new PlinthError("CliUsage", (cause as Error).message, { cause });
    }
    if (parsed.values.help) {
      io.stdout(HELP);
      return 0;
    }
    // The newsroom plugin reads these, so the same switches work under Eleventy.
    if (parsed.values.drafts) process.env.PLINTH_DRAFTS = "1";
    if (parsed.values.future) process.env.PLINTH_FUTURE = "1";
    if (command === "studio") {
      const { runStudio } = await import("./studio-command.js");
      return await runStudio(parsed.values, io);
    }
    if (command === "serve") {
      const { runServe } = await import("./serve-command.js");
      return await runServe(parsed.values, io);
    }
    // The engine loads only for commands that build, so --help and --version answer at once.
    const { optimiseLater } = await import("../engine/jit-policy.js");
    optimiseLater();
    const { runBuild } = await import("./build-command.js");
    return await runBuild(parsed.values, io);
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}
