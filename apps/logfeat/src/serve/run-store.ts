import { baselineFor, computeBaseline } from "@logfeat/features";
import { type PipelineOptions, type PipelineResult, runPipeline } from "@logfeat/pipeline";
import {
  type AggregatedLogWindow,
  type EpochMillis,
  encodeFeatureVector,
  FEATURE_NAMES,
  type FeatureStatisticsByName,
  type FeatureVector,
  formatInstant,
} from "@logfeat/schema";
import type {
  LogEntryJson,
  RunOptionsJson,
  RunProgressJson,
  RunSummaryJson,
  StatusJson,
  WindowResponseJson,
} from "./api-types.js";
import { HttpError } from "./http-io.js";
import type { RunOptionsRequest } from "./request-schemas.js";

/** A file the server may read: the command-line file or an upload in the server's own folder. */
export interface RunInput {
  /** Where the file is. */
  path: string;
  /** What the user calls it (its base name), shown instead of the path. */
  name: string;
  /** Called when a newer run replaces this input (removes an upload's file). */
  release?: () => Promise<void>;
}

/** A finished run as the store keeps it. */
interface StoredRun {
  input: RunInput;
  summary: RunSummaryJson;
  /** `JSON.stringify(summary)`, computed once. */
  summaryText: string;
  /** `service window_start` -> the window and its FeatureVector. */
  windows: Map<string, { window: AggregatedLogWindow; feature: FeatureVector }>;
}

/** The runs of one `logfeat serve`: at most one in progress, the last finished one kept. */
export interface RunStore {
  /**
   * Runs the pipeline on `input` with the defaults overridden by `request`
   * (logs always retained); on success the run becomes the current one and
   * its options the new defaults. A second run while one is in progress is a
   * 409 HttpError; bad options reject with the stage's ConfigError.
   */
  run(input: RunInput, request: RunOptionsRequest): Promise<RunSummaryJson>;
  /** Runs the current input again with other options (409 before the first run). */
  rerun(request: RunOptionsRequest): Promise<RunSummaryJson>;
  /** The current run, serialized (null before the first run). */
  currentText(): string | null;
  /** Options the next run uses where the request names none. */
  defaults(): RunOptionsJson;
  /** Whether a run is in progress, and the last failure. */
  status(): StatusJson;
  /**
   * One window of the current run and logs `offset .. offset + limit` of it;
   * 404 HttpError when the run has no such window.
   */
  window(service: string, start: EpochMillis, offset: number, limit: number): WindowResponseJson;
}

function windowKey(service: string, start: number): string {
  return `${service} ${start}`;
}

function summarize(
  id: number,
  input: RunInput,
  options: RunOptionsJson,
  result: PipelineResult,
  now: PipelineOptions["now"],
): RunSummaryJson {
  const examples = Object.fromEntries(
    Object.entries(result.details.examples_by_code).map(([code, list]) => [
      code,
      list.map((example) =>
        example.source === input.path ? { ...example, source: input.name } : example,
      ),
    ]),
  );
  const baseline = computeBaseline(result.features, {
    perService: true,
    ...(now === undefined ? {} : { now }),
  });
  const services = [...new Set(result.features.map((vector) => vector.service))].sort();
  const reference: Record<string, FeatureStatisticsByName> = {};
  for (const service of services)
    reference[service] = Object.fromEntries(
      FEATURE_NAMES.map((feature) => [feature, baselineFor(baseline, feature, service)]),
    );
  return {
    id,
    source: { name: input.name, bytes: result.details.bytes_read },
    options,
    ledger: result.ledger,
    details: { ...result.details, examples_by_code: examples },
    features: result.features.map(encodeFeatureVector),
    baseline,
    reference,
    services,
  };
}

function indexWindows(result: PipelineResult): StoredRun["windows"] {
  const windows = new Map<string, AggregatedLogWindow>();
  for (const window of result.windows)
    windows.set(windowKey(window.service, window.window_start), window);
  const index: StoredRun["windows"] = new Map();
  for (const feature of result.features) {
    const key = windowKey(feature.service, feature.window_start);
    const window = windows.get(key);
    if (window !== undefined) index.set(key, { window, feature });
  }
  return index;
}

/**
 * Creates the run store of a server. `base` holds the pipeline options of
 * the command line; the page may change `format`, `layout`, `windowSize` and
 * `timeZone` per run.
 */
export function createRunStore(base: PipelineOptions): RunStore {
  let defaults: RunOptionsJson = {
    format: base.format ?? "auto",
    layout: base.layout ?? "auto",
    windowSize: base.windowSizeSeconds ?? 300,
    timeZone: base.timeZone ?? "UTC",
  };
  let current: StoredRun | null = null;
  let running: RunProgressJson | null = null;
  let lastError: string | null = null;
  let runs = 0;

  async function run(input: RunInput, request: RunOptionsRequest): Promise<RunSummaryJson> {
    if (running !== null)
      throw new HttpError(409, `a run is in progress (${running.source}); try again when it ends`);
    const options: RunOptionsJson = {
      format: request.format ?? defaults.format,
      layout: request.layout ?? defaults.layout,
      windowSize: request.windowSize ?? defaults.windowSize,
      timeZone: request.timeZone ?? defaults.timeZone,
    };
    const progress: RunProgressJson = {
      source: input.name,
      bytes_read: 0,
      total_bytes: null,
      records: 0,
    };
    running = progress;
    let result: PipelineResult;
    try {
      result = await runPipeline(input.path, {
        ...base,
        format: options.format,
        layout: options.layout,
        windowSizeSeconds: options.windowSize,
        timeZone: options.timeZone,
        retainLogs: true,
        onProgress: (update) => {
          progress.bytes_read = update.bytesRead;
          progress.total_bytes = update.totalBytes;
          progress.records = update.records;
        },
      });
    } catch (error) {
      lastError = `${input.name}: ${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      running = null;
    }
    runs += 1;
    const summary = summarize(runs, input, options, result, base.now);
    const previous = current;
    current = {
      input,
      summary,
      summaryText: JSON.stringify(summary),
      windows: indexWindows(result),
    };
    defaults = options;
    lastError = null;
    if (previous !== null && previous.input.path !== input.path) await previous.input.release?.();
    return summary;
  }

  return {
    run,
    rerun(request) {
      if (current === null)
        return Promise.reject(new HttpError(409, "nothing to re-run yet: upload a log file first"));
      return run(current.input, request);
    },
    currentText: () => current?.summaryText ?? null,
    defaults: () => defaults,
    status: () => ({
      running: running === null ? null : { ...running },
      last_error: lastError,
      run_id: current?.summary.id ?? null,
    }),
    window(service, start, offset, limit) {
      const found = current?.windows.get(windowKey(service, start));
      if (current === null || found === undefined)
        throw new HttpError(
          404,
          `no window of service "${service}" starts at ${formatInstant(start)} in the current run`,
        );
      const name = current.input.name;
      const logs = found.window.logs ?? [];
      return {
        feature: encodeFeatureVector(found.feature),
        window_end: formatInstant(found.window.window_end),
        logs: logs.slice(offset, offset + limit).map(
          (entry): LogEntryJson => ({
            ...entry,
            timestamp: formatInstant(entry.timestamp),
            source: name,
          }),
        ),
        offset,
        total_logs: logs.length,
      };
    },
  };
}
