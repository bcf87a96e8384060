import { hostname } from "node:os";
import type { Redis } from "ioredis";
import type { CommandIo } from "../run-command.js";
import { UsageError } from "../usage-error.js";
import { createBatchWorker, type EntryFields } from "./batch-worker.js";
import { redisUrlFrom, secondsFlag } from "./distributed-flags.js";
import { type JobKeys, jobKeys, WORKER_GROUP } from "./job-keys.js";
import type { JobSpec } from "./job-spec.js";
import { META } from "./job-spec.js";
import { ensureWorkerGroup, isComplete, readJobState, sleep } from "./job-store.js";
import { encodePartial } from "./partial-codec.js";
import { connectRedis, maskRedisUrl } from "./redis-connection.js";

/** Default `--claim-after`: seconds a batch may stay unacknowledged before others take it over. */
export const DEFAULT_CLAIM_AFTER_SECONDS = 30;
/** How long one XREADGROUP waits for a new batch before the worker looks at the job again. */
const BLOCK_MS = 500;
/** How often a worker without a job yet looks for it. */
const POLL_MS = 250;

type Values = Record<string, string | boolean | undefined>;
type Entry = [string, EntryFields | null];

const CONSUMER_NAME = /^[A-Za-z0-9._:@-]{1,128}$/;

/** What a worker did, for its last line. */
interface WorkerCounts {
  batches: number;
  records: number;
  claimed: number;
}

/** Waits until submit has stored the job's options; UsageError when the job failed or time ran out. */
async function waitForSpec(redis: Redis, keys: JobKeys, deadline: number): Promise<JobSpec> {
  for (;;) {
    const state = await readJobState(redis, keys);
    if (state.problem !== null) throw new UsageError(`job cannot run: ${state.problem}`);
    if (state.spec !== null) return state.spec;
    if (performance.now() >= deadline)
      throw new UsageError("timed out waiting for the job to be submitted (--timeout)");
    await sleep(POLL_MS);
  }
}

/** Entries of an XREADGROUP / XAUTOCLAIM reply (deleted entries come with null fields). */
function entriesOf(reply: unknown): Entry[] {
  if (!Array.isArray(reply)) return [];
  return reply.filter((item): item is Entry => Array.isArray(item) && typeof item[0] === "string");
}

/**
 * The loop of one consumer: its own unacknowledged batches first (after a
 * restart under the same name), then batches other consumers left pending
 * longer than `claimAfterMs` (XAUTOCLAIM), then new ones (XREADGROUP). Each
 * partial is stored under its batch number (HSETNX: the first one stays),
 * acknowledged and the entry deleted in one transaction, so a batch
 * processed twice (a stalled worker finishing after its batch was claimed)
 * is stored once. Ends when the job is complete.
 */
