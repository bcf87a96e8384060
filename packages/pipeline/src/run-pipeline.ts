import { createAggregator } from "@logfeat/aggregation";
import { extractFeaturesFromWindows } from "@logfeat/features";
import { ingestLogs } from "@logfeat/ingestion";
import {
  type AggregatedLogWindow,
  type BatchAccounting,
  DEFAULT_MAX_DIAGNOSTICS,
  type Diagnostic,
  type FeatureVector,
  formatInstant,
  type Ledger,
  mergeAccounting,
} from "@logfeat/schema";
import { defaultServiceFor } from "./default-service.js";
import { ExampleCollector, type LedgerDetails, totalByCode } from "./ledger.js";
import type { PipelineOptions } from "./options.js";
import { createRecordProcessor } from "./record-processor.js";
import { resolveReferenceTime } from "./reference-time.js";

/** What a pipeline run returns. */
export interface PipelineResult {
  /** FeatureVectors ordered by window_start, then service. */
  features: FeatureVector[];
  /** The windows (with their logs when `retainLogs`), in the same order. */
  windows: AggregatedLogWindow[];
  /** The ledger of SPEC section 7 (what `--json-summary` writes). */
  ledger: Ledger;
  /** Notes, examples and the rest of the accounting. */
  details: LedgerDetails;
  /** The first `maxDiagnostics` diagnostics of each stage, in stage order. */
  diagnostics: Diagnostic[];
}

/** The input of a run: a file path, `"-"` for stdin, or a Node readable stream. */
export type PipelineInput = string | NodeJS.ReadableStream;

function compareFeatures(a: FeatureVector, b: FeatureVector): number {
  return (
    a.window_start - b.window_start || (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)
  );
}

/**
 * Runs the whole pipeline on one input: ingestion in chunks, then per chunk
 * parsing and normalization (synchronous), streaming aggregation, and features
 * for every window. Bad records never throw: they are skipped and counted in
 * the ledger. Bad options throw ConfigError before anything is read; a
 * missing input file rejects with an error naming the path.
 */
export async function runPipeline(
  input: PipelineInput,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const started = performance.now();
  const maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const inputPath = typeof input === "string" && input !== "-" ? input : null;
  const inputName = typeof input === "string" ? input : "<stdin>";
  const referenceTime = await resolveReferenceTime(options.referenceTime, inputPath, Date.now());
  const defaultService =
    options.defaultService === undefined ? defaultServiceFor(inputName) : options.defaultService;
  const examples = new ExampleCollector();

  const processor = createRecordProcessor({
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.levelScheme === undefined ? {} : { levelScheme: options.levelScheme }),
    ...(options.messageHash === undefined ? {} : { messageHash: options.messageHash }),
    referenceTime: referenceTime.instant,
    defaultService,
    maxDiagnostics,
  });
  const aggregator = createAggregator({
    windowSizeSeconds: options.windowSizeSeconds ?? 300,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    retainLogs: options.retainLogs ?? true,
    fillGaps: options.fillGaps ?? false,
    allowedLatenessSeconds: options.allowedLatenessSeconds ?? Number.POSITIVE_INFINITY,
    maxDiagnostics,
  });
  const source = ingestLogs(input === "-" ? "-" : input, {
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    maxDiagnostics,
  });
  const now = options.now ?? Date.now();

  const windows: AggregatedLogWindow[] = [];
  const features: FeatureVector[] = [];
  let featureAccounting: BatchAccounting | null = null;
  const emit = (closed: readonly AggregatedLogWindow[]): void => {
    if (closed.length === 0) return;
    const extracted = extractFeaturesFromWindows(closed, { now, maxDiagnostics });
    const { features: vectors, ...accounting } = extracted;
    featureAccounting =
      featureAccounting === null
        ? accounting
        : mergeAccounting(featureAccounting, accounting, maxDiagnostics);
    windows.push(...closed);
    features.push(...vectors);
    options.onFeatures?.(vectors);
  };

  let records = 0;
  for await (const chunk of source.chunks()) {
    records += chunk.length;
    emit(aggregator.addBatch(processor.process(chunk).entries));
    options.onProgress?.({
      bytesRead: source.bytesRead,
      totalBytes: source.totalBytes,
      records,
      elapsedMs: performance.now() - started,
    });
  }
  emit(aggregator.flush());
  features.sort(compareFeatures);

  const ingestAccounting = source.accounting();
  const parseAccounting = processor.parseAccounting();
  const normalizeAccounting = processor.normalizeAccounting();
  const aggregateAccounting = aggregator.accounting();
  const extractAccounting: BatchAccounting = featureAccounting ?? {
    skipped: 0,
    skippedByCode: {},
    notedByCode: {},
    diagnostics: [],
    diagnosticsOmitted: 0,
  };
  const stages = [
    ingestAccounting,
    parseAccounting,
    normalizeAccounting,
    aggregateAccounting,
    extractAccounting,
  ];
  const diagnostics = stages.flatMap((accounting) => accounting.diagnostics);
  for (const diagnostic of diagnostics) examples.add(diagnostic);

  const parseSkipped = ingestAccounting.skipped + parseAccounting.skipped;
  const ledger: Ledger = {
    records_in: records + ingestAccounting.skipped,
    parsed: processor.parsed,
    parse_skipped: parseSkipped,
    entries: processor.parsed - normalizeAccounting.skipped,
    normalize_skipped: normalizeAccounting.skipped,
    windows: windows.length,
    features: features.length,
    skipped_by_code: totalByCode(stages, "skippedByCode"),
    reference_time: formatInstant(referenceTime.instant),
    elapsed_ms: Math.round((performance.now() - started) * 10) / 10,
  };
  const details: LedgerDetails = {
    noted_by_code: totalByCode(stages, "notedByCode"),
    examples_by_code: examples.byCode,
    aggregation_skipped: aggregateAccounting.skipped,
    features_skipped: extractAccounting.skipped,
    reference_time_source: referenceTime.source,
    bytes_read: source.bytesRead,
    default_service: defaultService,
  };
  return { features, windows, ledger, details, diagnostics };
}
