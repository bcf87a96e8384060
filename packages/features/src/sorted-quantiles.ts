/**
 * Median of the first `length` (>= 1) values of an ascending array of finite
 * numbers: the middle value when `length` is odd, the mean of the two middle
 * values `(a + b) / 2` when it is even. `(a + b) / 2` is what numpy computes;
 * only when `a + b` would overflow to Infinity (both values above ~9e307) is
 * `a / 2 + b / 2` used instead.
 */
export function sortedMedian(sorted: ArrayLike<number>, length: number): number {
  const middle = length >> 1;
  const upper = sorted[middle] as number;
  if (length % 2 === 1) return upper;
  const lower = sorted[middle - 1] as number;
  const sum = lower + upper;
  return Number.isFinite(sum) ? sum / 2 : lower / 2 + upper / 2;
}

/**
 * The 95th percentile of the first `length` (>= 1) values of an ascending
 * array of finite numbers by linear interpolation between closest ranks
 * (Hyndman-Fan type 7, numpy's default), computed exactly as SPEC section 6
 * writes it: `h = (length - 1) * 0.95`,
 * `D[floor h] + (h - floor h) * (D[ceil h] - D[floor h])`, capped at
 * `D[ceil h]` (rounding could otherwise put it one ulp above the next rank).
 */
export function sortedP95(sorted: ArrayLike<number>, length: number): number {
  const position = (length - 1) * 0.95;
  const lowerIndex = Math.floor(position);
  const upperIndex = Math.ceil(position);
  const lower = sorted[lowerIndex] as number;
  if (upperIndex === lowerIndex) return lower;
  const upper = sorted[upperIndex] as number;
  return Math.min(lower + (position - lowerIndex) * (upper - lower), upper);
}
