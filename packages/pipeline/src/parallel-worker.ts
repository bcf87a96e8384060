import { parentPort, workerData } from "node:worker_threads";
import { type ChunkAggregateOptions, processChunk } from "./chunk-partial.js";
import { createRecordProcessor, type RecordProcessorOptions } from "./record-processor.js";

/** What the pool gives each worker thread at start. */
export interface ParallelWorkerData {
  processor: RecordProcessorOptions;
  aggregate: ChunkAggregateOptions;
}

/** A chunk sent to a worker thread. */
export interface ChunkRequest {
  index: number;
  records: Parameters<typeof processChunk>[1];
}

const data = workerData as ParallelWorkerData;
const processor = createRecordProcessor(data.processor);

parentPort?.on("message", (request: ChunkRequest) => {
  try {
    parentPort?.postMessage({
      ok: true,
      partial: processChunk(processor, request.records, request.index, data.aggregate),
    });
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      index: request.index,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
