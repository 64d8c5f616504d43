// Runs one site build with Eleventy (the reference) or with Plinth, each as its own
// process with the site folder as its working directory, the way a user runs them.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Extra environment variables for one build, e.g. a fixed `ELEVENTY_ENV`. */
export type BuildEnv = Record<string, string>;

/** The repository root: the nearest folder above this module holding `bin/plinth.js`. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "bin", "plinth.js"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("compat: cannot find the repository root (bin/plinth.js) above build-site");
    dir = parent;
  }
  return dir;
}

/**
 * The environment both tools run in: the caller's, minus variables that would make a
 * build depend on who runs it, with a fixed time zone so dates format the same everywhere.
 */
function buildEnvironment(extra: BuildEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith("ELEVENTY_") || name === "DEBUG" || name === "NODE_ENV") continue;
    env[name] = value;
  }
  return { ...env, TZ: "UTC", ...extra };
}

function run(command: string, args: string[], cwd: string, env: BuildEnv): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: buildEnvironment(env), stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8") + (signal ? `\n[killed by ${signal}]` : ""),
      });
    });
  });
}

/** Builds `siteDir` into `outDir` with Eleventy 3 from the repository's dev dependencies. */
export function buildWithEleventy(siteDir: string, outDir: string, args: string[] = [], env: BuildEnv = {}): Promise<BuildResult> {
  const cli = path.join(repoRoot(), "node_modules", "@11ty", "eleventy", "cmd.cjs");
  return run(process.execPath, [cli, "--input=.", `--output=${outDir}`, "--quiet", ...args], siteDir, env);
}

/** Builds `siteDir` into `outDir` with this repository's Plinth. */
export function buildWithPlinth(siteDir: string, outDir: string, args: string[] = [], env: BuildEnv = {}): Promise<BuildResult> {
  const cli = path.join(repoRoot(), "bin", "plinth.js");
  return run(process.execPath, [cli, "build", "--input", ".", "--output", outDir, "--quiet", ...args], siteDir, env);
}
