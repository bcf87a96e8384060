import {
  type AggregatedLogWindow,
  type EpochMillis,
  LOG_LEVELS,
  type LogEntry,
  type WindowSummary,
} from "@logfeat/schema";
import { bench, describe } from "vitest";
import { extractFeaturesFromWindows } from "../src/index.js";

const START = Date.UTC(2025, 1, 7) as EpochMillis;
const SIZE_MS = 300_000;
const NOW = Date.UTC(2025, 1, 8);
const HASHES = Array.from({ length: 50 }, (_, index) => index.toString(16).padStart(16, "0"));
const METADATA = HASHES.map((message_hash) => ({ message_hash }));

/** `count` realistic logs of `service` in the window at `windowStart` (70% with a duration, 5% errors). */
function makeLogs(service: string, windowStart: number, count: number, seed: number): LogEntry[] {
  const logs: LogEntry[] = new Array(count);
  let state = seed >>> 0;
  for (let index = 0; index < count; index += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const level = LOG_LEVELS[state % 20 === 0 ? 3 : state % 7 === 0 ? 2 : state % 11 === 0 ? 0 : 1];
    logs[index] = {
      timestamp: (windowStart + Math.floor((index * SIZE_MS) / count)) as EpochMillis,
      level: level ?? "INFO",
      service,
      message: "request handled",
      duration_ms: state % 10 < 7 ? (state % 100_000) / 100 : null,
      error_code: level === "ERROR" ? `E${state % 13}` : null,
      request_id: null,
      source: "bench.log",
      line: index + 1,
      metadata: METADATA[state % METADATA.length] as LogEntry["metadata"],
    };
  }
  return logs;
}

function summarize(logs: readonly LogEntry[]): WindowSummary {
  const level_counts = { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 0, CRITICAL: 0 };
  const durations: number[] = [];
  const message_hashes = new Set<string>();
  const error_codes = new Set<string>();
  for (const log of logs) {
    level_counts[log.level] += 1;
    if (log.duration_ms !== null) durations.push(log.duration_ms);
    message_hashes.add(log.metadata.message_hash);
    if (log.error_code !== null) error_codes.add(log.error_code);
  }
  return {
    total_events: logs.length,
    level_counts,
    durations_ms: Float64Array.from(durations),
    message_hashes,
    error_codes,
  };
}

interface Corpus {
  logs: AggregatedLogWindow[];
  summary: AggregatedLogWindow[];
  both: AggregatedLogWindow[];
}

function corpus(windowCount: number, logsPerWindow: number): Corpus {
  const result: Corpus = { logs: [], summary: [], both: [] };
  for (let index = 0; index < windowCount; index += 1) {
    const service = `svc-${index % 100}`;
    const windowStart = START + Math.floor(index / 100) * SIZE_MS;
    const logs = makeLogs(service, windowStart, logsPerWindow, index + 1);
    const summary = summarize(logs);
    const window = {
      window_start: windowStart as EpochMillis,
      window_end: (windowStart + SIZE_MS) as EpochMillis,
      window_size_seconds: 300,
      service,
    };
    result.logs.push({ ...window, logs, summary: null });
    result.summary.push({ ...window, logs: null, summary });
    result.both.push({ ...window, logs, summary });
  }
  return result;
}

const options = { time: 3000, iterations: 5, warmupIterations: 1 };

describe("100k windows of 10 logs (1M logs)", () => {
  const data = corpus(100_000, 10);
  bench(
    "logs retained",
    () => {
      extractFeaturesFromWindows(data.logs, { now: NOW });
    },
    options,
  );
  bench(
    "summary only",
    () => {
      extractFeaturesFromWindows(data.summary, { now: NOW });
    },
    options,
  );
  bench(
    "logs + summary",
    () => {
      extractFeaturesFromWindows(data.both, { now: NOW });
    },
    options,
  );
});

describe("10 windows of 100k logs (1M logs)", () => {
  const data = corpus(10, 100_000);
  bench(
    "logs retained",
    () => {
      extractFeaturesFromWindows(data.logs, { now: NOW });
    },
    options,
  );
  bench(
    "summary only",
    () => {
      extractFeaturesFromWindows(data.summary, { now: NOW });
    },
    options,
  );
  bench(
    "logs + summary",
    () => {
      extractFeaturesFromWindows(data.both, { now: NOW });
    },
    options,
  );
});
