// Summary statistics for repeated timings. Medians, not means: one run slowed by another
// process on a shared machine should not move the reported figure.

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  mean: number;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error("no values to summarise");
  if (values.some((value) => !Number.isFinite(value))) throw new Error("values must be finite numbers");
  return [...values].sort((a, b) => a - b);
}

/**
 * The middle value; for an even count, the mean of the two middle values.
 * @example median([3, 1, 2]) === 2; median([4, 1, 2, 3]) === 2.5
 */
export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1
    ? (ordered[middle] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

export function summarise(values: readonly number[]): Summary {
  const ordered = sorted(values);
  return {
    runs: ordered.length,
    median: median(ordered),
    min: ordered[0] as number,
    max: ordered[ordered.length - 1] as number,
    mean: ordered.reduce((sum, value) => sum + value, 0) / ordered.length,
  };
}

/** `numerator / denominator`, or undefined when either side is missing or the denominator is 0. */
export function ratio(numerator: number | undefined, denominator: number | undefined): number | undefined {
  if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
  return numerator / denominator;
}
