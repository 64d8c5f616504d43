// `npm run bench`: builds generated foundation sites with Eleventy 3 and Plinth, each as a
// fresh process, checks that both wrote the same files, and reports medians per size.
// Progress goes to stderr, the Markdown tables to stdout, full results to bench/results/.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compareTrees, formatComparison, listFiles } from "../test/compat/compare-trees.js";
import { BuildFailedError, measureBuild, type Measurement } from "./measure.js";
import { formatSizeReport } from "./report.js";
import type { BenchResults, OutputCheck, SizeResult, ToolResult } from "./results.js";
import { parseRunOptions, type RunOptions } from "./run-options.js";
import type { SiteShape } from "./generate-site.js";
import { editMiddlePost, ensureSite } from "./site-cache.js";
import { buildArguments, resetForColdBuild, toolLabel, type ToolName } from "./tools.js";
import { machineInfo } from "./machine.js";

/** dist/bench/run.js -> repository root. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function settleDisk(): void {
  try {
    execFileSync("sync");
  } catch {
    // No sync command: the timings are noisier, not wrong.
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, "utf8")) as { version?: string }).version ?? "?";
}

function toolVersion(tool: ToolName): string {
  return tool === "plinth"
    ? packageVersion(path.join(repoRoot, "package.json"))
    : packageVersion(path.join(repoRoot, "node_modules", "@11ty", "eleventy", "package.json"));
}

/** Fails early, before generating anything, if a tool cannot run at all. */
function checkToolsInstalled(tools: readonly ToolName[]): void {
  if (tools.includes("plinth") && !existsSync(path.join(repoRoot, "dist", "src", "cli", "main.js"))) {
    throw new Error("Plinth's CLI is not built (dist/src/cli/main.js is missing); run `npm run build`, or use --only eleventy");
  }
  if (tools.includes("eleventy") && !existsSync(path.join(repoRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs"))) {
    throw new Error("Eleventy is not installed; run `npm install`");
  }
}

/**
 * One size's measurements. Each cold build writes into a new, empty folder of its tool, never
 * one just deleted: on this kind of file system, writing thousands of files where thousands
 * were just deleted can take several times longer, which would time the disk, not the tools.
 * Rebuilds and the checks use the tool's latest folder.
 */
class SizeBench {
  readonly results = new Map<ToolName, ToolResult>();
  private readonly coldBuilds = new Map<ToolName, number>();

  constructor(
    readonly posts: number,
    readonly siteDir: string,
    readonly workDir: string,
    readonly tools: readonly ToolName[],
  ) {
    for (const tool of tools) {
      this.results.set(tool, { tool, version: toolVersion(tool), cold: [], noChangeRebuild: [], onePostRebuild: [] });
    }
  }

  outputDir(tool: ToolName): string {
    return path.join(this.workDir, `${tool}-${this.coldBuilds.get(tool) ?? 0}`);
  }

  /** Every output folder used, for removing Plinth's records of them at the end. */
  outputDirs(tool: ToolName): string[] {
    return Array.from({ length: (this.coldBuilds.get(tool) ?? 0) + 1 }, (_, n) => path.join(this.workDir, `${tool}-${n}`));
  }

  /** Tools that have not failed yet at this size. */
  live(): ToolName[] {
    return this.tools.filter((tool) => this.results.get(tool)?.failure === undefined);
  }

  /** Builds with `tool`; a failure is recorded (and later runs skipped) rather than thrown. */
  async build(tool: ToolName, kind: "warm-up" | "cold" | "no-change" | "one-post", cold: boolean): Promise<Measurement | undefined> {
    const result = this.results.get(tool);
    if (!result || result.failure !== undefined) return undefined;
    if (cold) this.coldBuilds.set(tool, (this.coldBuilds.get(tool) ?? 0) + 1);
    const outputDir = this.outputDir(tool);
    if (cold) await resetForColdBuild(tool, this.siteDir, outputDir);
    // The last build's files (the other tool's, often) are still being flushed to disk: wait for
    // that here, untimed, so neither tool pays for the other's writes.
    settleDisk();
    try {
      const measurement = await measureBuild(buildArguments(tool, repoRoot, outputDir), this.siteDir);
      log(`${this.posts} posts: ${toolLabel(tool)} ${kind} ${(measurement.wallMs / 1000).toFixed(2)} s`);
      return measurement;
    } catch (error) {
      if (!(error instanceof BuildFailedError)) throw error;
      result.failure = `${error.message}\n${error.output.trim()}`;
      log(`${this.posts} posts: ${toolLabel(tool)} ${kind} build FAILED: ${error.message}`);
      return undefined;
    }
  }

  /** Compares Plinth's output with Eleventy's, the reference. */
  async check(): Promise<OutputCheck> {
    if (!this.tools.includes("plinth") || !this.tools.includes("eleventy")) {
      return { status: "not-compared", reason: "only one tool was run" };
    }
    if (this.live().length < 2) return { status: "not-compared", reason: "a build failed" };
    const comparison = await compareTrees(this.outputDir("eleventy"), this.outputDir("plinth"));
    if (comparison.equal) return { status: "identical", files: comparison.compared };
    return { status: "different", report: formatComparison(comparison, { maxFiles: 2 }) };
  }
}

/** Alternates the order each round, so neither tool always runs right after the other's disk writes. */
function roundOrder(tools: readonly ToolName[], round: number): ToolName[] {
  return round % 2 === 0 ? [...tools] : [...tools].reverse();
}

async function benchSize(posts: number, shape: SiteShape, options: RunOptions, sitesRoot: string): Promise<SizeResult> {
  const started = Date.now();
  const { siteDir, generated } = await ensureSite(sitesRoot, posts, options.seed, shape);
  log(`${posts} posts: ${generated ? `generated the site in ${((Date.now() - started) / 1000).toFixed(1)} s` : "reusing the cached site"} (${siteDir})`);
  const workDir = await mkdtemp(path.join(os.tmpdir(), `plinth-bench-${posts}-`));
  const bench = new SizeBench(posts, siteDir, workDir, options.tools);
  try {
    for (const tool of options.tools) await bench.build(tool, "warm-up", true);
    for (const tool of bench.live()) {
      const result = bench.results.get(tool);
      if (result) result.pages = (await listFiles(bench.outputDir(tool))).length;
    }
    const check = await bench.check();
    log(`${posts} posts: output check ${check.status}`);

    for (let round = 0; round < options.runs; round++) {
      for (const tool of roundOrder(bench.live(), round)) {
        const measurement = await bench.build(tool, "cold", true);
        if (measurement) bench.results.get(tool)?.cold.push(measurement);
      }
    }

    const rebuildChecks: OutputCheck[] = [];
    if (!options.skipRebuilds) await timeRebuilds(bench, options.runs, rebuildChecks);

    return { posts, shape, tools: [...bench.results.values()], check, rebuildChecks };
  } finally {
    for (const tool of options.tools) for (const dir of bench.outputDirs(tool)) await resetForColdBuild(tool, siteDir, dir);
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Each round: a rebuild over unchanged input, then one with a post edited, then one with
 * it restored (also a one-post change). Outputs are compared after the first edit and
 * after the last restore, since an incremental build must equal a full one.
 */
async function timeRebuilds(bench: SizeBench, runs: number, checks: OutputCheck[]): Promise<void> {
  const record = async (key: "noChangeRebuild" | "onePostRebuild", kind: "no-change" | "one-post", round: number): Promise<void> => {
    for (const tool of roundOrder(bench.live(), round)) {
      const measurement = await bench.build(tool, kind, false);
      if (measurement) bench.results.get(tool)?.[key].push(measurement);
    }
  };
  for (let round = 0; round < runs; round++) {
    await record("noChangeRebuild", "no-change", round);
    const edit = await editMiddlePost(bench.siteDir, round + 1);
    try {
      await record("onePostRebuild", "one-post", round);
      if (round === 0) checks.push(await bench.check());
    } finally {
      await edit.restore();
    }
    await record("onePostRebuild", "one-post", round);
  }
  checks.push(await bench.check());
}


async function main(argv: string[]): Promise<void> {
  const options = parseRunOptions(argv);
  checkToolsInstalled(options.tools);
  // Plinth's builds inherit it; Eleventy ignores it.
  if (options.threads !== undefined) process.env.PLINTH_THREADS = String(options.threads);
  const results: BenchResults = { startedAt: new Date().toISOString(), machine: machineInfo(), options, sizes: [] };
  const sitesRoot = path.join(repoRoot, "bench", ".sites");
  for (const shape of options.shapes) {
    for (const posts of options.sizes) {
      const size = await benchSize(posts, shape, options, sitesRoot);
      results.sizes.push(size);
      const section = formatSizeReport(size, options.runs);
      process.stdout.write(`\n${section}\n\n`);
    }
  }
  const resultsDir = path.join(repoRoot, "bench", "results");
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${results.startedAt.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), file) || file}`);
  const m = results.machine;
  process.stdout.write(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryMiB} MiB, ${m.platform}, Node ${m.node}.\n`);
  const failed = (size: SizeResult): boolean =>
    size.tools.some((tool) => tool.failure !== undefined) ||
    [size.check, ...size.rebuildChecks].some((check) => check.status === "different");
  if (results.sizes.some(failed)) {
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
