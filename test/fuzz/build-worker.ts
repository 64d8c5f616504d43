// Runs fuzz builds in a worker thread, so a build stuck in a synchronous loop can be stopped
// (the test terminates the worker) and anything a build prints stays out of the test output.

import { parentPort } from "node:worker_threads";
import { build } from "../../src/engine/build.js";
import { errorCatalog } from "../../src/errors/catalog.js";
import { BuildFailure, PlinthError } from "../../src/errors/plinth-error.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";

export interface BuildRequest {
  id: number;
  cwd: string;
}

export interface Escape {
  /** What got out: an uncatalogued error, a foreign exception type, or a stray rejection. */
  kind: "uncatalogued" | "exception" | "unhandled";
  name: string;
  message: string;
  stack: string;
}

export interface BuildReply {
  id: number;
  outcome: "built" | "failed" | "escaped";
  /** Codes of the catalogued errors, when the build failed as it should. */
  codes: string[];
  escapes: Escape[];
  pages: number;
}

function describe(kind: Escape["kind"], error: unknown): Escape {
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind, name: e.name, message: e.message.slice(0, 2000), stack: (e.stack ?? "").slice(0, 4000) };
}

function isCatalogued(error: unknown): boolean {
  return error instanceof PlinthError && Object.hasOwn(errorCatalog, error.code);
}

let stray: Escape[] = [];
process.on("unhandledRejection", (reason) => stray.push(describe("unhandled", reason)));
process.on("uncaughtException", (error) => stray.push(describe("unhandled", error)));

async function run(request: BuildRequest): Promise<BuildReply> {
  stray = [];
  const reply: BuildReply = { id: request.id, outcome: "built", codes: [], escapes: [], pages: 0 };
  try {
    const result = await build({ cwd: request.cwd, writer: new MemoryWriter() });
    reply.pages = result.pages.length;
  } catch (error) {
    if (error instanceof BuildFailure) {
      reply.outcome = "failed";
      for (const e of error.errors) {
        if (isCatalogued(e)) reply.codes.push(e.code);
        else reply.escapes.push(describe("uncatalogued", e));
      }
      if (error.errors.length === 0) reply.escapes.push(describe("uncatalogued", error));
    } else if (isCatalogued(error)) {
      reply.outcome = "failed";
      reply.codes.push((error as PlinthError).code);
    } else {
      reply.escapes.push(describe("exception", error));
    }
  }
  // Give rejections left behind by the build a moment to surface.
  await new Promise((resolve) => setTimeout(resolve, 0));
  reply.escapes.push(...stray);
  if (reply.escapes.length) reply.outcome = "escaped";
  return reply;
}

parentPort?.on("message", (request: BuildRequest) => {
  void run(request).then((reply) => parentPort?.postMessage(reply));
});
