// `npm run bench:incremental`: how long a writer waits after saving, with Plinth's dev-server
// engine (a Site updated in this process) and with Eleventy 3 `--watch --incremental` (a child
// process), on the same generated site and the same sequence of edits, in the same run.
// Progress goes to stderr, the Markdown tables to stdout, all samples to bench/results/.

import { rmSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { compareTrees } from "../test/compat/compare-trees.js";
import { compareWithFolder, describeDifference, fromTreeComparison, type OutputDifference } from "./incremental-check.js";
import { applyEdit, editMarker, planEdits, postOutputPath, type Edit } from "./incremental-edits.js";
import { EleventyWatch } from "./incremental-eleventy.js";
import { parseIncrementalOptions, type IncrementalOptions } from "./incremental-options.js";
import { PlinthSession } from "./incremental-plinth.js";
import { formatIncrementalReport } from "./incremental-report.js";
import { measureBuild } from "./measure.js";
import type { EditSample, IncrementalResults, IncrementalSizeResult, TreeCheck } from "./incremental-results.js";
import { ensureSite } from "./site-cache.js";
import { buildArguments } from "./tools.js";
import { machineInfo } from "./machine.js";

/** dist/bench/incremental.js -> repository root. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Pause before each save, for either tool, so the Eleventy process has finished what follows
 * its "Wrote" line (reload, logging, garbage collection) and each save starts on a quiet machine.
 */
const SETTLE_MS = 500;
/** The longest the runner waits for Eleventy's process to go idle before a save. */
const QUIET_MAX_MS = 3_000;
/** How long Eleventy may take to notice a save (its watcher waits 150 ms for writes to settle). */
const NOTICE_MS = 60_000;
/** During the warm-up the watcher may still be scanning: a save it missed is made again. */
const WARM_UP_NOTICE_MS = 15_000;
const WARM_UP_ATTEMPTS = 5;
/** The longest a single build may take on a loaded machine before the run gives up on it. */
const BUILD_TIMEOUT_MS = 30 * 60_000;
/** Files of a cached site that are not part of the site. */
const NOT_COPIED = new Set([".bench-site", "_site", "node_modules"]);

/** Scratch folders still there, removed on any exit. */
const scratch = new Set<string>();

function log(message: string): void {
  process.stderr.write(`[bench:incremental] ${message}\n`);
}

function versionOf(packageJson: string): Promise<string> {
  return readFile(packageJson, "utf8").then((text) => (JSON.parse(text) as { version?: string }).version ?? "?");
}

function toTreeCheck(difference: OutputDifference): TreeCheck {
  return { ...difference, summary: describeDifference(difference) };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A private copy of the cached site per tool, so neither sees the other's saves and the cache stays clean. */
async function copySite(siteDir: string, target: string): Promise<string> {
  await cp(siteDir, target, { recursive: true, filter: (source) => !NOT_COPIED.has(path.basename(source)) });
  return realpath(target);
}

/** Reads `edit.file` in `siteDir` and returns its edited text. */
async function editedText(siteDir: string, edit: Edit): Promise<string> {
  return applyEdit(await readFile(path.join(siteDir, edit.file), "utf8"), edit);
}

async function outputShows(read: () => Promise<string | undefined>, edit: Edit): Promise<boolean> {
  return ((await read()) ?? "").includes(editMarker(edit));
}

class SizeRun {
  plinth?: PlinthSession;
  eleventy?: EleventyWatch;
  readonly result: IncrementalSizeResult;

  constructor(
    posts: number,
    readonly plinthSite: string,
    readonly eleventySite: string,
    readonly eleventyOut: string,
  ) {
    this.result = { posts, samples: [] };
  }

  async startPlinth(version: string): Promise<void> {
    this.result.plinth = { version };
    try {
      const { session, initialMs, outputs } = await PlinthSession.start(this.plinthSite);
      Object.assign(this.result.plinth, { initialMs, outputs });
      this.plinth = session;
      log(`${this.result.posts} posts: Plinth initial build ${(initialMs / 1000).toFixed(2)} s, ${outputs} files`);
    } catch (error) {
      await this.fail("plinth", "initial build", error);
    }
  }

  async startEleventy(version: string): Promise<void> {
    this.result.eleventy = { version };
    try {
      const { watch, initialMs } = await EleventyWatch.start(repoRoot, this.eleventySite, this.eleventyOut, BUILD_TIMEOUT_MS);
      this.result.eleventy.initialMs = initialMs;
      this.eleventy = watch;
      log(`${this.result.posts} posts: Eleventy initial build ${(initialMs / 1000).toFixed(2)} s`);
    } catch (error) {
      await this.fail("eleventy", "initial build", error);
    }
  }

  /** Records that `tool` failed at this size; it takes no further part in it. */
  private async fail(tool: "plinth" | "eleventy", what: string, error: unknown): Promise<void> {
    const run = this.result[tool];
    if (run) run.failure = `${what}: ${message(error)}`;
    if (tool === "plinth") this.plinth = undefined;
    else await this.stopEleventy();
    log(`${this.result.posts} posts: ${tool === "plinth" ? "Plinth" : "Eleventy"} ${what} FAILED: ${message(error)}`);
  }

  /** One untimed edit: warms Plinth's update path. */
  async warmUpPlinth(edit: Edit): Promise<void> {
    if (!this.plinth) return;
    await this.plinth.timeSave(edit.file, await editedText(this.plinthSite, edit)).catch((error: unknown) => this.fail("plinth", "warm-up update", error));
  }

  /** One untimed edit: proves Eleventy's watcher is live. */
  async warmUpEleventy(edit: Edit): Promise<void> {
    const eleventy = this.eleventy;
    if (!eleventy) return;
    for (let attempt = 1; attempt <= WARM_UP_ATTEMPTS; attempt++) {
      await sleep(SETTLE_MS * attempt);
      try {
        if (await eleventy.timeSave(this.eleventySite, edit.file, await editedText(this.eleventySite, edit), WARM_UP_NOTICE_MS, BUILD_TIMEOUT_MS)) return;
      } catch (error) {
        return this.fail("eleventy", "warm-up rebuild", error);
      }
      log(`${this.result.posts} posts: Eleventy did not notice the warm-up save yet; saving again`);
    }
    await this.fail("eleventy", "warm-up", new Error(`it did not notice ${WARM_UP_ATTEMPTS} saves of ${edit.file}`));
  }

  /** A quiet machine before each save: a pause, then Eleventy's process idle. */
  private async settle(): Promise<void> {
    await sleep(SETTLE_MS);
    await this.eleventy?.quiet(QUIET_MAX_MS);
  }

  async timePlinth(edit: Edit, sample: EditSample): Promise<void> {
    const plinth = this.plinth;
    if (!plinth) return;
    try {
      await this.settle();
      const timing = await plinth.timeSave(edit.file, await editedText(this.plinthSite, edit));
      sample.plinth = { ...timing, shown: await outputShows(async () => plinth.read(postOutputPath(edit.post)), edit) };
    } catch (error) {
      await this.fail("plinth", "update", error);
    }
  }

  async timeEleventy(edit: Edit, sample: EditSample): Promise<void> {
    const eleventy = this.eleventy;
    if (!eleventy) return;
    try {
      await this.settle();
      const timing = await eleventy.timeSave(this.eleventySite, edit.file, await editedText(this.eleventySite, edit), NOTICE_MS, BUILD_TIMEOUT_MS);
      if (!timing) throw new Error(`Eleventy did not notice the save of ${edit.file} within ${NOTICE_MS / 1000} s`);
      const output = path.join(this.eleventyOut, postOutputPath(edit.post));
      sample.eleventy = { ...timing, shown: await outputShows(() => readFile(output, "utf8").catch(() => undefined), edit) };
    } catch (error) {
      await this.fail("eleventy", "rebuild", error);
    }
  }

  logSample(sample: EditSample, tool: "plinth" | "eleventy"): void {
    const part =
      tool === "plinth"
        ? sample.plinth && `Plinth ${sample.plinth.ms.toFixed(1)} ms (${sample.plinth.rendered} rendered, ${sample.plinth.changed} changed${sample.plinth.full ? ", full" : ""})`
        : sample.eleventy && `Eleventy ${Math.round(sample.eleventy.rebuildMs)} ms (${sample.eleventy.written} written)`;
    log(`${this.result.posts} posts: ${sample.kind} r${sample.revision} ${sample.file}: ${part ?? "no tool left"}`);
  }

  /**
   * Plinth's output against a fresh full build of its copy; Eleventy's watch output against a
   * fresh `eleventy` build of its copy (what its incremental rebuilds left stale); and the two
   * fresh builds' agreement, which shows that any staleness is Eleventy's and not a difference
   * between the tools.
   */
  async check(freshEleventyOut: string): Promise<void> {
    await this.stopEleventy();
    const { posts, plinth, eleventy } = this.result;
    if (this.plinth && plinth) {
      log(`${posts} posts: checking Plinth's output against a fresh full build`);
      try {
        plinth.check = toTreeCheck(await this.plinth.checkAgainstFullBuild());
        log(`${posts} posts: Plinth ${plinth.check.summary}`);
      } catch (error) {
        await this.fail("plinth", "full build for the check", error);
      }
    }
    if (!eleventy || eleventy.failure !== undefined) return;
    log(`${posts} posts: checking Eleventy's output against a fresh Eleventy build`);
    try {
      await measureBuild(buildArguments("eleventy", repoRoot, freshEleventyOut), this.eleventySite);
    } catch (error) {
      return this.fail("eleventy", "fresh build for the check", error);
    }
    eleventy.check = toTreeCheck(fromTreeComparison(await compareTrees(freshEleventyOut, this.eleventyOut)));
    log(`${posts} posts: Eleventy ${eleventy.check.summary}`);
    if (this.plinth && plinth?.check?.equal) {
      eleventy.agreement = toTreeCheck(await compareWithFolder(this.plinth.outputs, freshEleventyOut));
      log(`${posts} posts: fresh Eleventy build against Plinth: ${eleventy.agreement.summary}`);
    }
  }

  async stopEleventy(): Promise<void> {
    const watch = this.eleventy;
    this.eleventy = undefined;
    if (!watch) return;
    await watch.stop();
  }
}

async function postsOf(siteDir: string): Promise<string[]> {
  const names = (await readdir(path.join(siteDir, "news"))).filter((name) => name.endsWith(".md")).sort();
  return names.map((name) => `news/${name}`);
}

async function benchSize(posts: number, options: IncrementalOptions, versions: { plinth: string; eleventy: string }): Promise<IncrementalSizeResult> {
  const { siteDir, generated } = await ensureSite(path.join(repoRoot, "bench", ".sites"), posts, options.seed);
  log(`${posts} posts: ${generated ? "generated" : "reusing"} ${siteDir}`);
  const workDir = await realpath(await mkdtemp(path.join(os.tmpdir(), `plinth-bench-incremental-${posts}-`)));
  scratch.add(workDir);
  try {
    const run = new SizeRun(
      posts,
      await copySite(siteDir, path.join(workDir, "plinth-site")),
      await copySite(siteDir, path.join(workDir, "eleventy-site")),
      path.join(workDir, "eleventy-out"),
    );
    try {
      const postList = await postsOf(siteDir);
      const [warmUp] = planEdits(postList, ["body"], 1, `${options.seed}/warm-up`, 0);
      const edits = planEdits(postList, options.kinds, options.edits, options.seed);
      const samples: EditSample[] = edits.map((edit) => ({ ...edit }));
      // One tool at a time, each on its own copy with the same edits: on 2 cores, a watch process
      // that just rebuilt thousands of pages slows whatever runs next, and its work is not the other tool's.
      const phases = {
        plinth: { start: () => run.startPlinth(versions.plinth), warmUp: (edit: Edit) => run.warmUpPlinth(edit), time: (edit: Edit, sample: EditSample) => run.timePlinth(edit, sample) },
        eleventy: { start: () => run.startEleventy(versions.eleventy), warmUp: (edit: Edit) => run.warmUpEleventy(edit), time: (edit: Edit, sample: EditSample) => run.timeEleventy(edit, sample) },
      };
      for (const tool of ["plinth", "eleventy"] as const) {
        if (!options.tools.includes(tool)) continue;
        const phase = phases[tool];
        await phase.start();
        if (warmUp) await phase.warmUp(warmUp);
        for (const [index, edit] of edits.entries()) {
          await phase.time(edit, samples[index]!);
          run.logSample(samples[index]!, tool);
        }
      }
      run.result.samples.push(...samples);
      await run.check(path.join(workDir, "eleventy-fresh-out"));
      return run.result;
    } finally {
      await run.stopEleventy();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
    scratch.delete(workDir);
  }
}


function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

function failed(size: IncrementalSizeResult): boolean {
  return size.plinth?.failure !== undefined || size.eleventy?.failure !== undefined || size.plinth?.check?.equal === false;
}

async function main(argv: string[]): Promise<void> {
  const options = parseIncrementalOptions(argv);
  const versions = {
    plinth: await versionOf(path.join(repoRoot, "package.json")),
    eleventy: await versionOf(path.join(repoRoot, "node_modules", "@11ty", "eleventy", "package.json")),
  };
  const results: IncrementalResults = { startedAt: new Date().toISOString(), machine: machineInfo(), loadAverage: { start: loadAverage() }, options, sizes: [] };
  log(`load average ${results.loadAverage.start.join(", ")}`);
  for (const posts of options.sizes) {
    const size = await benchSize(posts, options, versions);
    results.sizes.push(size);
    process.stdout.write(`\n${formatIncrementalReport(size)}\n\n`);
  }
  results.loadAverage.end = loadAverage();
  const resultsDir = path.join(repoRoot, "bench", "results");
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `incremental-${results.startedAt.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), file) || file}`);
  const m = results.machine;
  process.stdout.write(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemoryMiB} MiB, ${m.platform}, Node ${m.node}; ` +
      `load average ${results.loadAverage.start.join(", ")} at the start, ${results.loadAverage.end.join(", ")} at the end.\n`,
  );
  if (results.sizes.some(failed)) process.exitCode = 1;
}

// Whatever ends this process, no Eleventy watcher or copied site is left behind.
process.on("exit", () => {
  EleventyWatch.killAll();
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    process.exit(130);
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log(message(error));
  process.exitCode = 1;
});
