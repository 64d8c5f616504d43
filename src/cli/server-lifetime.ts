/** What `plinth serve` and `plinth studio` share: reading --port, and waiting for Ctrl+C. */
import type { ErrorName } from "../errors/catalog.js";
import { PlinthError } from "../errors/plinth-error.js";

/** The port from `--port`, or `fallback`; `errorName` is the command's catalogued error for a bad one. */
export function parsePort(value: string | undefined, fallback: number, errorName: ErrorName): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) throw new PlinthError(errorName, `"${value}" is not a port number.`);
  return port;
}

/** Resolves on the first Ctrl+C or SIGTERM. */
export function untilStopped(): Promise<void> {
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
