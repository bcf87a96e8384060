import {
  type ChunkPartial,
  createChunkMerger,
  type PipelineResult,
  resultFromPartials,
} from "@logfeat/pipeline";
import type { BatchAccounting, EpochMillis } from "@logfeat/schema";
import { emptyAccounting } from "@logfeat/schema";
import type { Redis } from "ioredis";
import { formatFeatures, writeOutput } from "../feature-output.js";
import { outputFormatFrom, type PipelineFlags, pipelineOptionsFrom } from "../flags.js";
import { type CommandIo, exitCodeFor, reportRun } from "../run-command.js";
import { UsageError } from "../usage-error.js";
import { redisUrlFrom, secondsFlag } from "./distributed-flags.js";
import { compareEntryIds, type JobKeys, jobKeys } from "./job-keys.js";
import { type JobInput, type JobSpec, META } from "./job-spec.js";
import { isComplete, type JobState, readJobState, sleep } from "./job-store.js";
import { decodePartial } from "./partial-codec.js";
import { connectRedis, maskRedisUrl } from "./redis-connection.js";

/** Diagnostic code of a stored partial that cannot be read (its records are unknown). */
export const MALFORMED_PARTIAL = "malformed_partial";
/** How often collect looks at an unfinished job. */
const POLL_MS = 250;
/** Partials fetched per HMGET. */
const PAGE = 256;

type Values = Record<string, string | boolean | undefined>;

/** Batch numbers 0..batches-1 without a partial (HLEN counts keys that may not be batch numbers). */
async function missingBatches(redis: Redis, keys: JobKeys, batches: number): Promise<number> {
  const present = new Set(await redis.hkeys(keys.partials));
  let missing = 0;
  for (let batch = 0; batch < batches; batch += 1) if (!present.has(String(batch))) missing += 1;
  return missing;
}

/** Waits until every batch has a partial; UsageError when the job failed, vanished or time ran out. */
async function waitForCompletion(
  redis: Redis,
  keys: JobKeys,
  deadline: number,
  io: CommandIo,
  quiet: boolean,
): Promise<JobState & { spec: JobSpec; input: JobInput }> {
  const showProgress = !quiet && io.stderr.isTTY === true;
  let shown = false;
  for (;;) {
    const state = await readJobState(redis, keys);
    if (state.problem !== null) throw new UsageError(`job cannot finish: ${state.problem}`);
    if (state.spec !== null && state.input !== null && isComplete(state)) {
      const missing = await missingBatches(redis, keys, state.input.batches);
      if (missing === 0) {
        if (shown) io.stderr.write("\r\x1b[2K");
        return state as JobState & { spec: JobSpec; input: JobInput };
      }
      state.done = state.input.batches - missing;
    }
    if (performance.now() >= deadline) {
      const total = state.input === null ? "? (submit still running)" : String(state.input.batches);
      throw new UsageError(
        `timed out waiting for the job (--timeout): ${state.done} of ${total} batches processed${state.spec === null ? "; the job was never submitted" : ""}`,
      );
    }
    if (showProgress) {
      const total = state.input === null ? "?" : String(state.input.batches);
      io.stderr.write(`\r\x1b[2Kwaiting for workers: ${state.done} / ${total} batches`);
      shown = true;
    }
    await sleep(POLL_MS);
  }
}

/** The accounting standing in for a partial that cannot be read: one note saying so. */
function unreadablePartial(
  name: string,
  reason: string,
  keys: JobKeys,
  maxDiagnostics: number,
): BatchAccounting {
  const diagnostic = {
    stage: "aggregation" as const,
    code: MALFORMED_PARTIAL,
    message: `the partial of ${name} cannot be read (${reason}); its records are missing from the result`,
    source: keys.partials,
    line: null,
  };
  const kept = maxDiagnostics > 0 ? [diagnostic] : [];
  return {
    skipped: 0,
    skippedByCode: {},
    notedByCode: { [MALFORMED_PARTIAL]: 1 },
    diagnostics: kept,
    diagnosticsOmitted: 1 - kept.length,
  };
}

/**
 * Reads the partials of batches 0..batches-1 in order, then the notes of
 * stream entries that were not batches (by entry id), and merges them like one pass.
 */
