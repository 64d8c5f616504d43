// `npm run bench:remembered`: `plinth build` in a new process after one post changed, against a
// full build, with Eleventy's build of the same site in the same run for the ratio. Each build
// is a fresh Node process (start included). Per size: Eleventy's build, Plinth's full build
// (`--no-cache`), then for each edit kind a cached build after one edit; the output folder of
// the last cached build is checked against a fresh full build's. Progress to stderr, a Markdown
// table to stdout. Phase timings of a cached build: PLINTH_DEBUG=timing,cache plinth build.
//
//   node dist/bench/remembered.js [--sizes 1000,10000] [--runs 3] [--seed foundation]

import { cp, mkdir, mkdtemp, readFile, readdir, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compareTrees } from "../test/compat/compare-trees.js";
import { DEFAULT_SEED } from "./generate-site.js";
import { applyEdit, planEdits, type EditKind } from "./incremental-edits.js";
import { machineInfo } from "./machine.js";
import { measureBuild } from "./measure.js";
import { ensureSite } from "./site-cache.js";
import { buildArguments, resetForColdBuild } from "./tools.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const KINDS: readonly EditKind[] = ["body", "title"];

interface SizeResult {
  posts: number;
  eleventyMs: number[];
  fullMs: number[];
  cachedMs: Record<string, number[]>;
  sameAsFullBuild: boolean;
}

function log(message: string): void {
  process.stderr.write(`[bench:remembered] ${message}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function benchSize(posts: number, runs: number, seed: string): Promise<SizeResult> {
  const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), posts, seed);
  const workDir = await realpath(await mkdtemp(path.join(os.tmpdir(), `plinth-bench-remembered-${posts}-`)));
  try {
    const site = path.join(workDir, "site");
    await cp(siteDir, site, { recursive: true, filter: (source) => ![".bench-site", "_site", "node_modules"].includes(path.basename(source)) });
    // The build cache lives in the project's node_modules/.cache, as in a real project.
    await mkdir(path.join(site, "node_modules"));
    const output = path.join(workDir, "out");
    const result: SizeResult = { posts, eleventyMs: [], fullMs: [], cachedMs: Object.fromEntries(KINDS.map((kind) => [kind, []])), sameAsFullBuild: true };
    const postList = (await readdir(path.join(site, "news"))).filter((name) => name.endsWith(".md")).sort().map((name) => `news/${name}`);
    const edits = planEdits(postList, KINDS, runs, seed);
    for (let run = 0; run < runs; run++) {
      await resetForColdBuild("eleventy", site, path.join(workDir, "eleventy-out"));
      result.eleventyMs.push((await measureBuild(buildArguments("eleventy", repoRoot, path.join(workDir, "eleventy-out")), site)).wallMs);
      await resetForColdBuild("plinth", site, output);
      result.fullMs.push((await measureBuild([...buildArguments("plinth", repoRoot, output), "--no-cache"], site)).wallMs);
      log(`${posts} posts, run ${run + 1}: Eleventy ${seconds(result.eleventyMs.at(-1)!)}, Plinth full ${seconds(result.fullMs.at(-1)!)}`);
    }
    // The cached builds follow one build that records the site (its time is the full build's plus the recording).
    await measureBuild(buildArguments("plinth", repoRoot, output), site);
    for (const edit of edits) {
      const file = path.join(site, edit.file);
      await writeFile(file, applyEdit(await readFile(file, "utf8"), edit));
      const { wallMs } = await measureBuild(buildArguments("plinth", repoRoot, output), site);
      result.cachedMs[edit.kind]!.push(wallMs);
      log(`${posts} posts: cached build after a ${edit.kind} edit of ${edit.post}: ${seconds(wallMs)}`);
    }
    const fresh = path.join(workDir, "fresh-out");
    await measureBuild([...buildArguments("plinth", repoRoot, fresh), "--no-cache"], site);
    const comparison = await compareTrees(fresh, output);
    result.sameAsFullBuild = comparison.equal;
    if (!comparison.equal) log(`${posts} posts: the cached output differs from a full build: ${comparison.missing.length} missing, ${comparison.extra.length} extra, ${comparison.differing.length} different`);
    return result;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function report(results: SizeResult[]): string {
  const lines = [
    "| posts | Eleventy | Plinth full | " + KINDS.map((kind) => `cached, one ${kind} edit`).join(" | ") + " | cached vs Eleventy | same as a full build |",
    "|---|---|---|" + KINDS.map(() => "---|").join("") + "---|---|",
  ];
  for (const size of results) {
    const eleventy = median(size.eleventyMs);
    const cached = KINDS.map((kind) => median(size.cachedMs[kind]!));
    lines.push(
      `| ${size.posts} | ${seconds(eleventy)} | ${seconds(median(size.fullMs))} | ${cached.map(seconds).join(" | ")} | ${cached.map((ms) => `${(eleventy / ms).toFixed(1)}x`).join(", ")} | ${size.sameAsFullBuild ? "yes" : "NO"} |`,
    );
  }
  return lines.join("\n");
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { sizes: { type: "string", default: "1000,10000" }, runs: { type: "string", default: "3" }, seed: { type: "string", default: DEFAULT_SEED } } });
  const sizes = values.sizes.split(",").map(Number);
  const runs = Number(values.runs);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) throw new Error("Usage: node dist/bench/remembered.js [--sizes 1000,10000] [--runs 3] [--seed foundation]");
  const load = os.loadavg().map((value) => value.toFixed(2));
  const results: SizeResult[] = [];
  for (const posts of sizes) results.push(await benchSize(posts, runs, values.seed));
  const m = machineInfo();
  process.stdout.write(`${report(results)}\n\nMedians of ${runs} runs, each build a new process. Machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}; load average ${load.join(", ")} at the start, ${os.loadavg().map((value) => value.toFixed(2)).join(", ")} at the end.\n`);
  if (results.some((size) => !size.sameAsFullBuild)) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
