import { parentPort } from "node:worker_threads";
import { JsonLineParser } from "@logfeat/ingestion";
import type { BatchAccounting, RawRecord, TextRawRecord } from "@logfeat/schema";
import { type ChunkAggregateOptions, type ChunkPartial, processChunk } from "./chunk-partial.js";
import { type FilePartsJob, processFilePart, takeFilePart } from "./file-part.js";
import { encodePartial } from "./partial-transport.js";
import { decodeRawRecords, type EncodedRecords } from "./raw-record-codec.js";
import {
  createRecordProcessor,
  type RecordProcessor,
  type RecordProcessorOptions,
} from "./record-processor.js";

/** What the pool gives each worker thread before any work: the run's options. */
export interface ParallelWorkerData {
  processor: RecordProcessorOptions;
  aggregate: ChunkAggregateOptions;
}

/** The first message a worker thread gets (it may have been started before the run, see `prestartWorkers`). */
export interface ConfigureRequest {
  kind: "configure";
  data: ParallelWorkerData;
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

/** The parts of the input file for a worker thread to take, read and process until none is left. */
export interface PartsRequest {
  kind: "parts";
  job: FilePartsJob;
}

/** What the pool posts to a worker thread. */
export type WorkerRequest = ConfigureRequest | ChunkRequest | PartsRequest;

/** A configured worker thread: the run's options, its processor and JSON Lines reader. */
interface RunState {
  data: ParallelWorkerData;
  processor: RecordProcessor;
  jsonLines: JsonLineParser;
}

/** Records and the accounting of reading their JSON (null when they were not deferred JSON lines). */
function readRecords(
  request: ChunkRequest,
  state: RunState,
): { records: RawRecord[]; ingestAccounting: BatchAccounting | null } {
  const records = decodeRawRecords(request.records);
  if (!request.jsonLines) return { records, ingestAccounting: null };
  const parsed: RawRecord[] = [];
  for (const record of records) {
    const json = state.jsonLines.parse(record as TextRawRecord);
    if (json !== null) parsed.push(json);
  }
  return { records: parsed, ingestAccounting: state.jsonLines.takeAccounting() };
}

/** Posts a finished partial (logs encoded, buffers transferred). */
function reply(
  partial: ChunkPartial,
  ingestAccounting: BatchAccounting | null,
  bytesRead: number,
): void {
  const { message, transfer } = encodePartial(partial);
  parentPort?.postMessage(
    { kind: "result", ok: true, partial: message, ingestAccounting, bytesRead },
    transfer,
  );
}

function replyFailure(index: number, error: unknown): void {
  parentPort?.postMessage({
    kind: "result",
    ok: false,
    index,
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}

/**
 * Takes parts of the job until none is left, posting each part's result,
 * then `parts-done`; on a failure, posts it and stops.
 */
async function processParts(job: FilePartsJob, state: RunState): Promise<void> {
  for (let index = takeFilePart(job); index !== null; index = takeFilePart(job)) {
    try {
      const result = await processFilePart(job, index, state.processor, state.data.aggregate);
      reply(result.partial, result.ingestAccounting, result.bytesRead);
    } catch (error) {
      replyFailure(index, error);
      return;
    }
  }
  parentPort?.postMessage({ kind: "parts-done" });
}

let state: RunState | null = null;

parentPort?.on("message", (request: WorkerRequest) => {
  if (request.kind === "configure") {
    state = {
      data: request.data,
      processor: createRecordProcessor(request.data.processor),
      jsonLines: new JsonLineParser({ maxDiagnostics: request.data.processor.maxDiagnostics }),
    };
    return;
  }
  const index = request.kind === "parts" ? -1 : request.index;
  if (state === null) {
    replyFailure(index, new Error("worker thread got work before its configuration"));
    return;
  }
  if (request.kind === "parts") {
    void processParts(request.job, state);
    return;
  }
  try {
    const { records, ingestAccounting } = readRecords(request, state);
    reply(processChunk(state.processor, records, index, state.data.aggregate), ingestAccounting, 0);
  } catch (error) {
    replyFailure(index, error);
  }
});
