/** Starts an HTTP server listening, turning the usual failures into catalogued errors (dev server and studio). */
import type { Server } from "node:http";
import { PlinthError } from "../errors/plinth-error.js";

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(new PlinthError("ServePortInUse", `Port ${port} on ${host} is already in use.`, { cause: error }));
      else reject(new PlinthError("ServeListenFailed", `Could not listen on ${host}:${port}: ${error.message}`, { cause: error }));
    };
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve();
    });
  });
}
