/** The outputs incremental tests compare: a fresh full build's, and a Site's after its updates. */
import { build } from "../../src/engine/build.js";
import type { Site } from "../../src/engine/site.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";

export async function fullBuild(cwd: string): Promise<Map<string, string>> {
  const writer = new MemoryWriter();
  await build({ cwd, writer, runMode: "serve" });
  return new Map([...writer.files].map(([k, v]) => [k, v.toString()]));
}

export function snapshot(site: Site): Map<string, string> {
  return new Map([...site.memory.files].map(([k, v]) => [k, v.toString()]));
}
