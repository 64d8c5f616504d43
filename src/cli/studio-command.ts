/**
 * `plinth studio`: the browser editor for a site's content, on its own files and git. Builds
 * the site with the dev session, serves the app, its API and the preview on 127.0.0.1, and
 * prints the address with the access token.
 */
import { parsePort, untilStopped } from "./server-lifetime.js";
import { PlinthError } from "../errors/plinth-error.js";
import { parseAuthor } from "../studio/git/git-repo.js";
import { StudioServer } from "../studio/server/studio-server.js";
import { openBrowser } from "../server/open-browser.js";
import type { CliIo } from "./main.js";
import { reportError } from "./report-error.js";

export interface StudioFlags {
  input?: string;
  output?: string;
  config?: string;
  pathprefix?: string;
  port?: string;
  host?: string;
  open?: boolean;
  author?: string;
  "public-url"?: string;
  "trust-proxy"?: boolean;
}

export async function runStudio(flags: StudioFlags, io: CliIo): Promise<number> {
  let studio: StudioServer;
  try {
    const author = flags.author === undefined ? undefined : parseAuthor(flags.author);
    if (author === null) throw new PlinthError("CliUsage", `--author must look like "Name <email@example.org>", not ${JSON.stringify(flags.author)}.`);
    studio = await StudioServer.start({
      cwd: io.cwd,
      input: flags.input,
      output: flags.output,
      configPath: flags.config,
      pathPrefix: flags.pathprefix,
      host: flags.host ?? "127.0.0.1",
      port: parsePort(flags.port, 8081, "StudioPortInvalid"),
      author,
      publicUrl: flags["public-url"],
      trustProxy: flags["trust-proxy"],
      log: (line) => io.stdout(`${line}\n`),
      logError: (text) => io.stderr(text),
    });
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
  const host = flags.host ?? "127.0.0.1";
  const team = studio.context.team;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    io.stderr(`[studio] Listening on ${host}: other machines can reach the studio; only the logins keep them out. Put a TLS reverse proxy in front (docs/studio.md).\n`);
  }
  const git = studio.context.git;
  const author = team ? "each user" : git ? `${git.author.name} <${git.author.email}>` : "";
  io.stdout(git ? `[studio] Saves are commits in ${git.root} as ${author}\n` : "[studio] Not a git repository: saves write the files only\n");
  // With accounts everyone logs in; the token would open nothing.
  const open = team ? (flags["public-url"] ?? studio.url) : studio.openUrl;
  if (team) io.stdout(`[studio] ${studio.accounts.users.list().length} accounts: everyone logs in (plinth studio users list)\n`);
  io.stdout(`[studio] Open ${open} (Ctrl+C to stop)\n`);
  if (flags.open) openBrowser(open, (line) => io.stderr(`${line}\n`));
  await untilStopped();
  io.stdout("[studio] Stopping\n");
  await studio.close();
  return 0;
}
