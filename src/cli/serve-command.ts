/**
 * `plinth serve`: builds the site into memory, serves it on 127.0.0.1 with live reload, and
 * rebuilds on every change until Ctrl+C. `--to-disk` keeps the output folder in step as well.
 */
import { PlinthError } from "../errors/plinth-error.js";
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

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) throw new PlinthError("ServePortInvalid", `"${value}" is not a port number.`);
  return port;
}

/** Resolves on the first Ctrl+C or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
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
      port: parsePort(flags.port),
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
