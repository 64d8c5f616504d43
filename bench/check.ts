// `npm run bench:check`: how long `plinth check` takes over a built generated site.
// Builds the site once with Plinth (cached under bench/.sites/), then times whole
// `plinth check` commands, process start included, and reports the median.
//
//   npm run bench:check -- [--posts 10000] [--runs 5]

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { DEFAULT_SEED } from "./generate-site.js";
import { loadCheckSettings } from "../src/check/check-config.js";
import { checkSite } from "../src/check/check-site.js";
import { ensureSite } from "./site-cache.js";
import { summarise } from "./stats.js";
import { buildArguments } from "./tools.js";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

interface CheckJson {
  summary: { pages: number; files: number; links: number; errors: number; warnings: number; seconds: number };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { posts: { type: "string", default: "10000" }, runs: { type: "string", default: "5" } } });
  const posts = Number(values.posts);
  const runs = Number(values.runs);
  const { siteDir, generated } = await ensureSite(path.join(repoRoot, "bench", ".sites"), posts, DEFAULT_SEED);
  const outputDir = path.join(siteDir, "_check-site");
  if (generated || !existsSync(outputDir)) {
    process.stderr.write(`[bench] building the ${posts}-post site with Plinth...\n`);
    await run(process.execPath, buildArguments("plinth", repoRoot, outputDir), { cwd: siteDir, maxBuffer: 1 << 26 });
  }
  const walls: number[] = [];
  const inside: number[] = [];
  let last: CheckJson | undefined;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const { stdout } = await run(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "check", "--output", outputDir, "--format", "json"], { cwd: siteDir, maxBuffer: 1 << 28 }).catch(
      // Exit code 1 means problems were found; the report is still on stdout.
      (error: { stdout?: string; code?: number }) => {
        if (error.code === 1 && error.stdout) return { stdout: error.stdout };
        throw error;
      },
    );
    const wall = (performance.now() - started) / 1000;
    last = JSON.parse(stdout) as CheckJson;
    if (i === 0) continue; // warm-up: file cache
    walls.push(wall);
    inside.push(last.summary.seconds);
  }
  // In this process too, with the CPU time of all its threads: on a machine shared with other
  // work, CPU seconds say what the check costs when wall-clock time cannot.
  const cpus: number[] = [];
  const inProcess: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const result = await checkSite({ outputDir, site: { pathPrefix: "/" }, settings: loadCheckSettings(siteDir) });
    const used = process.cpuUsage(before);
    cpus.push((used.user + used.system) / 1e6);
    inProcess.push(result.seconds);
  }
  const wall = summarise(walls);
  const check = summarise(inside);
  const cpu = summarise(cpus);
  const own = summarise(inProcess);
  const s = last!.summary;
  process.stdout.write(
    `plinth check over ${s.pages} pages (${s.files} files, ${s.links} links followed; ${s.errors} errors, ${s.warnings} warnings), ${runs} runs:\n` +
      `  whole command: median ${wall.median.toFixed(2)} s (min ${wall.min.toFixed(2)}, max ${wall.max.toFixed(2)})\n` +
      `  checking only: median ${check.median.toFixed(2)} s (min ${check.min.toFixed(2)}, max ${check.max.toFixed(2)})\n` +
      `  in process: median ${own.median.toFixed(2)} s, CPU (all threads) median ${cpu.median.toFixed(2)} s (min ${cpu.min.toFixed(2)})\n` +
      `  load average while measuring: ${loadavg().map((n) => n.toFixed(1)).join(", ")} on ${availableParallelism()} cores\n`,
  );
}

await main();
