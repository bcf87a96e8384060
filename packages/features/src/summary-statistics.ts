import type { FeatureStatistics } from "@logfeat/schema";
import { exactSum } from "./exact-sum.js";
import { sortedMedian } from "./sorted-quantiles.js";

/**
 * `{ count, min, max, mean, median, stdev }` of finite numbers, or null when
 * there are none. Numerically:
 * - `mean` is the correctly rounded exact sum (see `exactSum`) divided by the
 *   count, so it does not depend on the order of the values; it is exactly the
 *   value when all values are equal, and never outside [min, max];
 * - `median` is the middle value, or the mean of the two middle values;
 * - `stdev` is the sample standard deviation (divisor n - 1), two-pass:
 *   `sqrt(exactSum((x - mean)^2) / (n - 1))`; 0 when count < 2 or all values
 *   are equal. Values near the double limit are scaled by a power of two so
 *   the squares do not overflow.
 */
export function summaryStatistics(values: ArrayLike<number>): FeatureStatistics | null {
  const count = values.length;
  if (count === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const min = sorted[0] as number;
  const max = sorted[count - 1] as number;
  const median = sortedMedian(sorted, count);
  if (min === max) return { count, min, max, mean: min, median, stdev: 0 };
  const mean = clamp(meanOf(sorted), min, max);
  const stdev = sampleStandardDeviation(sorted, mean);
  return { count, min, max, mean, median, stdev };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

function meanOf(values: Float64Array): number {
  const count = values.length;
  const sum = exactSum(values);
  if (Number.isFinite(sum)) return sum / count;
  return exactSum(values.map((value) => value / count));
}

function sampleStandardDeviation(values: Float64Array, mean: number): number {
  const deviations = values.map((value) => value - mean);
  let largest = 0;
  for (const deviation of deviations) largest = Math.max(largest, Math.abs(deviation));
  const scale = largest > 1e150 ? 2 ** Math.ceil(Math.log2(largest)) : 1;
  const squares = deviations.map((deviation) => (deviation / scale) * (deviation / scale));
  return scale * Math.sqrt(exactSum(squares) / (values.length - 1));
}
