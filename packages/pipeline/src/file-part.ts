import { createAggregator } from "@logfeat/aggregation";
import { type ByteRange, type FilePlan, ingestLogs } from "@logfeat/ingestion";
import type { BatchAccounting } from "@logfeat/schema";
import { AccountingTotal } from "./accounting-total.js";
import type { ChunkAggregateOptions, ChunkPartial } from "./chunk-partial.js";
import type { RecordProcessor } from "./record-processor.js";

/**
 * The parts of a file shared by several threads: each thread takes the next
 * part with `takeFilePart` from a counter in shared memory, so no thread
 * waits for another to hand it work.
 */
export interface FilePartsJob {
  /** The input file, as the run was given it (it names the records' source). */
  path: string;
  /** The file's format, resolved once for all parts. */
  format: FilePlan["format"];
  /** The parts, in file order. */
  ranges: readonly ByteRange[];
  /** Ingestion options every part is read with (the plan's: a CSV file's header, delimiter, ...). */
  partOptions: FilePlan["partOptions"];
  /** Records per ingested chunk. */
  chunkSize: number;
  /** Diagnostics kept per stage (all are counted). */
  maxDiagnostics: number;
  /** The index of the next part to take, at `[0]` (an Int32Array over a SharedArrayBuffer). */
  next: Int32Array;
}

/** A job over the parts of `plan` (posted to worker threads as is: the counter's memory is shared). */
export function createFilePartsJob(
  path: string,
  plan: FilePlan,
  settings: { chunkSize: number; maxDiagnostics: number },
): FilePartsJob {
  return {
    path,
    format: plan.format,
    ranges: plan.ranges,
    partOptions: plan.partOptions,
    chunkSize: settings.chunkSize,
    maxDiagnostics: settings.maxDiagnostics,
    next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
  };
}

/** Takes the index of the next part of `job` (atomically: each part goes to one thread), or null when none is left. */
export function takeFilePart(job: FilePartsJob): number | null {
  const index = Atomics.add(job.next, 0, 1);
  return index < job.ranges.length ? index : null;
}

/** Leaves no part of `job` to take (after a failure, so every thread stops after its current part). */
export function abandonFilePartsJob(job: FilePartsJob): void {
  Atomics.store(job.next, 0, job.ranges.length);
}

/** What processing a part gives: its mergeable partial, its ingestion accounting and bytes read. */
export interface FilePartResult {
  partial: ChunkPartial;
  ingestAccounting: BatchAccounting;
  bytesRead: number;
}

/**
 * Ingests the byte range of part `index` of a job's file, parses and normalizes it
 * chunk by chunk with `processor`, and aggregates it into windows (logs
 * retained or not, as `aggregate` says): the part's ChunkPartial. The parts
 * of a file merged in order (`createChunkMerger`) give what one pass over
 * the whole file gives, since each part starts at a record boundary and
 * numbers its lines from the part's first line.
 */
export async function processFilePart(
  job: FilePartsJob,
  index: number,
  processor: RecordProcessor,
  aggregate: ChunkAggregateOptions,
): Promise<FilePartResult> {
  const { maxDiagnostics } = job;
  const source = ingestLogs(job.path, {
    ...job.partOptions,
    format: job.format,
    byteRange: job.ranges[index] as ByteRange,
    chunkSize: job.chunkSize,
    maxDiagnostics,
  });
  const aggregator = createAggregator({
    ...aggregate,
    allowedLatenessSeconds: Number.POSITIVE_INFINITY,
    maxDiagnostics,
  });
  const parseAccounting = new AccountingTotal(maxDiagnostics);
  const normalizeAccounting = new AccountingTotal(maxDiagnostics);
  let records = 0;
  let parsed = 0;
  for await (const chunk of source.chunks()) {
    records += chunk.length;
    const outcome = processor.process(chunk);
    parsed += outcome.parsed;
    parseAccounting.add(outcome.parseAccounting);
    normalizeAccounting.add(outcome.normalizeAccounting);
    aggregator.addBatch(outcome.entries);
  }
  return {
    partial: {
      index,
      records,
      parsed,
      parseAccounting: parseAccounting.toAccounting(),
      normalizeAccounting: normalizeAccounting.toAccounting(),
      windows: aggregator.flush(),
    },
    ingestAccounting: source.accounting(),
    bytesRead: source.bytesRead,
  };
}
