import type { FilePlan } from "@logfeat/ingestion";
import type { BatchAccounting } from "@logfeat/schema";
import { AccountingTotal } from "./accounting-total.js";
import { createChunkMerger, type MergedChunks } from "./chunk-merger.js";
import type { ChunkAggregateOptions } from "./chunk-partial.js";
import {
  abandonFilePartsJob,
  createFilePartsJob,
  type FilePartResult,
  processFilePart,
  takeFilePart,
} from "./file-part.js";
import { createRecordProcessor, type RecordProcessorOptions } from "./record-processor.js";
import { ChunkWorkerPool } from "./worker-pool.js";

/** How the parts of a file are processed. */
export interface PartsRunSettings {
  /** Threads that process parts: this one plus `threads - 1` worker threads. */
  threads: number;
  processor: RecordProcessorOptions;
  aggregate: ChunkAggregateOptions;
  fillGaps: boolean;
  chunkSize: number;
  maxDiagnostics: number;
  /** Called after each part with the totals so far. */
  onPart: (records: number, bytesRead: number) => void;
}

/** The merged result of every part. */
export interface PartsRunResult {
  merged: MergedChunks;
  /** Ingestion's accounting of the parts, in file order (as one reader of the file counts it). */
  ingestAccounting: BatchAccounting;
  bytesRead: number;
}

/**
 * Processes the parts of a file on `threads` threads: this thread and
 * `threads - 1` worker threads each take the next unprocessed part from a
 * shared counter when they are free (this one starts at once, the workers
 * once loaded; nobody waits for another thread to hand out work), read it
 * themselves and send back its windows (summaries, logs when retained).
 * Partials are merged in file order, so the result is the one pass over the
 * whole file gives.
 */
export async function runFileParts(
  path: string,
  plan: FilePlan,
  settings: PartsRunSettings,
): Promise<PartsRunResult> {
  const { maxDiagnostics } = settings;
  const merger = createChunkMerger(maxDiagnostics);
  const ingestAccountings: BatchAccounting[] = [];
  let records = 0;
  let bytesRead = 0;
  const job = createFilePartsJob(path, plan, settings);
  const finished = (result: FilePartResult): void => {
    merger.add(result.partial);
    ingestAccountings[result.partial.index] = result.ingestAccounting;
    records += result.partial.records;
    bytesRead += result.bytesRead;
    settings.onPart(records, bytesRead);
  };
  const processor = createRecordProcessor(settings.processor);
  const here = async (): Promise<void> => {
    for (let index = takeFilePart(job); index !== null; index = takeFilePart(job))
      finished(await processFilePart(job, index, processor, settings.aggregate));
  };
  const pool = new ChunkWorkerPool(settings.threads - 1, {
    processor: settings.processor,
    aggregate: settings.aggregate,
  });
  try {
    await Promise.all([
      here(),
      pool.runParts(job, (result) =>
        finished({
          partial: result.partial,
          ingestAccounting: result.ingestAccounting as BatchAccounting,
          bytesRead: result.bytesRead,
        }),
      ),
    ]);
  } catch (error) {
    abandonFilePartsJob(job);
    throw error;
  } finally {
    await pool.close();
  }
  const ingestTotal = new AccountingTotal(maxDiagnostics);
  for (const accounting of ingestAccountings) ingestTotal.add(accounting);
  return {
    merged: merger.finish({ fillGaps: settings.fillGaps, timeZone: settings.aggregate.timeZone }),
    ingestAccounting: ingestTotal.toAccounting(),
    bytesRead,
  };
}
