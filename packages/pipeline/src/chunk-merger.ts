import {
  mergeSortedLogs,
  mergeWindowMaps,
  mergeWindows,
  WindowMap,
  windowKey,
} from "@logfeat/aggregation";
import type { AggregatedLogWindow, BatchAccounting, LogEntry } from "@logfeat/schema";
import { AccountingTotal } from "./accounting-total.js";
import type { ChunkPartial } from "./chunk-partial.js";

/** The merged state of every chunk seen so far. */
export interface MergedChunks {
  records: number;
  parsed: number;
  parseAccounting: BatchAccounting;
  normalizeAccounting: BatchAccounting;
  /** The windows, ordered by window_start then service (gaps filled when asked). */
  windows: AggregatedLogWindow[];
}

/** Folds chunk partials, in chunk order whatever order they arrive in. */
export interface ChunkMerger {
  /** Adds a partial; partials may arrive out of order (they wait for their turn). */
  add(partial: ChunkPartial): void;
  /** Partials received but not yet folded (waiting for an earlier chunk). */
  readonly waiting: number;
  /**
   * The merged result. Throws when a chunk is missing (a bug in the caller).
   * `fillGaps` adds the empty windows between a service's windows.
   */
  finish(options: { fillGaps: boolean; timeZone: string }): MergedChunks;
}

/**
 * Merges chunk partials exactly as one pass would have produced them: windows
 * of the same (window_start, service) are merged with the earlier chunk first
 * (so equal timestamps keep input order), accountings are totalled in chunk
 * order (so the first `maxDiagnostics` diagnostics are the same ones).
 */
export function createChunkMerger(maxDiagnostics: number): ChunkMerger {
  const pending = new Map<number, ChunkPartial>();
  const windows = new Map<string, AggregatedLogWindow[]>();
  let next = 0;
  let records = 0;
  let parsed = 0;
  const parseAccounting = new AccountingTotal(maxDiagnostics);
  const normalizeAccounting = new AccountingTotal(maxDiagnostics);

  const fold = (partial: ChunkPartial): void => {
    records += partial.records;
    parsed += partial.parsed;
    parseAccounting.add(partial.parseAccounting);
    normalizeAccounting.add(partial.normalizeAccounting);
    for (const window of partial.windows) {
      const key = windowKey(window.window_start, window.service);
      const parts = windows.get(key);
      if (parts === undefined) windows.set(key, [window]);
      else parts.push(window);
    }
  };

  return {
    add(partial) {
      pending.set(partial.index, partial);
      for (let ready = pending.get(next); ready !== undefined; ready = pending.get(next)) {
        pending.delete(next);
        fold(ready);
        next += 1;
      }
    },
    get waiting() {
      return pending.size;
    },
    finish({ fillGaps, timeZone }) {
      if (pending.size > 0)
        throw new Error(
          `chunk ${next} is missing; ${pending.size} later chunk(s) cannot be merged`,
        );
      const merged = Array.from(windows.values(), mergeParts);
      const map = mergeWindowMaps([new WindowMap(merged)], { fillGaps, timeZone });
      return {
        records,
        parsed,
        parseAccounting: parseAccounting.toAccounting(),
        normalizeAccounting: normalizeAccounting.toAccounting(),
        windows: map.values(),
      };
    },
  };
}

/**
 * The windows of one (window_start, service) from successive chunks merged
 * into one, as folding them with `mergeWindows` in chunk order would give, in
 * one step: each chunk's logs appended in chunk order (merged by timestamp,
 * earlier chunk first on ties, only when they start before the logs so far
 * end), counts
 * summed, durations concatenated and sorted, hash and code sets united in
 * chunk order. Windows that differ in their bounds or size, or lack a
 * summary, are folded with `mergeWindows` itself.
 */
function mergeParts(parts: readonly AggregatedLogWindow[]): AggregatedLogWindow {
  const first = parts[0] as AggregatedLogWindow;
  if (parts.length === 1) return first;
  const direct = parts.every(
    (part) =>
      part.summary !== null &&
      part.window_end === first.window_end &&
      part.window_size_seconds === first.window_size_seconds,
  );
  if (!direct) return parts.reduce((merged, part) => mergeWindows(merged, part));
  const withLogs = parts.every((part) => part.logs !== null);
  let logs: LogEntry[] = [];
  let durationCount = 0;
  const levels = { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 0, CRITICAL: 0 };
  let total = 0;
  const hashes = new Set<string>();
  const codes = new Set<string>();
  for (const part of parts) {
    const summary = part.summary as NonNullable<AggregatedLogWindow["summary"]>;
    total += summary.total_events;
    for (const level of ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] as const)
      levels[level] += summary.level_counts[level];
    durationCount += summary.durations_ms.length;
    for (const hash of summary.message_hashes) hashes.add(hash);
    for (const code of summary.error_codes) codes.add(code);
    if (withLogs) {
      const partLogs = part.logs as LogEntry[];
      const last = logs[logs.length - 1];
      const head = partLogs[0];
      if (last !== undefined && head !== undefined && head.timestamp < last.timestamp)
        logs = mergeSortedLogs(logs, partLogs);
      else for (const entry of partLogs) logs.push(entry);
    }
  }
  const durations = new Float64Array(durationCount);
  let offset = 0;
  for (const part of parts) {
    const partDurations = (part.summary as NonNullable<AggregatedLogWindow["summary"]>)
      .durations_ms;
    durations.set(partDurations, offset);
    offset += partDurations.length;
  }
  return {
    window_start: first.window_start,
    window_end: first.window_end,
    window_size_seconds: first.window_size_seconds,
    service: first.service,
    logs: withLogs ? logs : null,
    summary: {
      total_events: total,
      level_counts: levels,
      durations_ms: durations.sort(),
      message_hashes: hashes,
      error_codes: codes,
    },
  };
}
