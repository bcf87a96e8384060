import {
  type AggregatedLogWindow,
  type EpochMillis,
  LOG_LEVELS,
  type LogEntry,
} from "@logfeat/schema";
import { bench, describe } from "vitest";
import { extractFeaturesFromWindows } from "../src/index.js";
import { summarize } from "../test/helpers.js";

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

const SHAPES = [
  { name: "100k windows of 10 logs (1M logs)", windows: 100_000, logsPerWindow: 10 },
  { name: "10 windows of 100k logs (1M logs)", windows: 10, logsPerWindow: 100_000 },
];

for (const shape of SHAPES)
  describe(shape.name, () => {
    const data = corpus(shape.windows, shape.logsPerWindow);
    const storages = [
      ["logs retained", data.logs],
      ["summary only", data.summary],
      ["logs + summary", data.both],
    ] as const;
    for (const [name, windows] of storages)
      bench(
        name,
        () => {
          extractFeaturesFromWindows(windows, { now: NOW });
        },
        options,
      );
  });
