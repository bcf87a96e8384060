import type { FeatureVector } from "@logfeat/schema";
import type { WindowContent } from "./window-content.js";

/** `total_events`, `error_count` (ERROR + CRITICAL), `warning_count`, `info_count`; DEBUG counts only in the total. */
export type CountFeatures = Pick<
  FeatureVector,
  "total_events" | "error_count" | "warning_count" | "info_count"
>;

/** `error_rate` and `warning_rate`, in [0, 1]; 0 for an empty window. */
export type RateFeatures = Pick<FeatureVector, "error_rate" | "warning_rate">;

/** `median_duration_ms`, `p95_duration_ms`, `max_duration_ms` in milliseconds; all null when no log has a duration. */
export type DurationFeatures = Pick<
  FeatureVector,
  "median_duration_ms" | "p95_duration_ms" | "max_duration_ms"
>;

/** `unique_messages` (distinct message hashes) and `unique_error_codes` (distinct non-null error codes). */
export type DiversityFeatures = Pick<FeatureVector, "unique_messages" | "unique_error_codes">;

/** SPEC section 6: an error is a log at ERROR or CRITICAL. */
export function errorCountOf(content: WindowContent): number {
  return content.error + content.critical;
}

/** SPEC section 6 rates: `count / total` as one division, and 0 (not NaN) when the window is empty. */
export function rateOf(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** The four counts of a window read by `readWindow`. */
export function countFeaturesOf(content: WindowContent): CountFeatures {
  return {
    total_events: content.total,
    error_count: errorCountOf(content),
    warning_count: content.warning,
    info_count: content.info,
  };
}

/** The two rates of a window read by `readWindow`. */
export function rateFeaturesOf(content: WindowContent): RateFeatures {
  return {
    error_rate: rateOf(errorCountOf(content), content.total),
    warning_rate: rateOf(content.warning, content.total),
  };
}

/** The three duration features of a window read by `readWindow` (computed there, see `setDurationStatistics`). */
export function durationFeaturesOf(content: WindowContent): DurationFeatures {
  return {
    median_duration_ms: content.medianDuration,
    p95_duration_ms: content.p95Duration,
    max_duration_ms: content.maxDuration,
  };
}

/** The two diversity counts of a window read by `readWindow`. */
export function diversityFeaturesOf(content: WindowContent): DiversityFeatures {
  return {
    unique_messages: content.uniqueMessages,
    unique_error_codes: content.uniqueErrorCodes,
  };
}
