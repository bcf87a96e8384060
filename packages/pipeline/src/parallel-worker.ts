import { parentPort, workerData } from "node:worker_threads";
import { JsonLineParser } from "@logfeat/ingestion";
import type { BatchAccounting, RawRecord, TextRawRecord } from "@logfeat/schema";
import { type ChunkAggregateOptions, processChunk } from "./chunk-partial.js";
import { encodePartial } from "./partial-transport.js";
import { decodeRawRecords, type EncodedRecords } from "./raw-record-codec.js";
import { createRecordProcessor, type RecordProcessorOptions } from "./record-processor.js";

/** What the pool gives each worker thread at start. */
export interface ParallelWorkerData {
  processor: RecordProcessorOptions;
  aggregate: ChunkAggregateOptions;
}

/**
 * A chunk sent to a worker thread: its position in the input and its
 * records, encoded. `jsonLines`: the records are JSON Lines lines whose
 * JSON the worker reads (ingestion's `deferJsonParsing`).
 */
export interface ChunkRequest {
  index: number;
  records: EncodedRecords;
  jsonLines: boolean;
}

/** Records and the accounting of reading their JSON (null when they were not deferred JSON lines). */
function readRecords(request: ChunkRequest): {
  records: RawRecord[];
  ingestAccounting: BatchAccounting | null;
} {
  const records = decodeRawRecords(request.records);
  if (!request.jsonLines) return { records, ingestAccounting: null };
  const parsed: RawRecord[] = [];
  for (const record of records) {
    const json = jsonLines.parse(record as TextRawRecord);
    if (json !== null) parsed.push(json);
  }
  return { records: parsed, ingestAccounting: jsonLines.takeAccounting() };
}

const data = workerData as ParallelWorkerData;
const processor = createRecordProcessor(data.processor);
const jsonLines = new JsonLineParser({ maxDiagnostics: data.processor.maxDiagnostics });

parentPort?.on("message", (request: ChunkRequest) => {
  try {
    const { records, ingestAccounting } = readRecords(request);
    const partial = processChunk(processor, records, request.index, data.aggregate);
    const { message, transfer } = encodePartial(partial);
    parentPort?.postMessage({ ok: true, partial: message, ingestAccounting }, transfer);
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      index: request.index,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
