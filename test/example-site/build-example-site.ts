// Builds the bundled example site (examples/foundation) the way a user does: a separate
// process with the site folder as its working directory. The spawning is the compat
// harness's, so both suites build sites the same way.

import path from "node:path";
import { buildWithEleventy, buildWithPlinth, repoRoot, type BuildResult } from "../compat/build-site.js";

export { repoRoot, type BuildResult };

/** Plinth is what the suite tests; Eleventy 3 is the reference the site was written against. */
export type SiteBuilder = "plinth" | "eleventy";

export function exampleSiteDir(): string {
  return path.join(repoRoot(), "examples", "foundation");
}

/** Builds the example site into `outDir` (with a fixed time zone, as the compat harness does). */
export function buildExampleSite(builder: SiteBuilder, outDir: string): Promise<BuildResult> {
  return builder === "eleventy" ? buildWithEleventy(exampleSiteDir(), outDir) : buildWithPlinth(exampleSiteDir(), outDir);
}
