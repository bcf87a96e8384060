import { parentPort, workerData } from "node:worker_threads";
import { type ChunkAggregateOptions, processChunk } from "./chunk-partial.js";
import { encodePartial } from "./partial-transport.js";
import { decodeRawRecords, type EncodedRecords } from "./raw-record-codec.js";
import { createRecordProcessor, type RecordProcessorOptions } from "./record-processor.js";

/** What the pool gives each worker thread at start. */
export interface ParallelWorkerData {
  processor: RecordProcessorOptions;
  aggregate: ChunkAggregateOptions;
}

/** A chunk sent to a worker thread: its position in the input and its records, encoded. */
export interface ChunkRequest {
  index: number;
  records: EncodedRecords;
}

const data = workerData as ParallelWorkerData;
const processor = createRecordProcessor(data.processor);

parentPort?.on("message", (request: ChunkRequest) => {
  try {
    const partial = processChunk(
      processor,
      decodeRawRecords(request.records),
      request.index,
      data.aggregate,
    );
    const { message, transfer } = encodePartial(partial);
    parentPort?.postMessage({ ok: true, partial: message }, transfer);
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      index: request.index,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
