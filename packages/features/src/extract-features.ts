import { type AggregatedLogWindow, type FeatureVector, formatInstant } from "@logfeat/schema";
import { type Clock, resolveClock } from "./clock.js";
import {
  type CountFeatures,
  countFeaturesOf,
  type DiversityFeatures,
  type DurationFeatures,
  diversityFeaturesOf,
  durationFeaturesOf,
  errorCountOf,
  type RateFeatures,
  rateFeaturesOf,
  rateOf,
} from "./feature-rules.js";
import { optionsObject } from "./options-object.js";
import { isDiagnostic, readWindow, type WindowContent } from "./window-content.js";
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
  return buildFeatureVector(
    window,
    content,
    formatInstant(clock()),
    formatInstant(window.window_end),
  );
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
  if (isDiagnostic(reading)) throw new WindowContractError(reading);
  return reading;
}

/**
 * Assembles a FeatureVector, keys in contract order, from a window already
 * read; `windowEnd` is `window_end` as ISO 8601 UTC.
 */
export function buildFeatureVector(
  window: AggregatedLogWindow,
  content: WindowContent,
  extractionTimestamp: string,
  windowEnd: string,
): FeatureVector {
  const errorCount = errorCountOf(content);
  return {
    window_start: window.window_start,
    service: window.service,
    total_events: content.total,
    error_count: errorCount,
    warning_count: content.warning,
    info_count: content.info,
    error_rate: rateOf(errorCount, content.total),
    warning_rate: rateOf(content.warning, content.total),
    median_duration_ms: content.medianDuration,
    p95_duration_ms: content.p95Duration,
    max_duration_ms: content.maxDuration,
    unique_messages: content.uniqueMessages,
    unique_error_codes: content.uniqueErrorCodes,
    metadata: {
      extraction_timestamp: extractionTimestamp,
      window_log_count: content.total,
      window_end: windowEnd,
      window_size_seconds: window.window_size_seconds,
    },
  };
}
