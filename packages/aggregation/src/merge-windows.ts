import {
  type AggregatedLogWindow,
  AggregationError,
  type LogEntry,
  type WindowSummary,
} from "@logfeat/schema";
import { appendGapWindows } from "./gap-windows.js";
import { validateTimeZone } from "./options.js";
import { WindowAligner } from "./window-alignment.js";
import { windowKey } from "./window-key.js";
import { WindowMap } from "./window-map.js";
import { mergeSummaries, summarizeLogs } from "./window-summary.js";

function summaryOf(window: AggregatedLogWindow): WindowSummary {
  return window.summary ?? summarizeLogs(window.logs ?? []);
}

/**
 * Merges two timestamp-sorted lists of entries into a new one; on equal
 * timestamps a's entries come first (so merging partitions in input order
 * keeps input order on ties, as one pass does).
 */
export function mergeSortedLogs(a: readonly LogEntry[], b: readonly LogEntry[]): LogEntry[] {
  const merged: LogEntry[] = new Array(a.length + b.length);
  let indexA = 0;
  let indexB = 0;
  let index = 0;
  while (indexA < a.length && indexB < b.length) {
    const entryA = a[indexA] as LogEntry;
    const entryB = b[indexB] as LogEntry;
    if (entryB.timestamp < entryA.timestamp) {
      merged[index] = entryB;
      indexB += 1;
    } else {
      merged[index] = entryA;
      indexA += 1;
    }
    index += 1;
  }
  while (indexA < a.length) merged[index++] = a[indexA++] as LogEntry;
  while (indexB < b.length) merged[index++] = b[indexB++] as LogEntry;
  return merged;
}

/**
 * Merges two windows of the same (window_start, service), e.g. built from two
 * partitions of the input, a's partition first: logs are merged by timestamp
 * with a's entries first on ties (so merging partitions in input order equals
 * one pass), summaries are merged. If either window lacks logs the result has
 * `logs: null`. Throws AggregationError when the windows differ in start,
 * end, size or service.
 */
export function mergeWindows(a: AggregatedLogWindow, b: AggregatedLogWindow): AggregatedLogWindow {
  if (
    a.window_start !== b.window_start ||
    a.window_end !== b.window_end ||
    a.window_size_seconds !== b.window_size_seconds ||
    a.service !== b.service
  )
    throw new AggregationError(
      "windows",
      `${windowKey(a.window_start, a.service)} and ${windowKey(b.window_start, b.service)}`,
      "two windows with the same window_start, window_end, window_size_seconds and service",
    );
  return {
    window_start: a.window_start,
    window_end: a.window_end,
    window_size_seconds: a.window_size_seconds,
    service: a.service,
    logs: a.logs !== null && b.logs !== null ? mergeSortedLogs(a.logs, b.logs) : null,
    summary: mergeSummaries(summaryOf(a), summaryOf(b)),
  };
}

/** Options of `mergeWindowMaps`. */
export interface MergeWindowMapsOptions {
  /** Add empty windows for each service between its first and last merged window. Default false. */
  fillGaps?: boolean;
  /** Time zone the maps were aggregated with (needed by `fillGaps` for day windows). Default "UTC". */
  timeZone?: string;
}

/**
 * Merges the window maps of several partitions of one input, in partition
 * order (earlier maps win ties, see `mergeWindows`). Aggregating A and B
 * separately and merging equals aggregating A followed by B. With `fillGaps`
 * the gaps left between partitions are filled too (all windows must then
 * share one size; otherwise AggregationError).
 */
export function mergeWindowMaps(
  maps: Iterable<WindowMap>,
  options: MergeWindowMapsOptions = {},
): WindowMap {
  const merged = new Map<string, AggregatedLogWindow>();
  for (const map of maps) {
    for (const [key, window] of map.entries()) {
      const existing = merged.get(key);
      merged.set(key, existing === undefined ? window : mergeWindows(existing, window));
    }
  }
  const windows = [...merged.values()];
  if (options.fillGaps === true) appendAllGaps(windows, options.timeZone ?? "UTC");
  return new WindowMap(windows);
}

function appendAllGaps(windows: AggregatedLogWindow[], timeZone: string): void {
  const first = windows[0];
  if (first === undefined) return;
  const size = first.window_size_seconds;
  const mismatch = windows.find((window) => window.window_size_seconds !== size);
  if (mismatch !== undefined)
    throw new AggregationError(
      "maps",
      mismatch.window_size_seconds,
      `windows of one size (${size} s) to fill gaps`,
    );
  const aligner = new WindowAligner(size, validateTimeZone(timeZone));
  const lastEndByService = new Map<string, number>();
  const gaps: AggregatedLogWindow[] = [];
  for (const window of [...windows].sort((a, b) => a.window_start - b.window_start)) {
    const lastEnd = lastEndByService.get(window.service);
    if (lastEnd !== undefined)
      appendGapWindows(
        gaps,
        window.service,
        lastEnd,
        window.window_start,
        aligner,
        window.logs !== null,
      );
    lastEndByService.set(window.service, window.window_end);
  }
  windows.push(...gaps);
}
