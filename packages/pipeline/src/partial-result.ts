import { type Clock, extractFeaturesFromWindows } from "@logfeat/features";
import {
  type AggregatedLogWindow,
  type BatchAccounting,
  type FeatureVector,
  formatInstant,
  type Ledger,
} from "@logfeat/schema";
import { ExampleCollector, type LedgerDetails, totalByCode } from "./ledger.js";
import type { ResolvedReferenceTime } from "./reference-time.js";
import type { PipelineResult } from "./run-pipeline.js";

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

const EMPTY: BatchAccounting = {
  skipped: 0,
  skippedByCode: {},
  notedByCode: {},
  diagnostics: [],
  diagnosticsOmitted: 0,
};

function compareWindows(a: AggregatedLogWindow, b: AggregatedLogWindow): number {
  return (
    a.window_start - b.window_start || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)
  );
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
  const windows = [...totals.windows].sort(compareWindows);
  const { features, ...extractAccounting } = extractFeaturesFromWindows(windows, {
    now: context.now,
    maxDiagnostics: context.maxDiagnostics,
  });
  const stages = [
    context.ingestAccounting,
    totals.parseAccounting,
    totals.normalizeAccounting,
    EMPTY,
    extractAccounting,
  ];
  const diagnostics = stages.flatMap((accounting) => accounting.diagnostics);
  const examples = new ExampleCollector();
  for (const diagnostic of diagnostics) examples.add(diagnostic);
  const ledger: Ledger = {
    records_in: totals.records + context.ingestAccounting.skipped,
    parsed: totals.parsed,
    parse_skipped: context.ingestAccounting.skipped + totals.parseAccounting.skipped,
    entries: totals.parsed - totals.normalizeAccounting.skipped,
    normalize_skipped: totals.normalizeAccounting.skipped,
    windows: windows.length,
    features: features.length,
    skipped_by_code: totalByCode(stages, "skippedByCode"),
    reference_time: formatInstant(context.referenceTime.instant),
    elapsed_ms: Math.round(context.elapsedMs * 10) / 10,
  };
  const details: LedgerDetails = {
    noted_by_code: totalByCode(stages, "notedByCode"),
    examples_by_code: examples.byCode,
    aggregation_skipped: 0,
    features_skipped: extractAccounting.skipped,
    reference_time_source: context.referenceTime.source,
    bytes_read: context.bytesRead,
    default_service: context.defaultService,
  };
  return { features: features as FeatureVector[], windows, ledger, details, diagnostics };
}
