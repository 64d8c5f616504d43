// The shape of the incremental benchmark's results, as printed and as written to
// bench/results/incremental-*.json.

import type { Edit } from "./incremental-edits.js";
import type { EleventyEditTiming } from "./incremental-eleventy.js";
import type { IncrementalOptions } from "./incremental-options.js";
import type { PlinthEditTiming } from "./incremental-plinth.js";

/** Whether the edited page's output showed the edit once the tool said it was done. */
interface Shown {
  shown: boolean;
}

export interface EditSample extends Edit {
  plinth?: PlinthEditTiming & Shown;
  eleventy?: EleventyEditTiming & Shown;
}

/** An output tree compared with the one expected; paths are listed in full in the JSON. */
export interface TreeCheck {
  equal: boolean;
  compared: number;
  missing: string[];
  extra: string[];
  differing: string[];
  /** One line for the report. */
  summary: string;
}

export interface ToolRun {
  version: string;
  /** The first, full build: in-process for Plinth, spawn to "Watching…" for Eleventy. */
  initialMs?: number;
  /** Set when the tool failed; its samples stop there. */
  failure?: string;
}

export interface IncrementalSizeResult {
  posts: number;
  plinth?: ToolRun & {
    /** Output files of the initial build. */
    outputs?: number;
    /** After the last edit: the updated output against a fresh full build, byte for byte. */
    check?: TreeCheck;
  };
  eleventy?: ToolRun & {
    /** After the last edit: the watcher's output folder against a fresh `eleventy` build of the same files. */
    check?: TreeCheck;
    /** That fresh Eleventy build against Plinth's updated output (whitespace between tags ignored): the two tools agree. */
    agreement?: TreeCheck;
  };
  samples: EditSample[];
}

export interface IncrementalResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; totalMemoryMiB: number; platform: string; node: string };
  /** os.loadavg() (1, 5 and 15 minutes) when the run started and when it ended. */
  loadAverage: { start: number[]; end?: number[] };
  options: IncrementalOptions;
  sizes: IncrementalSizeResult[];
}
