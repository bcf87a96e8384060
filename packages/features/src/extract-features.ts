import {
  type AggregatedLogWindow,
  type EpochMillis,
  type FeatureVector,
  formatInstant,
} from "@logfeat/schema";
import { type Clock, resolveClock } from "./clock.js";
import {
  type CountFeatures,
  countFeaturesOf,
  type DiversityFeatures,
  type DurationFeatures,
  diversityFeaturesOf,
  durationFeaturesOf,
  type RateFeatures,
  rateFeaturesOf,
} from "./feature-rules.js";
import { optionsObject } from "./options-object.js";
import { readWindow, type WindowContent } from "./window-content.js";
import { WindowContractError } from "./window-contract-error.js";

/** Options of `extractFeatures`. */
export interface ExtractFeaturesOptions {
  /**
   * Clock for `metadata.extraction_timestamp`: a Date, epoch milliseconds, or a
   * function returning either (called once per call). Default `Date.now`.
   */
  now?: Clock;
}

/**
 * The 11 features of one window (SPEC section 6) plus metadata
 * (`extraction_timestamp` ISO 8601 UTC from `options.now`, `window_log_count`,
 * `window_end` ISO 8601 UTC, `window_size_seconds`). Computed from
 * `window.summary` when present, else from `window.logs`; identical either way.
 * Throws `WindowContractError` when the window breaks the contract (see the
 * README's diagnostic codes) and `ConfigError` for a bad `now`; use
 * `extractFeaturesFromWindows` to skip such windows instead.
 */
export function extractFeatures(
  window: AggregatedLogWindow,
  options: ExtractFeaturesOptions = {},
): FeatureVector {
  const clock = resolveClock(optionsObject(options).now);
  const content = contentOrThrow(window);
  return buildFeatureVector(window, content, formatInstant(clock()));
}

/** `total_events`, `error_count` (ERROR + CRITICAL), `warning_count`, `info_count` of one window. Throws like `extractFeatures`. */
export function extractCountFeatures(window: AggregatedLogWindow): CountFeatures {
  return countFeaturesOf(contentOrThrow(window));
}

/** `error_rate`, `warning_rate` of one window (0 when it is empty). Throws like `extractFeatures`. */
export function extractRateFeatures(window: AggregatedLogWindow): RateFeatures {
  return rateFeaturesOf(contentOrThrow(window));
}

/** Median, type-7 p95 and max of the present durations (ms), or three nulls. Throws like `extractFeatures`. */
export function extractDurationFeatures(window: AggregatedLogWindow): DurationFeatures {
  return durationFeaturesOf(contentOrThrow(window));
}

/** `unique_messages` and `unique_error_codes` of one window. Throws like `extractFeatures`. */
export function extractDiversityFeatures(window: AggregatedLogWindow): DiversityFeatures {
  return diversityFeaturesOf(contentOrThrow(window));
}

function contentOrThrow(window: AggregatedLogWindow): WindowContent {
  const reading = readWindow(window);
  if (!reading.ok) throw new WindowContractError(reading.diagnostic);
  return reading.content;
}

/** Assembles a FeatureVector, keys in contract order, from a window already read. */
export function buildFeatureVector(
  window: AggregatedLogWindow,
  content: WindowContent,
  extractionTimestamp: string,
): FeatureVector {
  const counts = countFeaturesOf(content);
  const rates = rateFeaturesOf(content);
  const durations = durationFeaturesOf(content);
  const diversity = diversityFeaturesOf(content);
  return {
    window_start: window.window_start,
    service: window.service,
    total_events: counts.total_events,
    error_count: counts.error_count,
    warning_count: counts.warning_count,
    info_count: counts.info_count,
    error_rate: rates.error_rate,
    warning_rate: rates.warning_rate,
    median_duration_ms: durations.median_duration_ms,
    p95_duration_ms: durations.p95_duration_ms,
    max_duration_ms: durations.max_duration_ms,
    unique_messages: diversity.unique_messages,
    unique_error_codes: diversity.unique_error_codes,
    metadata: {
      extraction_timestamp: extractionTimestamp,
      window_log_count: content.total,
      window_end: formatInstant(window.window_end as EpochMillis),
      window_size_seconds: window.window_size_seconds,
    },
  };
}
