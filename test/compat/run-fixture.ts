// Builds one fixture site with both tools into fresh temporary folders and gathers
// everything a test or a person needs to judge the result.

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildWithEleventy, buildWithPlinth, type BuildResult } from "./build-site.js";
import { compareTrees, type TreeComparison } from "./compare-trees.js";
import { checkExpectations, type Fixture } from "./fixtures.js";

export interface SideResult {
  build: BuildResult;
  outDir: string;
  /** expect.json failures for this side's output. */
  expectationFailures: string[];
}

export interface FixtureRun {
  fixture: Fixture;
  eleventy: SideResult;
  plinth?: SideResult;
  /** Eleventy's tree against Plinth's; absent when Plinth was not run. */
  comparison?: TreeComparison;
  /** Deletes both output folders. */
  cleanup(): Promise<void>;
}

export interface RunOptions {
  /** Build with Eleventy only, to check a fixture and its expect.json against the reference. */
  eleventyOnly?: boolean;
  /** Compare markup ignoring whitespace between tags (run-one's --loose); the suite never does. */
  ignoreMarkupWhitespace?: boolean;
  /** Plinth renders on render threads however small the site (run-one's --threads, or PLINTH_COMPAT_THREADS=1 for the suite; see FORCED_THREADS). */
  forceThreads?: boolean;
}

/**
 * Plinth's environment for a build on two threads whatever the site's size, the main thread
 * leaving every batch to the render thread: the fixtures then prove the threads' output too.
 */
export const FORCED_THREADS = { PLINTH_THREADS: "2", PLINTH_THREAD_MIN_PAGES: "0", PLINTH_THREADS_MAIN: "wait" };

async function side(fixture: Fixture, outDir: string, build: Promise<BuildResult>): Promise<SideResult> {
  const result = await build;
  const expectationFailures = result.code === 0 ? await checkExpectations(outDir, fixture.expectations) : [];
  return { build: result, outDir, expectationFailures };
}

/** Runs both builds of one fixture at the same time (two processes). */
export async function runFixture(fixture: Fixture, options: RunOptions = {}): Promise<FixtureRun> {
  const prefix = path.join(os.tmpdir(), `plinth-compat-${fixture.name}-`);
  const eleventyOut = await mkdtemp(`${prefix}eleventy-`);
  const plinthOut = options.eleventyOnly ? undefined : await mkdtemp(`${prefix}plinth-`);
  const { args, env } = fixture.settings;

  const [eleventy, plinth] = await Promise.all([
    side(fixture, eleventyOut, buildWithEleventy(fixture.dir, eleventyOut, args, env)),
    plinthOut === undefined ? undefined : side(fixture, plinthOut, buildWithPlinth(fixture.dir, plinthOut, args, (options.forceThreads ?? process.env.PLINTH_COMPAT_THREADS === "1") ? { ...env, ...FORCED_THREADS } : env)),
  ]);
  const comparison =
    plinth && plinth.build.code === 0 && eleventy.build.code === 0 ? await compareTrees(eleventyOut, plinth.outDir, { ignoreMarkupWhitespace: options.ignoreMarkupWhitespace }) : undefined;

  return {
    fixture,
    eleventy,
    plinth,
    comparison,
    async cleanup() {
      await rm(eleventyOut, { recursive: true, force: true });
      if (plinthOut) await rm(plinthOut, { recursive: true, force: true });
    },
  };
}

export function describeBuildFailure(tool: string, build: BuildResult): string {
  const output = [build.stdout.trim(), build.stderr.trim()].filter(Boolean).join("\n");
  return `${tool} exited with code ${build.code}${output ? `:\n${output}` : " and printed nothing"}`;
}
