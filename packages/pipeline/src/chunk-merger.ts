import { mergeWindowMaps, mergeWindows, WindowMap, windowKey } from "@logfeat/aggregation";
import { type AggregatedLogWindow, type BatchAccounting, mergeAccounting } from "@logfeat/schema";
import type { ChunkPartial } from "./chunk-partial.js";

const EMPTY: BatchAccounting = {
  skipped: 0,
  skippedByCode: {},
  notedByCode: {},
  diagnostics: [],
  diagnosticsOmitted: 0,
};

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
  const windows = new Map<string, AggregatedLogWindow>();
  let next = 0;
  let records = 0;
  let parsed = 0;
  let parseAccounting = EMPTY;
  let normalizeAccounting = EMPTY;

  const fold = (partial: ChunkPartial): void => {
    records += partial.records;
    parsed += partial.parsed;
    parseAccounting = mergeAccounting(parseAccounting, partial.parseAccounting, maxDiagnostics);
    normalizeAccounting = mergeAccounting(
      normalizeAccounting,
      partial.normalizeAccounting,
      maxDiagnostics,
    );
    for (const window of partial.windows) {
      const key = windowKey(window.window_start, window.service);
      const existing = windows.get(key);
      windows.set(key, existing === undefined ? window : mergeWindows(existing, window));
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
      const map = mergeWindowMaps([new WindowMap(windows.values())], { fillGaps, timeZone });
      return { records, parsed, parseAccounting, normalizeAccounting, windows: map.values() };
    },
  };
}
