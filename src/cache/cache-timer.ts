/**
 * Timings of the build cache's own steps on stderr, with the build's phases, when PLINTH_DEBUG
 * includes "timing": wall time, and the process's CPU time, which tells the step's cost apart
 * from waiting on a busy machine.
 */
export function cacheTimer(): { lap: (name: string) => void } {
  const enabled = (process.env.PLINTH_DEBUG ?? "").split(",").includes("timing");
  let last = performance.now();
  let lastCpu = enabled ? process.cpuUsage() : undefined;
  return {
    lap(name: string) {
      if (!enabled) return;
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      process.stderr.write(`[timing] cache: ${name}: ${(now - last).toFixed(1)} ms (${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU)\n`);
      last = now;
      lastCpu = process.cpuUsage();
    },
  };
}
