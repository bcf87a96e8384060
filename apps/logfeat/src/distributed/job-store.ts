import type { Redis } from "ioredis";
import { type JobKeys, WORKER_GROUP } from "./job-keys.js";
import {
  type JobInput,
  JobInputSchema,
  type JobSpec,
  JobSpecSchema,
  META,
  parseStored,
} from "./job-spec.js";

/** Creates the job's consumer group (and its stream) reading from the start; an existing group is kept. */
export async function ensureWorkerGroup(redis: Redis, keys: JobKeys): Promise<void> {
  try {
    await redis.xgroup("CREATE", keys.stream, WORKER_GROUP, "0", "MKSTREAM");
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("BUSYGROUP")) throw error;
  }
}

/** Where a job stands, as read from its meta hash and partials. */
export interface JobState {
  /** The job's options, null before submit stored them (or when unreadable: see `problem`). */
  spec: JobSpec | null;
  /** The end-of-input totals, null while submit is still sending batches. */
  input: JobInput | null;
  /** Batches that have a partial. */
  done: number;
  /** Why the job cannot finish (submit failed, stored options unreadable), else null. */
  problem: string | null;
  /** When `collect` first saw the job complete (epoch ms), else null. */
  completedAt: number | null;
}

/** Reads a job's state in one round trip. */
export async function readJobState(redis: Redis, keys: JobKeys): Promise<JobState> {
  const [meta, done] = (await redis
    .multi()
    .hmget(keys.meta, META.spec, META.input, META.failed, META.completedAt)
    .hlen(keys.partials)
    .exec()) as [[Error | null, (string | null)[]], [Error | null, number]];
  if (meta[0] !== null) throw meta[0];
  if (done[0] !== null) throw done[0];
  const [specText, inputText, failed, completedAt] = meta[1];
  const spec = parseStored(JobSpecSchema, specText);
  let problem = failed ?? null;
  if (problem === null && specText !== null && specText !== undefined && spec === null)
    problem =
      "its stored options are unreadable (written by another logfeat version, or not by logfeat)";
  return {
    spec,
    input: parseStored(JobInputSchema, inputText),
    done: done[1],
    problem,
    completedAt: completedAt === null || completedAt === undefined ? null : Number(completedAt),
  };
}

/** True when submit has marked the end of input and every batch has a partial. */
export function isComplete(state: JobState): boolean {
  return state.input !== null && state.done >= state.input.batches;
}

/** Resolves after `milliseconds`. */
export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
