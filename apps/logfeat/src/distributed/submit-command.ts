import { createAggregator } from "@logfeat/aggregation";
import { ingestLogs, type LogSource } from "@logfeat/ingestion";
import {
  createRecordProcessor,
  defaultServiceFor,
  type PipelineOptions,
  resolveReferenceTime,
} from "@logfeat/pipeline";
import {
  DEFAULT_MAX_DIAGNOSTICS,
  emptyAccounting,
  mergeAccounting,
  type RawRecord,
} from "@logfeat/schema";
import type { Redis } from "ioredis";
import { pipelineOptionsFrom } from "../flags.js";
import { createProgressReporter } from "../progress.js";
import type { CommandIo } from "../run-command.js";
import { UsageError } from "../usage-error.js";
import { BATCH_FIELDS, encodeBatch, splitBySourceAndFormat } from "./batch-codec.js";
import { redisUrlFrom, rejectFlagsNotForSubmit, secondsFlag } from "./distributed-flags.js";
import { DEFAULT_EXPIRE_AFTER_SECONDS, type JobKeys, jobKeys } from "./job-keys.js";
import { JOB_FORMAT_VERSION, type JobInput, type JobSpec, META } from "./job-spec.js";
import { ensureWorkerGroup } from "./job-store.js";
import { connectRedis, maskRedisUrl } from "./redis-connection.js";

/** Records per batch (stream entry) unless `--chunk-size` says otherwise. */
export const DEFAULT_BATCH_RECORDS = 1000;
/** XADDs sent before waiting for their replies. */
const IN_FLIGHT = 64;

type Values = Record<string, string | boolean | undefined>;

/**
 * Checks the run options the way `run` does before reading anything, and
 * turns them into the job's spec (reference time resolved from the first
 * input, default service per input).
 */
async function jobSpecFrom(
  options: PipelineOptions,
  inputs: readonly string[],
  sources: readonly LogSource<RawRecord>[],
  expireAfterSeconds: number,
): Promise<JobSpec> {
  if (
    options.allowedLatenessSeconds !== undefined &&
    Number.isFinite(options.allowedLatenessSeconds)
  )
    throw new UsageError(
      "--allowed-lateness: a distributed run emits every window at the end of input; leave it unset",
    );
  const first = inputs[0] as string;
  const referenceTime = await resolveReferenceTime(
    options.referenceTime,
    first === "-" ? null : first,
    Date.now(),
  );
  const defaultServices: Record<string, string | null> = {};
  inputs.forEach((input, index) => {
    const sourceName = (sources[index] as LogSource<RawRecord>).sourceName;
    defaultServices[sourceName] =
      options.defaultService === undefined
        ? defaultServiceFor(input === "-" ? "<stdin>" : input)
        : options.defaultService;
  });
  const spec: JobSpec = {
    version: JOB_FORMAT_VERSION,
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.levelScheme === undefined ? {} : { levelScheme: options.levelScheme }),
    ...(options.messageHash === undefined ? {} : { messageHash: options.messageHash }),
    referenceTime: referenceTime.instant,
    referenceTimeSource: referenceTime.source,
    defaultServices,
    defaultService: defaultServices[(sources[0] as LogSource<RawRecord>).sourceName] ?? null,
    windowSizeSeconds: options.windowSizeSeconds ?? 300,
    fillGaps: options.fillGaps ?? false,
    maxDiagnostics: options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS,
    now: typeof options.now === "number" ? options.now : null,
    expireAfterSeconds,
    submittedAt: Date.now(),
  };
  // The stages validate their options now, so a bad value fails before Redis sees the job.
  createRecordProcessor({
    ...(spec.layout === undefined ? {} : { layout: spec.layout }),
    ...(spec.timeZone === undefined ? {} : { timeZone: spec.timeZone }),
    ...(spec.levelScheme === undefined ? {} : { levelScheme: spec.levelScheme }),
    ...(spec.messageHash === undefined ? {} : { messageHash: spec.messageHash }),
    referenceTime: referenceTime.instant,
    defaultService: spec.defaultService,
    maxDiagnostics: spec.maxDiagnostics,
  });
  createAggregator({
    windowSizeSeconds: spec.windowSizeSeconds,
    ...(spec.timeZone === undefined ? {} : { timeZone: spec.timeZone }),
    fillGaps: spec.fillGaps,
  });
  return spec;
}

/**
 * `logfeat submit <file|->... --redis <url> --job <id> [run options]`: stores
 * the job's options, appends the inputs' raw records to the job's stream in
 * batches (`--chunk-size`, default 1000 records), then marks the end of input
 * with the totals. Progress on a TTY, one summary line at the end.
 */
