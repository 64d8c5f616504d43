// A bad-input fixture in a temporary folder: `site/` is a site that builds, `break/` holds the
// files that break it. The CLI runs as a separate process, the way a user runs it.

import { spawn } from "node:child_process";
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../compat/build-site.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Every file and folder under the output folder, with each file's bytes. */
export type TreeSnapshot = Map<string, Buffer | "dir">;

export interface RunAs {
  uid: number;
  gid: number;
}

export class BrokenSite {
  readonly dir: string;
  private runAs?: RunAs;

  constructor(readonly fixture: string) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), `plinth-${fixture}-`));
    cpSync(path.join(fixtureRoot(fixture), "site"), this.dir, { recursive: true });
    // With a node_modules folder the writer keeps its records here, and they go with the folder.
    mkdirSync(path.join(this.dir, "node_modules"));
  }

  /** Runs every later build as another user (to make chmod 000 mean something to root). */
  hand(to: RunAs): void {
    chownTree(this.dir, to);
    this.runAs = to;
  }

  /** Copies the fixture's `break/` files over the site. */
  breakIt(): void {
    const broken = path.join(fixtureRoot(this.fixture), "break");
    if (existsSync(broken)) cpSync(broken, this.dir, { recursive: true });
    if (this.runAs) chownTree(this.dir, this.runAs);
  }

  build(): Promise<CliResult> {
    return runCli(["build"], this.dir, this.runAs);
  }

  snapshot(): TreeSnapshot {
    const out: TreeSnapshot = new Map();
    const root = path.join(this.dir, "_site");
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const abs = path.join(dir, entry.name);
        const rel = path.relative(root, abs).split(path.sep).join("/");
        if (entry.isDirectory()) {
          out.set(rel, "dir");
          walk(abs);
        } else out.set(rel, readFileSync(abs));
      }
    };
    if (existsSync(root)) walk(root);
    return out;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function fixtureRoot(fixture: string): string {
  return path.join(repoRoot(), "test", "fixtures", fixture);
}

function chownTree(dir: string, to: RunAs): void {
  chownSync(dir, to.uid, to.gid);
  for (const entry of readdirSync(dir)) {
    const abs = path.join(dir, entry);
    if (lstatSync(abs).isDirectory()) chownTree(abs, to);
    else chownSync(abs, to.uid, to.gid);
  }
}

/** The environment of a build: the caller's, minus what would make output depend on who runs it. */
function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith("ELEVENTY_") || name === "DEBUG" || name === "NODE_ENV") continue;
    env[name] = value;
  }
  return { ...env, TZ: "UTC", NO_COLOR: "1" };
}

const CLI_TIMEOUT_MS = 60_000;

export function runCli(args: string[], cwd: string, runAs?: RunAs): Promise<CliResult> {
  return runNode([path.join(repoRoot(), "bin", "plinth.js"), ...args], cwd, runAs);
}

export function runNode(args: string[], cwd: string, runAs?: RunAs): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: environment(),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: CLI_TIMEOUT_MS,
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        code: code ?? 128,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8") + (signal ? `\n[killed by ${signal}]` : ""),
      }),
    );
  });
}
