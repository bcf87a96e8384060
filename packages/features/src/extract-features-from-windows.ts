import {
  type AggregatedLogWindow,
  type BatchResult,
  ConfigError,
  type Diagnostic,
  DiagnosticCollector,
  type FeatureVector,
  formatInstant,
} from "@logfeat/schema";
import { resolveClock } from "./clock.js";
import { buildFeatureVector, type ExtractFeaturesOptions } from "./extract-features.js";
import { optionsObject } from "./options-object.js";
import { isDiagnostic, readWindow } from "./window-content.js";

/** Options of `extractFeaturesFromWindows`. */
export interface ExtractFeaturesFromWindowsOptions extends ExtractFeaturesOptions {
  /** Called for every diagnostic as it happens (kept in the list or not). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** How many diagnostics the result keeps in `diagnostics` (default 1000); the rest are counted in `diagnosticsOmitted`. */
  maxDiagnostics?: number;
}

/**
 * Features of many windows, in input order. A window that breaks the contract
 * (codes in the README: `invalid_window`, `invalid_summary`, `mixed_services`,
 * `log_outside_window`, `invalid_log`, `summary_mismatch`) is skipped with a
 * diagnostic; this function never throws on data, only on bad options
 * (ConfigError). The clock is read once per call: every vector of the batch
 * carries the same `extraction_timestamp`.
 */
export function extractFeaturesFromWindows(
  windows: Iterable<AggregatedLogWindow>,
  options: ExtractFeaturesFromWindowsOptions = {},
): BatchResult<"features", FeatureVector> {
  const checked = optionsObject(options);
  const clock = resolveClock(checked.now);
  const maxDiagnostics = checked.maxDiagnostics;
  if (maxDiagnostics !== undefined && !(Number.isInteger(maxDiagnostics) && maxDiagnostics >= 0))
    throw new ConfigError("maxDiagnostics", maxDiagnostics, "a non-negative integer");
  const onDiagnostic = checked.onDiagnostic;
  if (onDiagnostic !== undefined && typeof onDiagnostic !== "function")
    throw new ConfigError("onDiagnostic", onDiagnostic, "a function or undefined");
  if (
    typeof windows !== "object" ||
    windows === null ||
    typeof (windows as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function"
  )
    throw new ConfigError("windows", windows, "an iterable of AggregatedLogWindow");
  const collector = new DiagnosticCollector({
    ...(maxDiagnostics === undefined ? {} : { maxDiagnostics }),
    ...(onDiagnostic === undefined ? {} : { onDiagnostic }),
  });
  const extractionTimestamp = formatInstant(clock());
  const features: FeatureVector[] = [];
  let lastEnd = Number.NaN;
  let lastEndText = "";
  for (const window of windows) {
    const reading = readWindow(window);
    if (isDiagnostic(reading)) {
      collector.skip(reading);
      continue;
    }
    // Windows come in window_start order, so consecutive ones usually share window_end.
    if (window.window_end !== lastEnd) {
      lastEnd = window.window_end;
      lastEndText = formatInstant(window.window_end);
    }
    features.push(buildFeatureVector(window, reading, extractionTimestamp, lastEndText));
  }
  return { features, ...collector.toAccounting() };
}
