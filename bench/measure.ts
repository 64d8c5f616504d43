// Runs one build as a fresh Node process and measures its wall time (process start
// included) and peak resident memory.

import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RSS_FILE_VARIABLE } from "./rss-probe.js";

const PROBE_URL = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "rss-probe.js")).href;
/** How much of a failed build's output is kept for the error message. */
const OUTPUT_TAIL_CHARS = 4000;

export interface Measurement {
  wallMs: number;
  /** Peak resident set size in KiB; undefined if the process died before reporting it. */
  peakRssKiB: number | undefined;
}

export class BuildFailedError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = "BuildFailedError";
  }
}

/** Runs `node <args>` in `cwd`; rejects with the output's tail if it exits non-zero. */
export async function measureBuild(args: readonly string[], cwd: string): Promise<Measurement> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "plinth-bench-rss-"));
  const rssFile = path.join(scratch, "max-rss");
  try {
    let output = "";
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
    };
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", PROBE_URL, ...args], {
      cwd,
      env: { ...process.env, [RSS_FILE_VARIABLE]: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    // The clock stops at exit; waiting for "close" as well makes sure the output tail is complete.
    let ended = started;
    child.on("exit", () => {
      ended = performance.now();
    });
    const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    });
    if (code !== 0) {
      const how = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
      throw new BuildFailedError(`\`node ${args.join(" ")}\` ${how}`, output);
    }
    return { wallMs: ended - started, peakRssKiB: await readPeakRss(rssFile) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function readPeakRss(file: string): Promise<number | undefined> {
  try {
    const value = Number((await readFile(file, "utf8")).trim());
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
