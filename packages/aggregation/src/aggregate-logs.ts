import type { LogEntry } from "@logfeat/schema";
import { createResolvedAggregator } from "./aggregator.js";
import { type AggregateOptions, resolveAggregateOptions } from "./options.js";
import { WindowMap } from "./window-map.js";

/**
 * Groups entries (any order) into windows keyed by (window_start, service).
 * Each entry lands in exactly one window; a window holds one service. With
 * `retainLogs` (default true) `logs` holds the entries sorted by timestamp,
 * equal timestamps in input order; with `retainLogs: false` `logs` is null.
 * `summary` is always filled (counts, sorted durations, distinct hashes and
 * error codes). Options: `windowSizeSeconds` (300), `timeZone` ("UTC"),
 * `retainLogs` (true), `fillGaps` (false). Throws AggregationError for a bad
 * option, never for data.
 */
export function aggregateLogs(
  entries: Iterable<LogEntry>,
  options: AggregateOptions = {},
): WindowMap {
  const aggregator = createResolvedAggregator({
    ...resolveAggregateOptions(options),
    allowedLatenessSeconds: Number.POSITIVE_INFINITY,
  });
  for (const entry of entries) aggregator.add(entry);
  return new WindowMap(aggregator.flush());
}
