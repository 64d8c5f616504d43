/**
 * `plinth serve`: builds the site into memory, serves it on 127.0.0.1 with live reload, and
 * rebuilds on every change until Ctrl+C. `--to-disk` keeps the output folder in step as well.
 */
import { parsePort, untilStopped } from "./server-lifetime.js";
import { DevServer } from "../server/dev-server.js";
import { openBrowser } from "../server/open-browser.js";
import type { BuildFlags } from "./build-command.js";
import type { CliIo } from "./main.js";
import { unloadedConfigHint } from "./config-hint.js";
import { reportError } from "./report-error.js";

export interface ServeFlags extends BuildFlags {
  port?: string;
  host?: string;
  open?: boolean;
  "to-disk"?: boolean;
}

export async function runServe(flags: ServeFlags, io: CliIo): Promise<number> {
  let server: DevServer;
  try {
    server = await DevServer.start({
      cwd: io.cwd,
      input: flags.input,
      output: flags.output,
      configPath: flags.config,
      pathPrefix: flags.pathprefix,
      toDisk: flags["to-disk"] ?? false,
      host: flags.host ?? "127.0.0.1",
      port: parsePort(flags.port, 8080, "ServePortInvalid"),
      log: (line) => io.stdout(`${line}\n`),
      logError: (text) => io.stderr(text),
    });
  } catch (error) {
    reportError(error, io.stderr);
    const hint = unloadedConfigHint(io.cwd, flags);
    if (hint) io.stderr(`[serve] ${hint}\n`);
    return 1;
  }
  const disk = flags["to-disk"] ? " and the output folder" : "";
  io.stdout(`[serve] Serving from memory${disk} at ${server.url} (Ctrl+C to stop)\n`);
  if (flags.open) openBrowser(server.url, (line) => io.stderr(`${line}\n`));
  await untilStopped();
  io.stdout("[serve] Stopping\n");
  await server.close();
  return 0;
}
