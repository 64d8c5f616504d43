/** Prints any error from a command in the catalog's format; unexpected ones say so plainly. */
import { formatError } from "../errors/format-error.js";
import { BuildFailure, isPlinthError } from "../errors/plinth-error.js";

export function reportError(error: unknown, write: (text: string) => void): void {
  if (error instanceof BuildFailure) {
    for (const e of error.errors) write(`${formatError(e)}\n\n`);
    write(`[build] failed with ${error.errors.length} error${error.errors.length === 1 ? "" : "s"}; the output folder was left as it was.\n`);
    return;
  }
  if (isPlinthError(error)) {
    write(`${formatError(error)}\n`);
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`[plinth] internal error — please report it with the steps to reproduce:\n${message}\n`);
}