export async function submitCommand(
  values: Values,
  positionals: readonly string[],
  io: CommandIo,
): Promise<number> {
  if (positionals.length === 0)
    throw new UsageError("submit: missing input file (a path, or - for stdin)");
  if (positionals.filter((input) => input === "-").length > 1)
    throw new UsageError("submit: stdin (-) can be read once only");
  rejectFlagsNotForSubmit(values);
  const url = redisUrlFrom(values);
  const id = values["job"] as string | undefined;
  const keys = jobKeys(id);
  const expireAfter = Math.ceil(secondsFlag(values, "expire-after", DEFAULT_EXPIRE_AFTER_SECONDS));
  const quiet = values["quiet"] === true;
  const options = pipelineOptionsFrom(values).pipeline;
  const batchSize = options.chunkSize ?? DEFAULT_BATCH_RECORDS;
  const sources = positionals.map((input) =>
    ingestLogs(input === "-" ? io.stdin : input, {
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      chunkSize: batchSize,
      ...(options.maxDiagnostics === undefined ? {} : { maxDiagnostics: options.maxDiagnostics }),
    }),
  );
  const spec = await jobSpecFrom(options, positionals, sources, expireAfter);

  const redis = await connectRedis(url, `logfeat-submit-${id}`);
  try {
    const created = await redis.hsetnx(keys.meta, META.spec, JSON.stringify(spec));
    if (created === 0)
      throw new UsageError(
        `submit: job "${id}" already exists on ${maskRedisUrl(url)}; choose another --job (a job's keys expire ${expireAfter} s after its last activity)`,
      );
    const input = await sendJob(redis, keys, sources, spec, batchSize, io, quiet);
    if (!quiet)
      io.stderr.write(
        `submitted job "${id}": ${input.records} records in ${input.batches} batches to ${maskRedisUrl(url)}\n` +
          `  workers: logfeat worker --redis <url> --job ${id}   result: logfeat collect --redis <url> --job ${id}\n`,
      );
    return 0;
  } finally {
    redis.disconnect();
  }
}

/**
 * Sends the batches of a job whose spec is stored, then the end-of-input
 * marker. When reading the input fails, the job is marked failed (workers and
 * collect stop with that message) and the error rethrown.
 */
async function sendJob(
  redis: Redis,
  keys: JobKeys,
  sources: readonly LogSource<RawRecord>[],
  spec: JobSpec,
  batchSize: number,
  io: CommandIo,
  quiet: boolean,
): Promise<JobInput> {
  const expire = spec.expireAfterSeconds;
  try {
    await redis.expire(keys.meta, expire);
    await ensureWorkerGroup(redis, keys);
    await redis.expire(keys.stream, expire);
    const input = await sendBatches(redis, keys.stream, sources, spec, batchSize, io, quiet);
    await redis
      .multi()
      .hset(keys.meta, META.input, JSON.stringify(input))
      .expire(keys.meta, expire)
      .expire(keys.stream, expire)
      .expire(keys.partials, expire)
      .expire(keys.rejects, expire)
      .exec();
    return input;
  } catch (error) {
    await redis
      .hset(keys.meta, META.failed, `submit failed: ${(error as Error).message}`)
      .catch(() => undefined);
    throw error;
  }
}

/** Appends every input's records to the stream in batches of `batchSize`; returns the end-of-input totals. */
async function sendBatches(
  redis: Redis,
  stream: string,
  sources: readonly LogSource<RawRecord>[],
  spec: JobSpec,
  batchSize: number,
  io: CommandIo,
  quiet: boolean,
): Promise<JobInput> {
  const started = performance.now();
  const progress = createProgressReporter(io.stderr, !quiet);
  let batches = 0;
  let records = 0;
  let bytesRead = 0;
  let ingestAccounting = emptyAccounting();
  let inFlight: Promise<unknown>[] = [];
  const send = async (batch: readonly RawRecord[]): Promise<void> => {
    for (const run of splitBySourceAndFormat(batch)) {
      const added = redis.xadd(
        stream,
        "*",
        BATCH_FIELDS.seq,
        String(batches),
        BATCH_FIELDS.count,
        String(run.length),
        BATCH_FIELDS.records,
        encodeBatch(run),
      );
      // Failures surface at Promise.all; this keeps them from being "unhandled" meanwhile.
      added.catch(() => undefined);
      inFlight.push(added);
      batches += 1;
      records += run.length;
    }
    if (inFlight.length >= IN_FLIGHT) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  };
  for (const source of sources) {
    let pending: RawRecord[] = [];
    for await (const chunk of source.chunks()) {
      pending = pending.length === 0 ? chunk : pending.concat(chunk);
      while (pending.length >= batchSize) {
        await send(pending.slice(0, batchSize));
        pending = pending.slice(batchSize);
      }
      progress.update({
        bytesRead: bytesRead + source.bytesRead,
        totalBytes: source.totalBytes,
        records: records + pending.length,
        elapsedMs: performance.now() - started,
      });
    }
    if (pending.length > 0) await send(pending);
    bytesRead += source.bytesRead;
    ingestAccounting = mergeAccounting(ingestAccounting, source.accounting(), spec.maxDiagnostics);
  }
  await Promise.all(inFlight);
  progress.done();
  return { batches, records, bytesRead, ingestAccounting };
}