async function consume(
  redis: Redis,
  keys: JobKeys,
  spec: JobSpec,
  name: string,
  claimAfterMs: number,
  deadline: number,
): Promise<WorkerCounts> {
  const worker = createBatchWorker(spec, keys.stream);
  const counts: WorkerCounts = { batches: 0, records: 0, claimed: 0 };
  const claimEveryMs = Math.min(1000, Math.max(100, claimAfterMs / 4));
  let ownPending = true;
  let claimCursor = "0-0";
  let lastClaim = Number.NEGATIVE_INFINITY;
  let knownBatches: number | null = null;

  const publish = async (entry: Entry): Promise<void> => {
    const [id, fields] = entry;
    const transaction = redis.multi();
    if (fields !== null) {
      const { batch, partial } = worker.process(id, fields);
      const target = batch === null ? keys.rejects : keys.partials;
      counts.batches += 1;
      counts.records += partial.records;
      transaction
        .hsetnx(target, batch === null ? id : String(batch), encodePartial(partial))
        .expire(target, spec.expireAfterSeconds);
    }
    const replies = await transaction
      .xack(keys.stream, WORKER_GROUP, id)
      .xdel(keys.stream, id)
      .hlen(keys.partials)
      .exec();
    const failed = replies?.find(([error]) => error !== null);
    if (failed !== undefined) throw failed[0];
    const done = Number(replies?.at(-1)?.[1]);
    if (knownBatches === null)
      knownBatches = (await readJobState(redis, keys)).input?.batches ?? null;
    if (knownBatches !== null && done >= knownBatches)
      await redis.hsetnx(keys.meta, META.completedAt, String(Date.now()));
  };

  for (;;) {
    if (performance.now() >= deadline)
      throw new UsageError("timed out before the job was complete (--timeout)");
    let entries: Entry[] = [];
    if (ownPending) {
      const reply = (await redis.xreadgroup(
        "GROUP",
        WORKER_GROUP,
        name,
        "COUNT",
        16,
        "STREAMS",
        keys.stream,
        "0",
      )) as [string, unknown][] | null;
      entries = entriesOf(reply?.[0]?.[1]);
      if (entries.length === 0) ownPending = false;
    }
    if (entries.length === 0 && performance.now() - lastClaim >= claimEveryMs) {
      lastClaim = performance.now();
      const reply = (await redis.xautoclaim(
        keys.stream,
        WORKER_GROUP,
        name,
        Math.round(claimAfterMs),
        claimCursor,
        "COUNT",
        16,
      )) as [string, unknown, unknown];
      claimCursor = reply[0];
      entries = entriesOf(reply[1]);
      counts.claimed += entries.filter(([, fields]) => fields !== null).length;
    }
    if (entries.length === 0) {
      const reply = (await redis.xreadgroup(
        "GROUP",
        WORKER_GROUP,
        name,
        "COUNT",
        1,
        "BLOCK",
        BLOCK_MS,
        "STREAMS",
        keys.stream,
        ">",
      )) as [string, unknown][] | null;
      entries = entriesOf(reply?.[0]?.[1]);
    }
    for (const entry of entries) await publish(entry);
    if (entries.length === 0) {
      const state = await readJobState(redis, keys);
      if (state.problem !== null) throw new UsageError(`job cannot finish: ${state.problem}`);
      if (state.spec === null) throw new UsageError("the job's keys are gone (expired or deleted)");
      if (isComplete(state)) return counts;
    }
  }
}

/**
 * `logfeat worker --redis <url> --job <id> [--name <consumer>] [--claim-after 30] [--timeout s]`:
 * one member of the job's consumer group; waits for the job if it is not
 * submitted yet, processes batches until every batch has a partial, then exits 0.
 */
export async function workerCommand(
  values: Values,
  positionals: readonly string[],
  io: CommandIo,
): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError(
      `worker: takes no input files (submit sends them), received ${positionals.join(" ")}`,
    );
  const url = redisUrlFrom(values);
  const id = values["job"] as string | undefined;
  const keys = jobKeys(id);
  const name = typeof values["name"] === "string" ? values["name"] : `${hostname()}-${process.pid}`;
  if (!CONSUMER_NAME.test(name))
    throw new UsageError(
      `--name: expected 1 to 128 letters, digits, ".", "_", ":", "@" or "-", received "${name}"`,
    );
  const claimAfterMs = secondsFlag(values, "claim-after", DEFAULT_CLAIM_AFTER_SECONDS) * 1000;
  const timeout = secondsFlag(values, "timeout", Number.POSITIVE_INFINITY);
  const deadline = performance.now() + timeout * 1000;
  const quiet = values["quiet"] === true;
  const started = performance.now();
  const redis = await connectRedis(url, `logfeat-worker-${name}`);
  try {
    const spec = await waitForSpec(redis, keys, deadline);
    await ensureWorkerGroup(redis, keys);
    const counts = await consume(redis, keys, spec, name, claimAfterMs, deadline);
    await redis.xgroup("DELCONSUMER", keys.stream, WORKER_GROUP, name).catch(() => undefined);
    if (!quiet)
      io.stderr.write(
        `worker "${name}": ${counts.batches} batches (${counts.records} records, ${counts.claimed} claimed from stalled workers) in ${((performance.now() - started) / 1000).toFixed(1)} s; job "${id}" on ${maskRedisUrl(url)} is complete\n`,
      );
    return 0;
  } finally {
    redis.disconnect();
  }
}
