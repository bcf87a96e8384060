import { type AggregatedLogWindow, type EpochMillis, formatInstant } from "@logfeat/schema";

/**
 * The key of a (window_start, service) window in a WindowMap:
 * `<window_start as ISO 8601 UTC with ms>|<service>`, e.g.
 * `2025-02-07T10:15:00.000Z|api-server`. The instant part has a fixed width
 * and `|` sorts after every service character, so keys sort as strings in
 * window order (window_start, then service).
 */
export function windowKey(windowStart: EpochMillis, service: string): string {
  return `${formatInstant(windowStart)}|${service}`;
}

/** Orders two services by UTF-16 code units (the order of WindowMap iteration). */
export function compareServices(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders windows by window_start, then service (code-unit order). */
export function compareWindows(a: AggregatedLogWindow, b: AggregatedLogWindow): number {
  return a.window_start - b.window_start || compareServices(a.service, b.service);
}
