/**
 * Median of an ascending array of n >= 1 finite numbers: the middle value when
 * n is odd, the mean of the two middle values `(a + b) / 2` when n is even.
 * `(a + b) / 2` is what numpy computes; only when `a + b` would overflow to
 * Infinity (both values above ~9e307) is `a / 2 + b / 2` used instead.
 */
export function sortedMedian(sorted: ArrayLike<number>): number {
  const length = sorted.length;
  const middle = length >> 1;
  const upper = sorted[middle] as number;
  if (length % 2 === 1) return upper;
  const lower = sorted[middle - 1] as number;
  const sum = lower + upper;
  return Number.isFinite(sum) ? sum / 2 : lower / 2 + upper / 2;
}

/**
 * The 95th percentile of an ascending array of n >= 1 finite numbers by linear
 * interpolation between closest ranks (Hyndman-Fan type 7, numpy's default),
 * computed exactly as SPEC section 6 writes it:
 * `h = (n - 1) * 0.95`, `D[floor h] + (h - floor h) * (D[ceil h] - D[floor h])`.
 */
export function sortedP95(sorted: ArrayLike<number>): number {
  return sortedQuantileType7(sorted, 0.95);
}

/**
 * Type-7 quantile `q` (0..1) of an ascending array of n >= 1 finite numbers:
 * `h = (n - 1) * q`, then `D[floor h] + (h - floor h) * (D[ceil h] - D[floor h])`.
 * The result is never below `D[floor h]` nor above `D[ceil h]`.
 */
function sortedQuantileType7(sorted: ArrayLike<number>, quantile: number): number {
  const position = (sorted.length - 1) * quantile;
  const lowerIndex = Math.floor(position);
  const upperIndex = Math.ceil(position);
  const lower = sorted[lowerIndex] as number;
  if (upperIndex === lowerIndex) return lower;
  const upper = sorted[upperIndex] as number;
  const value = lower + (position - lowerIndex) * (upper - lower);
  return Math.min(value, upper);
}
