import { availableParallelism } from "node:os";
import { createAggregator } from "@logfeat/aggregation";
import { extractFeaturesFromWindows } from "@logfeat/features";
import { ingestLogs, type LogSource, planByteRanges } from "@logfeat/ingestion";
import {
  type AggregatedLogWindow,
  type BatchAccounting,
  ConfigError,
  DEFAULT_MAX_DIAGNOSTICS,
  type Diagnostic,
  emptyAccounting,
  type FeatureVector,
  type Ledger,
  type RawRecord,
} from "@logfeat/schema";
import { AccountingTotal } from "./accounting-total.js";
import { createChunkMerger, type MergedChunks } from "./chunk-merger.js";
import { defaultServiceFor } from "./default-service.js";
import { mergeByLine } from "./deferred-accounting.js";
import type { LedgerDetails } from "./ledger.js";
import type { PipelineOptions } from "./options.js";
import { runFileParts } from "./parallel-parts.js";
import { createRecordProcessor, type RecordProcessorOptions } from "./record-processor.js";
import { resolveReferenceTime } from "./reference-time.js";
import {
  assembleResult,
  compareWindowThenService,
  type RunFacts,
  type StageResults,
} from "./run-result.js";
import { ChunkWorkerPool } from "./worker-pool.js";
import { MAX_WORKERS } from "./worker-threads.js";

/** What a pipeline run returns. */
export interface PipelineResult {
  /** FeatureVectors ordered by window_start, then service. */
  features: FeatureVector[];
  /** The windows (with their logs when `retainLogs`), ordered by window_start, then service. */
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

/** Checks `workers`: an integer from 1 to MAX_WORKERS (64); more than 1 needs the default lateness. */
function validateWorkers(options: PipelineOptions): number {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS)
    throw new ConfigError(
      "workers",
      workers,
      `an integer from 1 to ${MAX_WORKERS} (this machine has ${availableParallelism()} cores)`,
    );
  if (
    workers > 1 &&
    options.allowedLatenessSeconds !== undefined &&
    Number.isFinite(options.allowedLatenessSeconds)
  )
    throw new ConfigError(
      "workers",
      workers,
      "1 when allowedLatenessSeconds is set (parallel runs emit every window at the end)",
    );
  return workers;
}

/** Accounting of the stages after ingestion, whichever way the records were processed. */
type StageTotals = Omit<StageResults, "ingestAccounting">;

/**
 * Runs the whole pipeline on one input: ingestion in chunks, then per chunk
 * parsing and normalization (synchronous), aggregation, and features for
 * every window. With `workers > 1`, chunks are parsed, normalized and
 * aggregated on worker threads and their partial windows merged in input
 * order: the result is the same as with one. Bad records never throw: they
 * are skipped and counted in the ledger. Bad options throw ConfigError before
 * anything is read; a missing input file rejects with an error naming the path.
 */
