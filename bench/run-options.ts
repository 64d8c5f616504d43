// Command-line options of `npm run bench`.

import { parseArgs } from "node:util";
import { DEFAULT_SEED, SITE_SHAPES, type SiteShape } from "./generate-site.js";
import { TOOL_NAMES, type ToolName } from "./tools.js";

export interface RunOptions {
  /** Site sizes in posts. Default 1000, 4000, 10000. */
  sizes: number[];
  /** Site shapes (see generate-site.ts). Default both, plain first. */
  shapes: SiteShape[];
  /** Timed runs per tool and size, after one warm-up. Default 5. */
  runs: number;
  /** Tools to build with. Default both. */
  tools: ToolName[];
  seed: string;
  /** Skip the no-change and one-post-changed rebuild timings. Default false. */
  skipRebuilds: boolean;
  /** Plinth's render threads (its --threads, passed as PLINTH_THREADS); by default Plinth's own choice. */
  threads?: number;
}

export const USAGE = `Usage: npm run bench -- [--sizes 1000,4000,10000] [--shapes plain,real] [--runs 5] [--only plinth|eleventy] [--seed foundation] [--skip-rebuilds] [--threads N]`;

function positiveInteger(text: string, flag: string): number {
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} expects positive integers, got "${text}"\n${USAGE}`);
  return value;
}

export function parseRunOptions(argv: readonly string[]): RunOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string", default: "1000,4000,10000" },
      shapes: { type: "string", default: SITE_SHAPES.join(",") },
      runs: { type: "string", default: "5" },
      only: { type: "string" },
      seed: { type: "string", default: DEFAULT_SEED },
      "skip-rebuilds": { type: "boolean", default: false },
      threads: { type: "string" },
    },
  });
  const sizes = values.sizes.split(",").map((size) => positiveInteger(size.trim(), "--sizes"));
  const shapes = values.shapes.split(",").map((shape) => shape.trim());
  for (const shape of shapes) {
    if (!SITE_SHAPES.includes(shape as SiteShape)) throw new Error(`--shapes expects ${SITE_SHAPES.join(" and/or ")}, got "${shape}"\n${USAGE}`);
  }
  let tools = [...TOOL_NAMES];
  if (values.only !== undefined) {
    const only = values.only;
    if (!TOOL_NAMES.includes(only as ToolName)) throw new Error(`--only expects plinth or eleventy, got "${only}"\n${USAGE}`);
    tools = [only as ToolName];
  }
  return {
    sizes,
    shapes: shapes as SiteShape[],
    runs: positiveInteger(values.runs, "--runs"),
    tools,
    seed: values.seed,
    skipRebuilds: values["skip-rebuilds"],
    ...(values.threads === undefined ? {} : { threads: positiveInteger(values.threads, "--threads") }),
  };
}
