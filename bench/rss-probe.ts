// Preloaded into every timed build with `node --import`, so the runner learns the build
// process's peak resident memory whatever tool it runs. Threads count (one process);
// grandchild processes would not.

import { writeFileSync } from "node:fs";

/** Names the file the peak RSS (KiB, from getrusage) is written to when the process exits. */
export const RSS_FILE_VARIABLE = "PLINTH_BENCH_RSS_FILE";

const target = process.env[RSS_FILE_VARIABLE];
if (target) {
  process.on("exit", () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
