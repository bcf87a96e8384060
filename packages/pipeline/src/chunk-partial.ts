import { aggregateLogs } from "@logfeat/aggregation";
import type { AggregatedLogWindow, BatchAccounting, RawRecord } from "@logfeat/schema";
import type { RecordProcessor } from "./record-processor.js";

/** How chunk partials are aggregated: the run's window options. */
export interface ChunkAggregateOptions {
  windowSizeSeconds: number;
  timeZone: string;
  retainLogs: boolean;
}

/**
 * The mergeable result of one chunk of input: its windows (logs when
 * retained, always a summary) and its accounting. Merging the partials of all
 * chunks in chunk order (`createChunkMerger`) gives exactly the windows and
 * ledger of one pass over the input. Plain data: it crosses worker_threads
 * by structured clone (Float64Array and Set survive it).
 */
export interface ChunkPartial {
  /** 0-based position of the chunk in the input. */
  index: number;
  /** Records in the chunk (as ingested). */
  records: number;
  /** Records that parsed. */
  parsed: number;
  parseAccounting: BatchAccounting;
  normalizeAccounting: BatchAccounting;
  windows: AggregatedLogWindow[];
}

/** Parses, normalizes and aggregates one chunk into its partial. */
export function processChunk(
  processor: RecordProcessor,
  records: readonly RawRecord[],
  index: number,
  options: ChunkAggregateOptions,
): ChunkPartial {
  const outcome = processor.process(records);
  const windows = aggregateLogs(outcome.entries, options).values();
  return {
    index,
    records: records.length,
    parsed: outcome.parsed,
    parseAccounting: outcome.parseAccounting,
    normalizeAccounting: outcome.normalizeAccounting,
    windows,
  };
}