export async function runPipeline(
  input: PipelineInput,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const started = performance.now();
  const workers = validateWorkers(options);
  const maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const keepWindows = options.keepWindows ?? true;
  const inputPath = typeof input === "string" && input !== "-" ? input : null;
  const inputName = typeof input === "string" ? input : "<stdin>";
  const referenceTime = await resolveReferenceTime(options.referenceTime, inputPath, Date.now());
  const defaultService =
    options.defaultService === undefined ? defaultServiceFor(inputName) : options.defaultService;
  const processorOptions: RecordProcessorOptions = {
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.levelScheme === undefined ? {} : { levelScheme: options.levelScheme }),
    ...(options.messageHash === undefined ? {} : { messageHash: options.messageHash }),
    referenceTime: referenceTime.instant,
    defaultService,
    maxDiagnostics,
  };
  const now = options.now ?? Date.now();
  const extract = (windows: readonly AggregatedLogWindow[]) => {
    const { features, ...accounting } = extractFeaturesFromWindows(windows, {
      now,
      maxDiagnostics,
    });
    return { features, accounting };
  };
  const reportProgress = (records: number, bytesRead: number, totalBytes: number | null): void =>
    options.onProgress?.({
      bytesRead,
      totalBytes,
      records,
      elapsedMs: performance.now() - started,
    });
  /** The stage totals of merged partials (parallel runs): features of every window at once. */
  const fromMerged = (merged: MergedChunks): StageTotals => {
    const extracted = extract(merged.windows);
    options.onFeatures?.(extracted.features);
    return {
      records: merged.records,
      parsed: merged.parsed,
      parseAccounting: merged.parseAccounting,
      normalizeAccounting: merged.normalizeAccounting,
      aggregateAccounting: emptyAccounting(),
      extractAccounting: extracted.accounting,
      windows: keepWindows ? merged.windows : [],
      windowCount: merged.windows.length,
      features: extracted.features,
    };
  };
  const aggregate = {
    windowSizeSeconds: options.windowSizeSeconds ?? 300,
    timeZone: options.timeZone ?? "UTC",
    retainLogs: options.retainLogs ?? true,
  };
  const plan =
    workers > 1 && inputPath !== null
      ? await planByteRanges(inputPath, {
          parts: workers * PARTS_PER_THREAD,
          minPartBytes: MIN_PART_BYTES,
          ...(options.format === undefined ? {} : { format: options.format }),
          ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
        })
      : null;
  if (plan !== null && plan.ranges.length > 1 && inputPath !== null) {
    const totalBytes = plan.ranges.at(-1)?.end ?? 0;
    const parts = await runFileParts(inputPath, plan, {
      threads: workers,
      processor: processorOptions,
      aggregate,
      fillGaps: options.fillGaps ?? false,
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
      maxDiagnostics,
      onPart: (records, bytesRead) => reportProgress(records, bytesRead, totalBytes),
    });
    return finishRun(
      { ...fromMerged(parts.merged), ingestAccounting: parts.ingestAccounting },
      { bytesRead: parts.bytesRead, referenceTime, defaultService, started },
    );
  }
  const source = ingestLogs(input, {
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    ...(workers > 1 ? { deferJsonParsing: true } : {}),
    maxDiagnostics,
  });
  const reportSourceProgress = (records: number): void =>
    reportProgress(records, source.bytesRead, source.totalBytes);
  const processor = createRecordProcessor(processorOptions);
  const aggregator = createAggregator({
    ...aggregate,
    fillGaps: options.fillGaps ?? false,
    allowedLatenessSeconds: options.allowedLatenessSeconds ?? Number.POSITIVE_INFINITY,
    maxDiagnostics,
    // Windows that are not kept are turned into features and dropped at once: their durations can share memory.
    reuseDurationBuffers: !keepWindows,
  });

  let totals: StageTotals;
  let ingestAccounting: BatchAccounting;
  if (workers === 1) {
    const windows: AggregatedLogWindow[] = [];
    let windowCount = 0;
    const features: FeatureVector[] = [];
    const extractTotal = new AccountingTotal(maxDiagnostics);
    const emit = (closed: readonly AggregatedLogWindow[]): void => {
      if (closed.length === 0) return;
      const extracted = extract(closed);
      extractTotal.add(extracted.accounting);
      windowCount += closed.length;
      if (keepWindows) windows.push(...closed);
      features.push(...extracted.features);
      options.onFeatures?.(extracted.features);
    };
    let records = 0;
    for await (const chunk of source.chunks()) {
      records += chunk.length;
      emit(aggregator.addBatch(processor.process(chunk).entries));
      reportSourceProgress(records);
    }
    for (const closed of aggregator.drain()) emit(closed);
    totals = {
      records,
      parsed: processor.parsed,
      parseAccounting: processor.parseAccounting(),
      normalizeAccounting: processor.normalizeAccounting(),
      aggregateAccounting: aggregator.accounting(),
      extractAccounting: extractTotal.toAccounting(),
      windows,
      windowCount,
      features,
    };
    ingestAccounting = source.accounting();
  } else {
    const { merged, deferredAccountings } = await runChunksInParallel(
      source,
      workers,
      processorOptions,
      options,
      reportSourceProgress,
      maxDiagnostics,
    );
    totals = fromMerged(merged);
    ingestAccounting = mergeByLine(source.accounting(), deferredAccountings, maxDiagnostics);
  }
  return finishRun(
    { ...totals, ingestAccounting },
    { bytesRead: source.bytesRead, referenceTime, defaultService, started },
  );
}

