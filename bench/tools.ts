// The two builders under comparison and how each is invoked on a site.

import { rm } from "node:fs/promises";
import path from "node:path";
import { cacheFile } from "../src/write/disk-writer.js";

export type ToolName = "eleventy" | "plinth";
export const TOOL_NAMES: readonly ToolName[] = ["eleventy", "plinth"];

/** Node arguments (after `node`) that build `siteDir` (the working directory) into `outputDir`. */
export function buildArguments(tool: ToolName, repoRoot: string, outputDir: string): string[] {
  if (tool === "plinth") {
    return [path.join(repoRoot, "bin", "plinth.js"), "build", "--input", ".", "--output", outputDir, "--quiet"];
  }
  return [path.join(repoRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--input=.", `--output=${outputDir}`, "--quiet"];
}

/** Removes previous output and any cache, so the next build starts from nothing. */
export async function resetForColdBuild(tool: ToolName, siteDir: string, outputDir: string): Promise<void> {
  await rm(outputDir, { recursive: true, force: true });
  if (tool !== "plinth") return;
  // Plinth's records of the last build: what it wrote (to skip unchanged files), what it read (to skip the build) and what each page read (to render only what changed).
  for (const kind of ["output", "build", "pages"] as const) await rm(cacheFile(siteDir, outputDir, kind), { force: true });
}

export function toolLabel(tool: ToolName): string {
  return tool === "plinth" ? "Plinth" : "Eleventy";
}
