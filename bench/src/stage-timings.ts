import { aggregateLogs } from "@logfeat/aggregation";
import { extractFeaturesFromWindows } from "@logfeat/features";
import { ingestLogs } from "@logfeat/ingestion";
import { createNormalizer } from "@logfeat/normalizers";
import { createParser } from "@logfeat/parsers";
import type { AggregatedLogWindow, LogEntry, ParsedLog } from "@logfeat/schema";

/** The stages timed one by one, in pipeline order. */
export const STAGES = [
  "ingestion",
  "parsing",
  "normalization",
  "normalizationMixed",
  "aggregation",
  "aggregationNoRetain",
  "features",
] as const;
/**
 * One timed stage (`aggregationNoRetain` is aggregation with `retainLogs:
 * false`; `normalizationMixed` is normalization of the same parsed records
 * with mixed timestamp forms, 10% naive in Europe/Berlin: see
 * `mixed-timestamps.ts`).
 */
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

/** One run's figures from the streamed, the mixed-timestamp and the in-memory timings. */
export function stageRun(
  streamed: StreamedTimings,
  normalizationMixed: StageTiming,
  inMemory: InMemoryTimings,
): StageRun {
  return {
    stages: {
      ingestion: streamed.ingestion,
      parsing: streamed.parsing,
      normalization: streamed.normalization,
      normalizationMixed,
      aggregation: inMemory.aggregation,
      aggregationNoRetain: inMemory.aggregationNoRetain,
      features: inMemory.features,
    },
    entries: streamed.entries,
    windows: inMemory.windows,
    features: inMemory.featureCount,
  };
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

/** Which of the streamed stages a pass times. */
type StreamedStage = "ingestion" | "parsing" | "normalization";

/**
 * One streaming pass over `path`, chunk by chunk as in the pipeline, running
 * the stages up to `timedStage` and timing that one only (ingestion: the
 * whole loop, nothing else runs; parsing: `parseBatch` calls; normalization:
 * `normalizeBatch` calls). Each chunk's output is dropped once read.
 */
async function streamedPass(
  path: string,
  now: number,
  timedStage: StreamedStage,
): Promise<{ timing: StageTiming; entries: number }> {
  const parser = createParser();
  const normalizer = createNormalizer({ referenceTime: now });
  let records = 0;
  let entries = 0;
  let milliseconds = 0;
  collectGarbage();
  const passStarted = performance.now();
  for await (const chunk of ingestLogs(path).chunks()) {
    if (timedStage === "ingestion") {
      records += chunk.length;
      continue;
    }
    const parseStarted = performance.now();
    const parsed: ParsedLog[] = parser.parseBatch(chunk).parsed;
    if (timedStage === "parsing") {
      milliseconds += performance.now() - parseStarted;
      records += chunk.length;
      continue;
    }
    const normalizeStarted = performance.now();
    entries += normalizer.normalizeBatch(parsed).entries.length;
    milliseconds += performance.now() - normalizeStarted;
    records += parsed.length;
  }
  if (timedStage === "ingestion") milliseconds = performance.now() - passStarted;
  return { timing: { records, seconds: milliseconds / 1000 }, entries };
}

/** The streamed stages' timings of one run. */
export type StreamedTimings = Record<StreamedStage, StageTiming> & { entries: number };

/**
 * Times ingestion, parsing and normalization alone on `path`: three
 * streaming passes, chunk by chunk as in the pipeline, each chunk's output
 * dropped once the next stage has read it (garbage collected before each pass
 * when run with `--expose-gc`): ingestion alone (`ingestLogs(path).chunks()`,
 * nothing else), then ingestion + timed `createParser().parseBatch`, then
 * ingestion + parsing + timed `createNormalizer().normalizeBatch`. A stage's
 * time includes collecting the garbage of the stages before it. Holding a
 * whole stage's output in memory instead would mostly measure the garbage
 * collector copying retained young objects.
 */
export async function measureStreamedStages(path: string, now: number): Promise<StreamedTimings> {
  const ingestion = await streamedPass(path, now, "ingestion");
  const parsing = await streamedPass(path, now, "parsing");
  const normalization = await streamedPass(path, now, "normalization");
  return {
    ingestion: ingestion.timing,
    parsing: parsing.timing,
    normalization: normalization.timing,
    entries: normalization.entries,
  };
}

/** The in-memory stages' timings of one run. */
export interface InMemoryTimings {
  aggregation: StageTiming;
  aggregationNoRetain: StageTiming;
  features: StageTiming;
  windows: number;
  featureCount: number;
}

/**
 * Times aggregation (`aggregateLogs`, without then with `retainLogs`) and
 * features (`extractFeaturesFromWindows` on the retained windows) on entries
 * held in memory (from `collectEntries`). `records` is the number of entries
 * for all three, so every figure is records/s through the stage.
 */
export function measureInMemoryStages(entries: readonly LogEntry[], now: number): InMemoryTimings {
  const withoutLogs = timed(() => aggregateLogs(entries, { retainLogs: false }).size);
  const aggregation = timed(() => aggregateLogs(entries));
  const windows: AggregatedLogWindow[] = aggregation.result.values();
  const features = timed(() => extractFeaturesFromWindows(windows, { now }).features.length);
  return {
    aggregation: { records: entries.length, seconds: aggregation.seconds },
    aggregationNoRetain: { records: entries.length, seconds: withoutLogs.seconds },
    features: { records: entries.length, seconds: features.seconds },
    windows: windows.length,
    featureCount: features.result,
  };
}
