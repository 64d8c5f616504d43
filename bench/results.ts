// The shape of a benchmark's results, as printed and as written to bench/results/*.json.

import type { SiteShape } from "./generate-site.js";
import type { Measurement } from "./measure.js";
import type { RunOptions } from "./run-options.js";
import type { ToolName } from "./tools.js";

export interface ToolResult {
  tool: ToolName;
  version: string;
  /** Files in the output folder after the warm-up build. */
  pages?: number;
  /** Set when a build failed; later runs of this tool at this size are skipped. */
  failure?: string;
  cold: Measurement[];
  noChangeRebuild: Measurement[];
  onePostRebuild: Measurement[];
}

/** Whether both tools wrote the same files with the same content. */
export type OutputCheck =
  | { status: "identical"; files: number }
  | { status: "different"; report: string }
  | { status: "not-compared"; reason: string };

export interface SizeResult {
  posts: number;
  shape: SiteShape;
  tools: ToolResult[];
  /** Cold builds compared. */
  check: OutputCheck;
  /** Builds after the one-post edit and after the restore, compared. */
  rebuildChecks: OutputCheck[];
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; totalMemoryMiB: number; platform: string; node: string };
  options: RunOptions;
  sizes: SizeResult[];
}
