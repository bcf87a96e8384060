import { UsageError } from "../usage-error.js";

/** The consumer group every worker of a job joins. */
export const WORKER_GROUP = "logfeat-workers";

/** Default lifetime of a job's keys after its last activity: 7 days, in seconds. */
export const DEFAULT_EXPIRE_AFTER_SECONDS = 7 * 24 * 60 * 60;

/** The Redis keys of one job; each carries the job id. */
export interface JobKeys {
  /** Stream of raw record batches (`logfeat:job:<id>:stream`). */
  stream: string;
  /** Hash: batch number (`seq`) -> partial (JSON) (`logfeat:job:<id>:partials`). */
  partials: string;
  /**
   * Hash: stream entry id -> note (JSON) for entries that are not batches of
   * the job (no readable `seq`) (`logfeat:job:<id>:rejects`).
   */
  rejects: string;
  /** Hash: options, input totals, timestamps (`logfeat:job:<id>:meta`). */
  meta: string;
}

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The keys of job `id`. Ids are 1 to 128 letters, digits, `.`, `_`, `:` or
 * `-`, starting with a letter or digit; anything else is a UsageError.
 */
export function jobKeys(id: string | undefined): JobKeys {
  if (id === undefined)
    throw new UsageError("--job: missing (a job id such as nightly-2025-02-07)");
  if (!JOB_ID.test(id))
    throw new UsageError(
      `--job: expected 1 to 128 letters, digits, ".", "_", ":" or "-" (starting with a letter or digit), received "${id}"`,
    );
  const prefix = `logfeat:job:${id}`;
  return {
    stream: `${prefix}:stream`,
    partials: `${prefix}:partials`,
    rejects: `${prefix}:rejects`,
    meta: `${prefix}:meta`,
  };
}

/**
 * Orders two stream entry ids (`<ms>-<seq>`) as Redis does: by time, then
 * sequence. Ids that are not in that form sort after the others, as strings.
 */
export function compareEntryIds(a: string, b: string): number {
  const [timeA, sequenceA] = splitEntryId(a);
  const [timeB, sequenceB] = splitEntryId(b);
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  if (sequenceA !== sequenceB) return sequenceA < sequenceB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const MAX_ID_PART = 2n ** 64n;

function splitEntryId(id: string): [bigint, bigint] {
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(id);
  if (match === null) return [MAX_ID_PART, MAX_ID_PART];
  return [BigInt(match[1] as string), BigInt(match[2] as string)];
}
