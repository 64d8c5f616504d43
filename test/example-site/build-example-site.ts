// Builds the bundled example site (examples/foundation) the way a user does: a separate
// process with the site folder as its working directory.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Plinth is what the suite tests; Eleventy 3 is the reference the site was written against. */
export type SiteBuilder = "plinth" | "eleventy";

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The repository root: the nearest folder above this module holding `bin/plinth.js`. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "bin", "plinth.js"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("example-site: cannot find the repository root (bin/plinth.js)");
    dir = parent;
  }
  return dir;
}

export function exampleSiteDir(): string {
  return path.join(repoRoot(), "examples", "foundation");
}

function commandFor(builder: SiteBuilder, outDir: string): string[] {
  const root = repoRoot();
  if (builder === "eleventy") {
    return [path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--input=.", `--output=${outDir}`, "--quiet"];
  }
  return [path.join(root, "bin", "plinth.js"), "build", "--input", ".", "--output", outDir, "--quiet"];
}

/** Builds the example site into `outDir`. A fixed time zone keeps dates independent of the machine. */
export function buildExampleSite(builder: SiteBuilder, outDir: string): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC" };
  delete env["ELEVENTY_ENV"];
  delete env["DEBUG"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, commandFor(builder, outDir), {
      cwd: exampleSiteDir(),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8") + (signal ? `\n[killed by ${signal}]` : ""),
      });
    });
  });
}
