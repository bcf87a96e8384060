import type { Worker } from "node:worker_threads";
import type { BatchAccounting, RawRecord } from "@logfeat/schema";
import type { ChunkPartial } from "./chunk-partial.js";
import type { FilePartsJob } from "./file-part.js";
import type {
  ChunkRequest,
  ConfigureRequest,
  ParallelWorkerData,
  PartsRequest,
} from "./parallel-worker.js";
import { decodePartial, type PartialMessage } from "./partial-transport.js";
import { encodeRawRecords, transferablesOf } from "./raw-record-codec.js";
import { takeWorkers } from "./worker-threads.js";

type Reply =
  | {
      kind: "result";
      ok: true;
      partial: PartialMessage;
      ingestAccounting: BatchAccounting | null;
      bytesRead: number;
    }
  | { kind: "result"; ok: false; index: number; message: string }
  | { kind: "parts-done" };

/** The parts job the workers are on: where their results go and how many are still taking parts. */
interface PartsRun {
  onResult: (result: ChunkResult) => void;
  running: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * What a worker gives back for a chunk or a file part: its partial; the
 * ingestion accounting of a part, or of reading a chunk's deferred JSON
 * lines (else null); the bytes a part read (0 for a chunk).
 */
export interface ChunkResult {
  partial: ChunkPartial;
  ingestAccounting: BatchAccounting | null;
  bytesRead: number;
}

interface Pending {
  resolve: (result: ChunkResult) => void;
  reject: (error: Error) => void;
}

/**
 * worker_threads that parse, normalize and aggregate chunks of records, or
 * parts of the input file they read themselves (`parallel-worker.ts`).
 * Chunks go round-robin and each worker answers in the order it was sent
 * work, so its replies resolve its queue in order; file parts are taken by
 * the workers themselves from a shared counter (`runParts`). Records
 * and retained logs cross threads encoded (`raw-record-codec.ts`,
 * `partial-transport.ts`): a few strings and transferred typed arrays per
 * chunk rather than one cloned object per record.
 */
export class ChunkWorkerPool {
  private readonly workers: Worker[];
  private readonly queues: Pending[][];
  private next = 0;
  private failure: Error | null = null;
  private partsRun: PartsRun | null = null;

  /** Takes `count` workers (prestarted ones first, see `prestartWorkers`) and gives them the run's options. */
  constructor(count: number, data: ParallelWorkerData) {
    this.workers = [];
    this.queues = [];
    for (const worker of takeWorkers(count)) {
      const configure: ConfigureRequest = { kind: "configure", data };
      worker.postMessage(configure);
      const queue: Pending[] = [];
      worker.on("message", (reply: Reply) => {
        if (this.partsRun !== null) {
          this.partsReply(reply);
          return;
        }
        if (reply.kind === "parts-done") return;
        const pending = queue.shift();
        if (pending === undefined) return;
        if (reply.ok)
          pending.resolve({
            partial: decodePartial(reply.partial),
            ingestAccounting: reply.ingestAccounting,
            bytesRead: reply.bytesRead,
          });
        else pending.reject(new Error(`worker failed on part ${reply.index}: ${reply.message}`));
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`worker thread exited with code ${code}`));
      });
      this.workers.push(worker);
      this.queues.push(queue);
    }
  }

  /**
   * Sends a chunk to the next worker; resolves with its result. `jsonLines`:
   * the records are JSON Lines lines to read (ingestion's `deferJsonParsing`).
   */
  submit(index: number, records: readonly RawRecord[], jsonLines: boolean): Promise<ChunkResult> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const slot = this.next;
    this.next = (this.next + 1) % this.workers.length;
    return new Promise((resolve, reject) => {
      (this.queues[slot] as Pending[]).push({ resolve, reject });
      const request: ChunkRequest = {
        kind: "chunk",
        index,
        records: encodeRawRecords(records),
        jsonLines,
      };
      (this.workers[slot] as Worker).postMessage(request, transferablesOf(request.records));
    });
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /**
   * Has every worker take parts of `job` until none is left (they take them
   * from the job's shared counter, as the calling thread may meanwhile);
   * `onResult` gets each part's result as it arrives. Resolves once every
   * worker has run out of parts; rejects at the first failure.
   */
  runParts(job: FilePartsJob, onResult: (result: ChunkResult) => void): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.workers.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.partsRun = { onResult, running: this.workers.length, resolve, reject };
      const request: PartsRequest = { kind: "parts", job };
      for (const worker of this.workers) worker.postMessage(request);
    });
  }

  private partsReply(reply: Reply): void {
    const run = this.partsRun as PartsRun;
    if (reply.kind === "parts-done") {
      run.running -= 1;
      if (run.running === 0) {
        this.partsRun = null;
        run.resolve();
      }
    } else if (reply.ok)
      run.onResult({
        partial: decodePartial(reply.partial),
        ingestAccounting: reply.ingestAccounting,
        bytesRead: reply.bytesRead,
      });
    else this.fail(new Error(`worker failed on part ${reply.index}: ${reply.message}`));
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const run = this.partsRun;
    if (run !== null) {
      this.partsRun = null;
      run.reject(error);
    }
    for (const queue of this.queues) for (const pending of queue.splice(0)) pending.reject(error);
  }
}
