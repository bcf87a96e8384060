import {
  type AggregatedLogWindow,
  FeatureVectorSchema,
  LOG_LEVELS,
  type LogEntry,
} from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractFeatures, extractFeaturesFromWindows } from "../src/index.js";
import { FIXED_NOW, logEntry, WINDOW_START, windowOf } from "./helpers.js";

const durationArbitrary = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 5000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
);

const logArbitrary: fc.Arbitrary<LogEntry> = fc
  .record({
    level: fc.constantFrom(...LOG_LEVELS),
    duration_ms: durationArbitrary,
    error_code: fc.constantFrom(null, "E1", "E2", "DB_TIMEOUT"),
    message: fc.constantFrom("a", "b", "c", "request handled", "DB timeout"),
    offset_ms: fc.integer({ min: 0, max: 299_999 }),
  })
  .map((fields) => logEntry(fields));

const logsArbitrary = fc.array(logArbitrary, { maxLength: 60 });

describe("feature properties", () => {
  it("every vector passes FeatureVectorSchema; rates in [0, 1]; median <= p95 <= max; counts <= total", () => {
    fc.assert(
      fc.property(logsArbitrary, (logs) => {
        const vector = extractFeatures(windowOf(logs), { now: FIXED_NOW });
        FeatureVectorSchema.parse(vector);
        expect(vector.error_rate).toBeGreaterThanOrEqual(0);
        expect(vector.error_rate).toBeLessThanOrEqual(1);
        expect(vector.warning_rate).toBeGreaterThanOrEqual(0);
        expect(vector.warning_rate).toBeLessThanOrEqual(1);
        expect(vector.error_count + vector.warning_count + vector.info_count).toBeLessThanOrEqual(
          vector.total_events,
        );
        expect(vector.total_events).toBe(logs.length);
        expect(vector.unique_messages).toBeLessThanOrEqual(vector.total_events);
        expect(vector.unique_error_codes).toBeLessThanOrEqual(vector.total_events);
        const durations = logs.flatMap((log) =>
          log.duration_ms === null ? [] : [log.duration_ms],
        );
        if (durations.length === 0) {
          expect(vector.median_duration_ms).toBeNull();
          expect(vector.p95_duration_ms).toBeNull();
          expect(vector.max_duration_ms).toBeNull();
        } else {
          const median = vector.median_duration_ms as number;
          const p95 = vector.p95_duration_ms as number;
          const max = vector.max_duration_ms as number;
          expect(Math.min(...durations)).toBeLessThanOrEqual(median);
          expect(median).toBeLessThanOrEqual(p95);
          expect(p95).toBeLessThanOrEqual(max);
          expect(max).toBe(Math.max(...durations));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("p95 lies between the two closest ranks D[floor h] and D[ceil h]", () => {
    fc.assert(
      fc.property(fc.array(durationArbitrary, { minLength: 1, maxLength: 80 }), (values) => {
        const durations = values.map((value) => value ?? 0);
        const logs = durations.map((duration_ms) => logEntry({ duration_ms }));
        const p95 = extractFeatures(windowOf(logs)).p95_duration_ms as number;
        const sorted = [...durations].sort((left, right) => left - right);
        const h = (sorted.length - 1) * 0.95;
        expect(p95).toBeGreaterThanOrEqual(sorted[Math.floor(h)] as number);
        expect(p95).toBeLessThanOrEqual(sorted[Math.ceil(h)] as number);
      }),
    );
  });

  it("retained logs, compact summary and both give identical vectors", () => {
    fc.assert(
      fc.property(logsArbitrary, (logs) => {
        const fromLogs = extractFeatures(windowOf(logs, "logs"), { now: FIXED_NOW });
        expect(extractFeatures(windowOf(logs, "summary"), { now: FIXED_NOW })).toEqual(fromLogs);
        expect(extractFeatures(windowOf(logs, "both"), { now: FIXED_NOW })).toEqual(fromLogs);
      }),
      { numRuns: 500 },
    );
  });

  it("the order of the logs does not change the features", () => {
    fc.assert(
      fc.property(logsArbitrary, fc.integer(), (logs, seed) => {
        const shuffled = [...logs];
        let state = seed >>> 0;
        for (let index = shuffled.length - 1; index > 0; index -= 1) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          const other = state % (index + 1);
          [shuffled[index], shuffled[other]] = [
            shuffled[other] as LogEntry,
            shuffled[index] as LogEntry,
          ];
        }
        expect(extractFeatures(windowOf(shuffled), { now: FIXED_NOW })).toEqual(
          extractFeatures(windowOf(logs), { now: FIXED_NOW }),
        );
      }),
    );
  });

  it("extractFeaturesFromWindows never throws on junk and loses nothing", () => {
    const junk = fc.oneof(
      fc.anything({
        withBigInt: true,
        withNullPrototype: true,
        withBoxedValues: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
      }),
      fc.constant(Symbol("junk")),
    );
    const junkWindow = fc.oneof(
      junk,
      fc.record({
        window_start: fc.oneof(fc.constant(WINDOW_START), junk),
        window_end: fc.oneof(fc.constant(WINDOW_START + 300_000), junk),
        window_size_seconds: fc.oneof(fc.constant(300), junk),
        service: fc.oneof(fc.constant("api-server"), junk),
        logs: fc.oneof(fc.constant(null), fc.array(junk, { maxLength: 3 })),
        summary: fc.oneof(fc.constant(null), junk),
      }),
      logsArbitrary.map((logs) => windowOf(logs)),
      fc
        .tuple(logsArbitrary, junk, fc.constantFrom(...Object.keys(logEntry())))
        .map(([logs, value, key]) =>
          windowOf(logs.length === 0 ? logs : [{ ...logs[0], [key]: value } as LogEntry, ...logs]),
        ),
    );
    fc.assert(
      fc.property(fc.array(junkWindow, { maxLength: 8 }), (windows) => {
        const result = extractFeaturesFromWindows(windows as AggregatedLogWindow[], {
          now: FIXED_NOW,
        });
        expect(result.features.length + result.skipped).toBe(windows.length);
        for (const vector of result.features) FeatureVectorSchema.parse(vector);
      }),
      { numRuns: 500 },
    );
  });

  it("same input, same output (byte-identical JSON with a fixed clock)", () => {
    fc.assert(
      fc.property(logsArbitrary, (logs) => {
        const first = extractFeaturesFromWindows([windowOf(logs)], { now: FIXED_NOW });
        const second = extractFeaturesFromWindows([windowOf(logs)], { now: FIXED_NOW });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
    );
  });
});
