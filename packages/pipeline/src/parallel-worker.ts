import { parentPort, workerData } from "node:worker_threads";
import { JsonLineParser } from "@logfeat/ingestion";
import type { BatchAccounting, RawRecord, TextRawRecord } from "@logfeat/schema";
import { type ChunkAggregateOptions, type ChunkPartial, processChunk } from "./chunk-partial.js";
import { type FilePartRequest, processFilePart } from "./file-part.js";
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
  kind: "chunk";
  index: number;
  records: EncodedRecords;
  jsonLines: boolean;
}

/** A part of the input file for a worker thread to read and process itself. */
export interface PartRequest {
  kind: "part";
  part: FilePartRequest;
}

/** What the pool posts to a worker thread. */
export type WorkerRequest = ChunkRequest | PartRequest;

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

/** Posts a finished partial (logs encoded, buffers transferred). */
function reply(
  partial: ChunkPartial,
  ingestAccounting: BatchAccounting | null,
  bytesRead: number,
): void {
  const { message, transfer } = encodePartial(partial);
  parentPort?.postMessage({ ok: true, partial: message, ingestAccounting, bytesRead }, transfer);
}

function replyFailure(index: number, error: unknown): void {
  parentPort?.postMessage({
    ok: false,
    index,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}

/** Processes a part of the input file; the pool sends a worker its next part only after this reply. */
async function processPart(request: FilePartRequest): Promise<void> {
  try {
    const result = await processFilePart(request, processor, data.aggregate);
    reply(result.partial, result.ingestAccounting, result.bytesRead);
  } catch (error) {
    replyFailure(request.index, error);
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  if (request.kind === "part") {
    void processPart(request.part);
    return;
  }
  try {
    const { records, ingestAccounting } = readRecords(request);
    reply(processChunk(processor, records, request.index, data.aggregate), ingestAccounting, 0);
  } catch (error) {
    replyFailure(request.index, error);
  }
});
