// Command-line options of `npm run bench:incremental`.

import { parseArgs } from "node:util";
import { DEFAULT_SEED } from "./generate-site.js";
import { EDIT_KINDS, type EditKind } from "./incremental-edits.js";
import { TOOL_NAMES, type ToolName } from "./tools.js";

export interface IncrementalOptions {
  /** Site sizes in posts. Default 1000, 4000, 10000. */
  sizes: number[];
  /** Timed edits of each kind, per tool and size, after one untimed warm-up edit. Default 15. */
  edits: number;
  /** Edit kinds, in the order they run. Default body, title, layout. */
  kinds: EditKind[];
  /** Tools to measure. Default both. */
  tools: ToolName[];
  seed: string;
}

export const INCREMENTAL_USAGE =
  "Usage: npm run bench:incremental -- [--sizes 1000,4000,10000] [--edits 15] [--kinds body,title,layout] [--only plinth|eleventy] [--seed foundation]";

function positiveInteger(text: string, flag: string): number {
  const value = Number(text.trim().replace(/_/g, ""));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} expects positive integers, got "${text}"\n${INCREMENTAL_USAGE}`);
  return value;
}

function editKinds(text: string): EditKind[] {
  const kinds = text.split(",").map((kind) => kind.trim());
  const unknown = kinds.find((kind) => !EDIT_KINDS.includes(kind as EditKind));
  if (unknown !== undefined) throw new Error(`--kinds expects ${EDIT_KINDS.join(", ")}, got "${unknown}"\n${INCREMENTAL_USAGE}`);
  return [...new Set(kinds as EditKind[])];
}

export function parseIncrementalOptions(argv: readonly string[]): IncrementalOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: "string", default: "1000,4000,10000" },
      edits: { type: "string", default: "15" },
      kinds: { type: "string", default: EDIT_KINDS.join(",") },
      only: { type: "string" },
      seed: { type: "string", default: DEFAULT_SEED },
    },
  });
  let tools = [...TOOL_NAMES];
  if (values.only !== undefined) {
    if (!TOOL_NAMES.includes(values.only as ToolName)) throw new Error(`--only expects plinth or eleventy, got "${values.only}"\n${INCREMENTAL_USAGE}`);
    tools = [values.only as ToolName];
  }
  return {
    sizes: values.sizes.split(",").map((size) => positiveInteger(size, "--sizes")),
    edits: positiveInteger(values.edits, "--edits"),
    kinds: editKinds(values.kinds),
    tools,
    seed: values.seed,
  };
}
