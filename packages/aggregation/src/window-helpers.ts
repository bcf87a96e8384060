import type { AggregatedLogWindow, EpochMillis } from "@logfeat/schema";
import { compareServices } from "./window-key.js";

/** The distinct services of some windows, sorted (code-unit order). */
export function getServicesInWindows(windows: Iterable<AggregatedLogWindow>): string[] {
  const services = new Set<string>();
  for (const window of windows) services.add(window.service);
  return [...services].sort(compareServices);
}

/** A span of time `[start, end)` in UTC epoch milliseconds. */
export interface TimeRange {
  /** Earliest window_start. */
  start: EpochMillis;
  /** Latest window_end (exclusive). */
  end: EpochMillis;
}

/** The span covered by some windows (min window_start, max window_end), or null when there are none. */
export function getTimeRange(windows: Iterable<AggregatedLogWindow>): TimeRange | null {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const window of windows) {
    if (window.window_start < start) start = window.window_start;
    if (window.window_end > end) end = window.window_end;
  }
  return start === Number.POSITIVE_INFINITY
    ? null
    : { start: start as EpochMillis, end: end as EpochMillis };
}

/** Number of entries in a window: `summary.total_events`, else the number of logs. */
export function countWindowEvents(window: AggregatedLogWindow): number {
  return window.summary?.total_events ?? window.logs?.length ?? 0;
}
