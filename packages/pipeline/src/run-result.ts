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

/** Orders windows and FeatureVectors by window_start, then service (the output order). */
export function compareWindowThenService(
  a: { window_start: number; service: string },
  b: { window_start: number; service: string },
): number {
  return (
    a.window_start - b.window_start || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)
  );
}

/** Everything a finished run counted, stage by stage, with its windows and features. */
export interface StageResults {
  /** Records ingested (yielded by ingestion). */
  records: number;
  /** Records that parsed. */
  parsed: number;
  ingestAccounting: BatchAccounting;
  parseAccounting: BatchAccounting;
  normalizeAccounting: BatchAccounting;
  aggregateAccounting: BatchAccounting;
  extractAccounting: BatchAccounting;
  /** Ordered by window_start, then service (empty when the caller did not keep them). */
  windows: AggregatedLogWindow[];
  /** Windows emitted, kept or not. */
  windowCount: number;
  /** Ordered by window_start, then service. */
  features: FeatureVector[];
}

/** What the run around the stages knows. */
export interface RunFacts {
  /** Bytes of input read (compressed bytes for gzip). */
  bytesRead: number;
  referenceTime: ResolvedReferenceTime;
  /** The default service shown in the ledger (null: none). */
  defaultService: string | null;
  /** Wall time of the run in milliseconds (rounded to 0.1 in the ledger). */
  elapsedMs: number;
}

/**
 * The one place the ledger of SPEC section 7 is computed from the stages'
 * accounting: `records_in = records + ingestion skips`, `parse_skipped =
 * ingestion + parser skips`, `entries = parsed - normalize skips`, skips and
 * notes per code over every stage, and up to 3 example locations per code.
 */
export function assembleResult(stages: StageResults, facts: RunFacts): PipelineResult {
  const accountings = [
    stages.ingestAccounting,
    stages.parseAccounting,
    stages.normalizeAccounting,
    stages.aggregateAccounting,
    stages.extractAccounting,
  ];
  const diagnostics = accountings.flatMap((accounting) => accounting.diagnostics);
  const examples = new ExampleCollector();
  for (const diagnostic of diagnostics) examples.add(diagnostic);
  const ledger: Ledger = {
    records_in: stages.records + stages.ingestAccounting.skipped,
    parsed: stages.parsed,
    parse_skipped: stages.ingestAccounting.skipped + stages.parseAccounting.skipped,
    entries: stages.parsed - stages.normalizeAccounting.skipped,
    normalize_skipped: stages.normalizeAccounting.skipped,
    windows: stages.windowCount,
    features: stages.features.length,
    skipped_by_code: totalByCode(accountings, "skippedByCode"),
    reference_time: formatInstant(facts.referenceTime.instant),
    elapsed_ms: Math.round(facts.elapsedMs * 10) / 10,
  };
  const details: LedgerDetails = {
    noted_by_code: totalByCode(accountings, "notedByCode"),
    examples_by_code: examples.byCode,
    aggregation_skipped: stages.aggregateAccounting.skipped,
    features_skipped: stages.extractAccounting.skipped,
    reference_time_source: facts.referenceTime.source,
    bytes_read: facts.bytesRead,
    default_service: facts.defaultService,
  };
  return { features: stages.features, windows: stages.windows, ledger, details, diagnostics };
}