async function mergeStoredPartials(
  redis: Redis,
  keys: JobKeys,
  spec: JobSpec,
  state: JobState & { spec: JobSpec; input: JobInput },
  now: number | undefined,
): Promise<PipelineResult> {
  const merger = createChunkMerger(spec.maxDiagnostics);
  const add = (index: number, name: string, text: string | null | undefined): void => {
    const partial: ChunkPartial | string =
      text === null || text === undefined ? "it vanished" : decodePartial(text, index);
    merger.add(
      typeof partial !== "string"
        ? partial
        : {
            index,
            records: 0,
            parsed: 0,
            parseAccounting: unreadablePartial(name, partial, keys, spec.maxDiagnostics),
            normalizeAccounting: emptyAccounting(),
            windows: [],
          },
    );
  };
  const batches = state.input.batches;
  for (let start = 0; start < batches; start += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, batches - start) }, (_, offset) =>
      String(start + offset),
    );
    const texts = await redis.hmget(keys.partials, ...page);
    for (const [offset, batch] of page.entries())
      add(start + offset, `batch ${batch}`, texts[offset]);
  }
  const rejects = Object.entries(await redis.hgetall(keys.rejects)).sort(([a], [b]) =>
    compareEntryIds(a, b),
  );
  for (const [offset, [entryId, text]] of rejects.entries())
    add(batches + offset, `entry ${entryId}`, text);
  const merged = merger.finish({ fillGaps: spec.fillGaps, timeZone: spec.timeZone ?? "UTC" });
  const completedAt = state.completedAt ?? Date.now();
  return resultFromPartials(merged, {
    ingestAccounting: state.input.ingestAccounting,
    bytesRead: state.input.bytesRead,
    referenceTime: {
      instant: spec.referenceTime as EpochMillis,
      source: spec.referenceTimeSource,
    },
    defaultService: spec.defaultService,
    now: now ?? spec.now ?? Date.now(),
    maxDiagnostics: spec.maxDiagnostics,
    elapsedMs: Math.max(0, completedAt - spec.submittedAt),
  });
}

/**
 * `logfeat collect --redis <url> --job <id> [--output jsonl|csv|table] [--out f]
 * [--now ISO] [--json-summary f] [--diagnostics f] [--strict] [--quiet] [--timeout s]`:
 * waits until every batch has a partial, merges the partials in input order
 * and writes what `logfeat run` writes for the same input and options: the
 * FeatureVectors, the ledger on stderr, the JSON summary and diagnostics.
 * Collecting again gives the same output (the job stays until its keys expire).
 */
export async function collectCommand(
  values: Values,
  positionals: readonly string[],
  io: CommandIo,
): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError(`collect: takes no input files, received ${positionals.join(" ")}`);
  const url = redisUrlFrom(values);
  const id = values["job"] as string | undefined;
  const keys = jobKeys(id);
  const format = outputFormatFrom(values);
  const out = typeof values["out"] === "string" ? values["out"] : undefined;
  const now = pipelineOptionsFrom({ now: values["now"] }).pipeline.now as number | undefined;
  const timeout = secondsFlag(values, "timeout", Number.POSITIVE_INFINITY);
  const deadline = performance.now() + timeout * 1000;
  const flags: PipelineFlags = {
    pipeline: {},
    jsonSummary: typeof values["json-summary"] === "string" ? values["json-summary"] : undefined,
    diagnostics: typeof values["diagnostics"] === "string" ? values["diagnostics"] : undefined,
    strict: values["strict"] === true,
    quiet: values["quiet"] === true,
  };
  const redis = await connectRedis(url, `logfeat-collect-${id}`);
  let result: PipelineResult;
  try {
    const state = await waitForCompletion(redis, keys, deadline, io, flags.quiet);
    await redis.hsetnx(keys.meta, META.completedAt, String(Date.now()));
    const completedAt = Number(await redis.hget(keys.meta, META.completedAt));
    result = await mergeStoredPartials(
      redis,
      keys,
      state.spec,
      { ...state, completedAt: Number.isFinite(completedAt) ? completedAt : null },
      now,
    );
    const expire = state.spec.expireAfterSeconds;
    await redis
      .multi()
      .expire(keys.meta, expire)
      .expire(keys.partials, expire)
      .expire(keys.stream, expire)
      .expire(keys.rejects, expire)
      .exec();
    const expected = state.input.records + state.input.ingestAccounting.skipped;
    if (result.ledger.records_in !== expected)
      io.stderr.write(
        `logfeat: warning: job "${id}" on ${maskRedisUrl(url)} was submitted with ${expected} records but its partials account for ${result.ledger.records_in}\n`,
      );
  } finally {
    redis.disconnect();
  }
  await reportRun(result, flags, io);
  await writeOutput(formatFeatures(result.features, format), out);
  return exitCodeFor(result, flags);
}
