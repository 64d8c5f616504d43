// Command line for iterating on the differential tests:
//   node dist/test/compat/run-one.js <case> [<case>...]   build with both tools and print the diff
//   --all            every fixture
//   --eleventy-only  build with Eleventy only and check expect.json (to write or check a fixture)
//   --keep           keep the output folders and print where they are
//   --loose          ignore whitespace between tags in markup (to see if a difference is more than that)
//   --threads        Plinth renders on a render thread however small the site
// Exits 1 when any case fails.

import { formatComparison } from "./compare-trees.js";
import { listFixtures, loadFixture } from "./fixtures.js";
import { describeBuildFailure, runFixture, type FixtureRun, type SideResult } from "./run-fixture.js";

interface Options {
  cases: string[];
  eleventyOnly: boolean;
  keep: boolean;
  loose: boolean;
  threads: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { cases: [], eleventyOnly: false, keep: false, loose: false, threads: false };
  for (const arg of argv) {
    if (arg === "--all") options.cases.push(...listFixtures());
    else if (arg === "--eleventy-only") options.eleventyOnly = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--loose") options.loose = true;
    else if (arg === "--threads") options.threads = true;
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
    else options.cases.push(arg.replace(/\/+$/, "").split("/").pop() ?? arg);
  }
  return options;
}

function sideProblems(tool: string, side: SideResult): string[] {
  if (side.build.code !== 0) return [describeBuildFailure(tool, side.build)];
  return side.expectationFailures.map((failure) => `${tool} expect.json: ${failure}`);
}

/** Warnings a successful build printed: worth seeing, not a failure (Eleventy prints timing-dependent benchmark notes). */
function sideWarnings(tool: string, side: SideResult): string[] {
  const stderr = side.build.stderr.trim();
  return side.build.code === 0 && stderr ? [`${tool} stderr:\n${stderr}`] : [];
}

function report(run: FixtureRun): string[] {
  const problems = sideProblems("eleventy", run.eleventy);
  if (run.plinth) problems.push(...sideProblems("plinth", run.plinth));
  if (run.comparison && !run.comparison.equal) problems.push(formatComparison(run.comparison, { maxFiles: 5 }));
  return problems;
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options.cases.length === 0) {
    console.error("usage: node dist/test/compat/run-one.js [--eleventy-only] [--keep] [--loose] (--all | <case> [<case>...])");
    return 2;
  }
  let failed = 0;
  for (const name of options.cases) {
    const run = await runFixture(loadFixture(name), { eleventyOnly: options.eleventyOnly, ignoreMarkupWhitespace: options.loose, forceThreads: options.threads });
    const problems = report(run);
    const compared = run.comparison ? ` (${run.comparison.compared} files compared)` : "";
    console.log(`${problems.length === 0 ? "ok  " : "FAIL"} ${name}${compared}`);
    for (const problem of problems) console.log(problem.replace(/^/gm, "     "));
    const warnings = [...sideWarnings("eleventy", run.eleventy), ...(run.plinth ? sideWarnings("plinth", run.plinth) : [])];
    for (const warning of warnings) console.log(warning.replace(/^/gm, "   ! "));
    if (options.keep) {
      console.log(`     eleventy output: ${run.eleventy.outDir}`);
      if (run.plinth) console.log(`     plinth output:   ${run.plinth.outDir}`);
    } else {
      await run.cleanup();
    }
    if (problems.length > 0) failed += 1;
  }
  if (options.cases.length > 1) console.log(`${options.cases.length - failed} of ${options.cases.length} passed`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
