import { type Clock, extractFeaturesFromWindows } from "@logfeat/features";
import type { AggregatedLogWindow, BatchAccounting } from "@logfeat/schema";
import { emptyAccounting } from "@logfeat/schema";
import type { ResolvedReferenceTime } from "./reference-time.js";
import type { PipelineResult } from "./run-pipeline.js";
import { assembleResult, compareWindowThenService } from "./run-result.js";

/**
 * The merged partials of every chunk of a run (chunks parsed, normalized and
 * aggregated apart, e.g. on other threads or machines, and merged in input
 * order): records and parse counts, the parse and normalize accounting
 * totalled in chunk order, and the merged windows (summaries suffice).
 */
export interface PartialTotals {
  /** Records ingested (as chunked). */
  records: number;
  /** Records that parsed. */
  parsed: number;
  parseAccounting: BatchAccounting;
  normalizeAccounting: BatchAccounting;
  /** Every window of the run (gap windows included when asked), any order. */
  windows: AggregatedLogWindow[];
}

/** What the run around the partials knows: ingestion, reference time, clock. */
export interface PartialRunContext {
  /** Accounting of ingestion (records it skipped itself). */
  ingestAccounting: BatchAccounting;
  /** Bytes of input read (compressed bytes for gzip). */
  bytesRead: number;
  referenceTime: ResolvedReferenceTime;
  /** The default service shown in the ledger (null: none). */
  defaultService: string | null;
  /** Clock for `metadata.extraction_timestamp`, read once. */
  now: Clock;
  /** Diagnostics kept per stage. */
  maxDiagnostics: number;
  /** Wall time of the run in milliseconds (the ledger's `elapsed_ms`, rounded to 0.1). */
  elapsedMs: number;
}

/**
 * The result `runPipeline` gives for the same input and options (with the
 * default unlimited lateness), from merged chunk partials: the windows
 * ordered by window_start then service, their FeatureVectors, the ledger and
 * details, and the diagnostics of every stage in stage order. Only
 * `elapsed_ms` comes from the caller.
 */
export function resultFromPartials(
  totals: PartialTotals,
  context: PartialRunContext,
): PipelineResult {
  const windows = [...totals.windows].sort(compareWindowThenService);
  const { features, ...extractAccounting } = extractFeaturesFromWindows(windows, {
    now: context.now,
    maxDiagnostics: context.maxDiagnostics,
  });
  return assembleResult(
    {
      records: totals.records,
      parsed: totals.parsed,
      ingestAccounting: context.ingestAccounting,
      parseAccounting: totals.parseAccounting,
      normalizeAccounting: totals.normalizeAccounting,
      aggregateAccounting: emptyAccounting(),
      extractAccounting,
      windows,
      windowCount: windows.length,
      features,
    },
    context,
  );
}
