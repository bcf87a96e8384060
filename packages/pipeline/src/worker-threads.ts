import { Worker } from "node:worker_threads";

/** The script of the pipeline's worker threads (`parallel-worker.ts`). */
const WORKER_SCRIPT = new URL("./parallel-worker.js", import.meta.url);

/** The most threads a run uses (the `workers` option): the calling thread and up to 63 worker threads. */
export const MAX_WORKERS = 64;

/** The most worker threads a run uses (one of its `workers` is the calling thread). */
const MAX_PRESTARTED = MAX_WORKERS - 1;

/** Worker threads started ahead of a run and not yet handed to one. */
const prestarted: Worker[] = [];

/**
 * Starts `count` pipeline worker threads now, so that they load their
 * modules (about 0.2 s each) while the caller does other work, such as a CLI
 * loading its own modules; the next runs with `workers > 1` take them
 * instead of starting new ones. Idle prestarted threads do not keep the
 * process alive. `count` from 0 to 63 (threads already waiting count
 * towards it); this light module (`@logfeat/pipeline/workers`) loads no
 * stage, so calling it first costs nothing. Throws RangeError for another
 * count.
 */
export function prestartWorkers(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_PRESTARTED)
    throw new RangeError(
      `prestartWorkers: count must be an integer from 0 to ${MAX_PRESTARTED}, received ${count}`,
    );
  while (prestarted.length < count) {
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref();
    worker.once("error", () => {
      const index = prestarted.indexOf(worker);
      if (index !== -1) prestarted.splice(index, 1);
    });
    prestarted.push(worker);
  }
}

/** `count` worker threads for a run: prestarted ones first, new ones for the rest. */
export function takeWorkers(count: number): Worker[] {
  const workers = prestarted.splice(0, count);
  for (const worker of workers) worker.ref();
  while (workers.length < count) workers.push(new Worker(WORKER_SCRIPT));
  return workers;
}
