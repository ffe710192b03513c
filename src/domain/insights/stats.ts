/**
 * Percentile by linear interpolation between the closest ranks (the "type 7" of R and numpy's default): the
 * median of [1, 2] is 1.5, the p90 of one value is that value. null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be within [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

/** A share, or null when nothing was counted (a 0 % pass rate and "no decisions" must not look alike). */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Rounds for display contracts; durations to 1/100 working day (about 15 minutes), rates to 1/10 000. */
export const round = (value: number | null, digits: number): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
