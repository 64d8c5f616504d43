/** Timings of the build cache's own steps on stderr, with the build's phases, when PLINTH_DEBUG includes "timing". */
export function cacheTimer(): { lap: (name: string) => void } {
  const enabled = (process.env.PLINTH_DEBUG ?? "").split(",").includes("timing");
  let last = performance.now();
  return {
    lap(name: string) {
      if (!enabled) return;
      const now = performance.now();
      process.stderr.write(`[timing] cache: ${name}: ${(now - last).toFixed(1)} ms\n`);
      last = now;
    },
  };
}
