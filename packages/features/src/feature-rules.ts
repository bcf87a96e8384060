import type { FeatureVector } from "@logfeat/schema";
import { sortedMedian, sortedP95 } from "./sorted-quantiles.js";
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

/** SPEC section 6 counts: errors are ERROR + CRITICAL; DEBUG is counted only in `total_events`. */
export function countFeaturesOf(content: WindowContent): CountFeatures {
  return {
    total_events: content.total,
    error_count: content.error + content.critical,
    warning_count: content.warning,
    info_count: content.info,
  };
}

/** SPEC section 6 rates: count / total_events, and 0 (not NaN) when the window is empty. */
export function rateFeaturesOf(content: WindowContent): RateFeatures {
  const total = content.total;
  if (total === 0) return { error_rate: 0, warning_rate: 0 };
  return {
    error_rate: (content.error + content.critical) / total,
    warning_rate: content.warning / total,
  };
}

/** SPEC section 6 durations over the present durations: median, type-7 p95, max; null when there are none. */
export function durationFeaturesOf(content: WindowContent): DurationFeatures {
  const sorted = content.sortedDurations;
  if (sorted.length === 0)
    return { median_duration_ms: null, p95_duration_ms: null, max_duration_ms: null };
  return {
    median_duration_ms: sortedMedian(sorted),
    p95_duration_ms: sortedP95(sorted),
    max_duration_ms: sorted[sorted.length - 1] as number,
  };
}

/** SPEC section 6 diversity: distinct message hashes and distinct non-null error codes. */
export function diversityFeaturesOf(content: WindowContent): DiversityFeatures {
  return {
    unique_messages: content.uniqueMessages,
    unique_error_codes: content.uniqueErrorCodes,
  };
}
