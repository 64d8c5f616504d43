// The package as a user gets it: `npm pack` of this repository, and commands run in a site
// that installed the tarball, with an environment free of the test runner's own npm settings.

import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../compat/build-site.js";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What `npm pack --json` reports about the tarball it wrote. */
export interface PackReport {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

/**
 * The caller's environment without `npm_*` variables (set by `npm test` for its script, and
 * they would leak its settings into the site's npm) and without `ELEVENTY_*`, with UTC dates.
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(name) || name.startsWith("ELEVENTY_") || name === "NODE_ENV" || name === "DEBUG") continue;
    env[name] = value;
  }
  return { ...env, TZ: "UTC" };
}

/** Runs `command` in `cwd` to its end and collects what it printed. */
export function runCommand(command: string, args: string[], cwd: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: userEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? 1, stdout, stderr: signal ? `${stderr}\n[killed by ${signal}]` : stderr }));
  });
}

export function describeRun(what: string, result: CommandResult): string {
  return `${what} exited with ${result.code}\n${result.stdout.trim()}\n${result.stderr.trim()}`.trim();
}

/**
 * Packs the repository into `destination`. Scripts are skipped: `prepack` builds dist/ afresh,
 * and the running suite is that dist/ (`npm test` has just built it).
 */
export async function packRepository(destination: string): Promise<PackReport> {
  const result = await runCommand("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination], repoRoot());
  if (result.code !== 0) throw new Error(describeRun("npm pack", result));
  const reports = JSON.parse(result.stdout) as PackReport[];
  const report = reports[0];
  if (!report) throw new Error(`npm pack printed no report:\n${result.stdout}`);
  return { ...report, filename: path.join(destination, path.basename(report.filename)) };
}
