// The two builders under comparison and how each is invoked on a site.

import { rm } from "node:fs/promises";
import path from "node:path";

export type ToolName = "eleventy" | "plinth";
export const TOOL_NAMES: readonly ToolName[] = ["eleventy", "plinth"];

/** Where Plinth keeps its persistent build cache, relative to the site; removed before every cold build. */
const PLINTH_CACHE_DIR = ".plinth-cache";

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
  if (tool === "plinth") await rm(path.join(siteDir, PLINTH_CACHE_DIR), { recursive: true, force: true });
}

export function toolLabel(tool: ToolName): string {
  return tool === "plinth" ? "Plinth" : "Eleventy";
}
