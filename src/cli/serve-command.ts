/** `plinth serve`: builds, then serves the output folder on 127.0.0.1. The dev server replaces this. */
import { createServer } from "node:http";
import { build } from "../engine/build.js";
import { createStaticHandler } from "../server/static-handler.js";
import type { CliIo } from "./main.js";
import type { BuildFlags } from "./build-command.js";
import { reportError } from "./report-error.js";

export interface ServeFlags extends BuildFlags {
  port?: string;
  host?: string;
}

export async function runServe(flags: ServeFlags, io: CliIo): Promise<number> {
  let result;
  try {
    result = await build({ cwd: io.cwd, input: flags.input, output: flags.output, configPath: flags.config, pathPrefix: flags.pathprefix, runMode: "serve" });
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
  const host = flags.host ?? "127.0.0.1";
  const port = Number(flags.port ?? 8080);
  const server = createServer(createStaticHandler({ root: result.paths.output }));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  io.stdout(`[serve] http://${host}:${port}/ (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => server.on("close", resolve));
  return 0;
}