/** Orders the windows and features of a run and assembles its result and ledger. */
function finishRun(
  stages: StageResults,
  facts: Omit<RunFacts, "elapsedMs"> & { started: number },
): PipelineResult {
  stages.features.sort(compareWindowThenService);
  stages.windows.sort(compareWindowThenService);
  const { started, ...rest } = facts;
  return assembleResult(stages, { ...rest, elapsedMs: performance.now() - started });
}

/** Parts per thread a file is split into (`--workers` > 1): free threads take the next part, so uneven parts even out. */
const PARTS_PER_THREAD = 8;

/** The smallest part worth a thread: smaller files get fewer parts (one part: a one-thread run). */
const MIN_PART_BYTES = 1024 * 1024;

/**
 * Records per chunk read and processed at once when `chunkSize` is not set.
 * Smaller than ingestion's default (4096): the records of a chunk being
 * gathered survive young-generation collections, and with CSV rows (one
 * object per row) 1024 made a 1M-row run about 1.2x faster (text and JSON
 * Lines: no difference).
 */
const DEFAULT_CHUNK_SIZE = 1024;

/** Records a worker thread is sent at once when `chunkSize` is not set. */
const DEFAULT_BATCH_SIZE = 4096;

/**
 * Ingests on this thread and sends the records, in batches of at least
 * `chunkSize` (ingestion's chunks are often smaller: one per read), to
 * `workers` worker threads, at most 2 batches per worker in flight. JSON
 * Lines lines come unparsed (`deferJsonParsing`) and the workers read their
 * JSON; the accounting of that reading comes back per batch, in input order.
 */
async function runChunksInParallel(
  source: LogSource<RawRecord>,
  workers: number,
  processorOptions: RecordProcessorOptions,
  options: PipelineOptions,
  reportProgress: (records: number) => void,
  maxDiagnostics: number,
): Promise<{ merged: MergedChunks; deferredAccountings: BatchAccounting[] }> {
  const timeZone = options.timeZone ?? "UTC";
  const pool = new ChunkWorkerPool(workers, {
    processor: processorOptions,
    aggregate: {
      windowSizeSeconds: options.windowSizeSeconds ?? 300,
      timeZone,
      retainLogs: options.retainLogs ?? true,
    },
  });
  const merger = createChunkMerger(maxDiagnostics);
  const deferred: BatchAccounting[] = [];
  const inFlight = new Set<Promise<void>>();
  const batchSize = options.chunkSize ?? DEFAULT_BATCH_SIZE;
  try {
    let index = 0;
    let records = 0;
    let batch: RawRecord[] = [];
    const submit = (): void => {
      const batchIndex = index;
      const jsonLines = source.format === "json" && batch[0]?.format === "text";
      const done: Promise<void> = pool.submit(index, batch, jsonLines).then((result) => {
        merger.add(result.partial);
        if (result.ingestAccounting !== null) deferred[batchIndex] = result.ingestAccounting;
        inFlight.delete(done);
      });
      inFlight.add(done);
      index += 1;
      batch = [];
    };
    for await (const chunk of source.chunks()) {
      records += chunk.length;
      if (batch.length === 0 && chunk.length >= batchSize) batch = chunk;
      else for (const record of chunk) batch.push(record);
      if (batch.length >= batchSize) {
        submit();
        if (inFlight.size >= workers * 2) await Promise.race(inFlight);
      }
      reportProgress(records);
    }
    if (batch.length > 0) submit();
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  return {
    merged: merger.finish({ fillGaps: options.fillGaps ?? false, timeZone }),
    deferredAccountings: deferred.filter((accounting) => accounting !== undefined),
  };
}
