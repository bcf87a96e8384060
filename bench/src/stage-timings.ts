import { aggregateLogs } from "@logfeat/aggregation";
import { extractFeaturesFromWindows } from "@logfeat/features";
import { ingestLogs } from "@logfeat/ingestion";
import { createNormalizer } from "@logfeat/normalizers";
import { createParser } from "@logfeat/parsers";
import type { AggregatedLogWindow, LogEntry, ParsedLog, RawRecord } from "@logfeat/schema";

/** The stages timed one by one, in pipeline order. */
export const STAGES = [
  "ingestion",
  "parsing",
  "normalization",
  "aggregation",
  "aggregationNoRetain",
  "features",
] as const;
/** One timed stage (`aggregationNoRetain` is aggregation with `retainLogs: false`). */
export type Stage = (typeof STAGES)[number];

/** One stage's time on one run: `records` went in, it took `seconds`. */
export interface StageTiming {
  records: number;
  seconds: number;
}

/** The time of every stage on one run, plus the counts at the end. */
export interface StageRun {
  stages: Record<Stage, StageTiming>;
  entries: number;
  windows: number;
  features: number;
}

const collectGarbage: () => void =
  typeof globalThis.gc === "function" ? globalThis.gc : () => undefined;

function timed<Result>(run: () => Result): { result: Result; seconds: number } {
  collectGarbage();
  const started = performance.now();
  const result = run();
  return { result, seconds: (performance.now() - started) / 1000 };
}

/**
 * The entries of `path` (ingested, parsed and normalized like the pipeline
 * does, untimed): the input of the aggregation and features timings.
 */
export async function collectEntries(path: string, now: number): Promise<LogEntry[]> {
  const parser = createParser();
  const normalizer = createNormalizer({ referenceTime: now });
  const entries: LogEntry[] = [];
  for await (const chunk of ingestLogs(path).chunks())
    for (const entry of normalizer.normalizeBatch(parser.parseBatch(chunk).parsed).entries)
      entries.push(entry);
  return entries;
}

/**
 * Times every stage alone on `path` (performance.now around the stage's own
 * calls only; garbage collected before each phase when run with
 * `--expose-gc`). Ingestion, parsing and normalization stream chunk by chunk
 * as in the pipeline, each chunk's output dropped once the next stage has
 * read it: ingestion is the time spent awaiting `ingestLogs(path).chunks()`,
 * parsing `createParser().parseBatch` per chunk, normalization
 * `createNormalizer().normalizeBatch` per parsed chunk. Aggregation
 * (`aggregateLogs`, with and without `retainLogs`) and features
 * (`extractFeaturesFromWindows`) run on `entries` from `collectEntries`, held
 * in memory. `records` of each stage is what went in: raw records, raw
 * records, parsed logs, entries, entries, and the entries the windows hold
 * (so every figure is records/s through the stage, comparable with the
 * others). Holding a whole stage's output in memory instead would measure
 * the garbage collector: it copies every retained young object.
 */
export async function measureStages(
  path: string,
  now: number,
  entries: readonly LogEntry[],
): Promise<StageRun> {
  const parser = createParser();
  const normalizer = createNormalizer({ referenceTime: now });
  let rawCount = 0;
  let parsedCount = 0;
  let entryCount = 0;
  let ingestSeconds = 0;
  let parseSeconds = 0;
  let normalizeSeconds = 0;
  collectGarbage();
  const iterator = ingestLogs(path).chunks()[Symbol.asyncIterator]();
  for (;;) {
    const stepStarted = performance.now();
    const step = await iterator.next();
    const parseStarted = performance.now();
    ingestSeconds += parseStarted - stepStarted;
    if (step.done === true) break;
    const chunk: RawRecord[] = step.value;
    rawCount += chunk.length;
    const parsed: ParsedLog[] = parser.parseBatch(chunk).parsed;
    const normalizeStarted = performance.now();
    parseSeconds += normalizeStarted - parseStarted;
    parsedCount += parsed.length;
    entryCount += normalizer.normalizeBatch(parsed).entries.length;
    normalizeSeconds += performance.now() - normalizeStarted;
  }

  const withoutLogs = timed(() => aggregateLogs(entries, { retainLogs: false }).size);
  const aggregation = timed(() => aggregateLogs(entries));
  const windows: AggregatedLogWindow[] = aggregation.result.values();
  const features = timed(() => extractFeaturesFromWindows(windows, { now }).features.length);

  return {
    stages: {
      ingestion: { records: rawCount, seconds: ingestSeconds / 1000 },
      parsing: { records: rawCount, seconds: parseSeconds / 1000 },
      normalization: { records: parsedCount, seconds: normalizeSeconds / 1000 },
      aggregation: { records: entries.length, seconds: aggregation.seconds },
      aggregationNoRetain: { records: entries.length, seconds: withoutLogs.seconds },
      features: { records: entries.length, seconds: features.seconds },
    },
    entries: entryCount,
    windows: windows.length,
    features: features.result,
  };
}
