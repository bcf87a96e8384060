import type { FeatureVector } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import {
  extractCountFeatures,
  extractDiversityFeatures,
  extractDurationFeatures,
  extractFeatures,
  extractRateFeatures,
} from "../src/index.js";
import {
  FIXED_NOW,
  FIXED_NOW_ISO,
  logEntry,
  logsWithDurations,
  type Storage,
  WINDOW_START,
  windowOf,
} from "./helpers.js";

const STORAGES: Storage[] = ["logs", "summary", "both"];

/** The features only (no window_start/service/metadata). */
function featuresOnly(vector: FeatureVector) {
  const { window_start: _start, service: _service, metadata: _metadata, ...features } = vector;
  return features;
}

describe.each(STORAGES)("extractFeatures, window stored as %s", (storage) => {
  it("n = 0: counts 0, rates 0.0 (not NaN), durations null, no messages", () => {
    const vector = extractFeatures(windowOf([], storage), { now: FIXED_NOW });
    expect(featuresOnly(vector)).toEqual({
      total_events: 0,
      error_count: 0,
      warning_count: 0,
      info_count: 0,
      error_rate: 0,
      warning_rate: 0,
      median_duration_ms: null,
      p95_duration_ms: null,
      max_duration_ms: null,
      unique_messages: 0,
      unique_error_codes: 0,
    });
  });

  it("n = 1: one ERROR with a duration is every statistic at once", () => {
    const logs = [logEntry({ level: "ERROR", duration_ms: 523, error_code: "DB_TIMEOUT" })];
    expect(featuresOnly(extractFeatures(windowOf(logs, storage), { now: FIXED_NOW }))).toEqual({
      total_events: 1,
      error_count: 1,
      warning_count: 0,
      info_count: 0,
      error_rate: 1,
      warning_rate: 0,
      median_duration_ms: 523,
      p95_duration_ms: 523,
      max_duration_ms: 523,
      unique_messages: 1,
      unique_error_codes: 1,
    });
  });

  it("levels: CRITICAL counts as an error, DEBUG only in the total", () => {
    const levels = [
      "DEBUG",
      "DEBUG",
      "DEBUG",
      "INFO",
      "INFO",
      "WARNING",
      "ERROR",
      "CRITICAL",
    ] as const;
    const logs = levels.map((level, index) => logEntry({ level, offset_ms: index }));
    const window = windowOf(logs, storage);
    // 8 logs: errors = 1 ERROR + 1 CRITICAL = 2; warnings 1; infos 2; 3 DEBUG appear only in n.
    expect(extractCountFeatures(window)).toEqual({
      total_events: 8,
      error_count: 2,
      warning_count: 1,
      info_count: 2,
    });
    // error_rate = 2 / 8 = 0.25, warning_rate = 1 / 8 = 0.125 (both exact in binary).
    expect(extractRateFeatures(window)).toEqual({ error_rate: 0.25, warning_rate: 0.125 });
  });

  it("rates are the IEEE quotient count / n: 1 / 3 and 2 / 3", () => {
    const logs = [
      logEntry({ level: "ERROR" }),
      logEntry({ level: "WARNING" }),
      logEntry({ level: "WARNING" }),
    ];
    expect(extractRateFeatures(windowOf(logs, storage))).toEqual({
      error_rate: 1 / 3,
      warning_rate: 2 / 3,
    });
  });

  it("all durations missing: the three duration features are null", () => {
    const logs = logsWithDurations([null, null, null]);
    expect(extractDurationFeatures(windowOf(logs, storage))).toEqual({
      median_duration_ms: null,
      p95_duration_ms: null,
      max_duration_ms: null,
    });
  });

  it("durations: only present ones count, order does not matter (odd |D|)", () => {
    // D = {5, 1, 3} sorted (1, 3, 5): median = D[1] = 3;
    // h = (3 - 1) * 0.95 = 1.9 -> 3 + 0.9 * (5 - 3) = 4.8 (numpy: 4.8); max 5.
    const logs = logsWithDurations([5, null, 1, 3, null]);
    expect(extractDurationFeatures(windowOf(logs, storage))).toEqual({
      median_duration_ms: 3,
      p95_duration_ms: 4.8,
      max_duration_ms: 5,
    });
  });

  it("durations: even |D| median is the mean of the two middle values", () => {
    // sorted (1, 3, 5, 8): median = (3 + 5) / 2 = 4;
    // h = 3 * 0.95 = 2.8499999999999996 (binary 0.95 is a little below 0.95)
    // -> 5 + 0.8499999999999996 * (8 - 5) = 7.549999999999999 (numpy prints the same).
    const logs = logsWithDurations([8, 1, 5, 3]);
    expect(extractDurationFeatures(windowOf(logs, storage))).toEqual({
      median_duration_ms: 4,
      p95_duration_ms: 7.549999999999999,
      max_duration_ms: 8,
    });
  });

  it("durations of 0 ms are present values, not missing ones", () => {
    const logs = logsWithDurations([0, 0, null]);
    expect(extractDurationFeatures(windowOf(logs, storage))).toEqual({
      median_duration_ms: 0,
      p95_duration_ms: 0,
      max_duration_ms: 0,
    });
  });

  it("diversity: distinct message hashes and distinct non-null error codes", () => {
    const logs = [
      logEntry({ message: "DB timeout", level: "ERROR", error_code: "DB_TIMEOUT" }),
      logEntry({ message: "DB timeout", level: "ERROR", error_code: "DB_TIMEOUT" }),
      logEntry({ message: "pool exhausted", level: "ERROR", error_code: "POOL" }),
      logEntry({ message: "request handled" }),
      logEntry({ message: "request handled", error_code: null }),
    ];
    expect(extractDiversityFeatures(windowOf(logs, storage))).toEqual({
      unique_messages: 3,
      unique_error_codes: 2,
    });
  });
});

describe("p95 (type 7) against numpy.percentile(D, 95)", () => {
  const cases: { title: string; durations: number[]; p95: number; median: number }[] = [
    // |D| = 1: h = 0 * 0.95 = 0 -> D[0]. numpy: 42.0
    { title: "1 value", durations: [42], p95: 42, median: 42 },
    // |D| = 2: h = 0.95 -> 100 + 0.95 * (200 - 100) = 195. numpy: 195.0; median (100+200)/2 = 150
    { title: "2 values", durations: [200, 100], p95: 195, median: 150 },
    // |D| = 20, D = 10, 20, ..., 200: h = 19 * 0.95 = 18.05 (the double is 18.050000000000000711)
    // -> D[18] + 0.05000000000000071 * (D[19] - D[18]) = 190 + 0.5000000000000071 = 190.5 after rounding.
    // numpy: 190.5; median (100 + 110) / 2 = 105
    {
      title: "20 values",
      durations: Array.from({ length: 20 }, (_, index) => 10 * (index + 1)),
      p95: 190.5,
      median: 105,
    },
    // |D| = 21, D = 1..21: h = 20 * 0.95 = 19 exactly -> D[19] = 20. numpy: 20.0; median D[10] = 11
    {
      title: "21 values",
      durations: Array.from({ length: 21 }, (_, index) => index + 1),
      p95: 20,
      median: 11,
    },
    // |D| = 20, unsorted with fractions; sorted D[18] = 88, D[19] = 100, h = 18.05:
    // 88 + 0.05000000000000071 * 12 = 88.60000000000001 (rounded). numpy: 88.60000000000001
    // median (12.5 + 15.75) / 2 = 14.125
    {
      title: "20 unsorted values with fractions",
      durations: [
        12.5, 3, 7.25, 100, 0, 41, 9, 9, 15.75, 60, 2, 33, 18, 27.5, 4, 11, 88, 6, 23, 50,
      ],
      p95: 88.60000000000001,
      median: 14.125,
    },
    // the same plus 75 (|D| = 21): h = 19 -> D[19] = 88. numpy: 88.0; median D[10] = 15.75
    {
      title: "21 unsorted values with fractions",
      durations: [
        12.5, 3, 7.25, 100, 0, 41, 9, 9, 15.75, 60, 2, 33, 18, 27.5, 4, 11, 88, 6, 23, 50, 75,
      ],
      p95: 88,
      median: 15.75,
    },
  ];
  it.each(cases)("$title", ({ durations, p95, median }) => {
    for (const storage of STORAGES) {
      const result = extractDurationFeatures(windowOf(logsWithDurations(durations), storage));
      expect(result.p95_duration_ms).toBe(p95);
      expect(result.median_duration_ms).toBe(median);
      expect(result.max_duration_ms).toBe(Math.max(...durations));
    }
  });
});

describe("FeatureVector identity and metadata", () => {
  const logs = [
    logEntry({ level: "WARNING", duration_ms: 12.5 }),
    logEntry({ offset_ms: 299_999 }),
  ];

  it("copies window_start and service and fills the metadata", () => {
    const vector = extractFeatures(windowOf(logs), { now: FIXED_NOW });
    expect(vector.window_start).toBe(WINDOW_START);
    expect(vector.service).toBe("api-server");
    expect(vector.metadata).toEqual({
      extraction_timestamp: FIXED_NOW_ISO,
      window_log_count: 2,
      window_end: "2025-02-07T10:20:00.000Z",
      window_size_seconds: 300,
    });
  });

  it("keys come in contract order", () => {
    const vector = extractFeatures(windowOf(logs), { now: FIXED_NOW });
    expect(Object.keys(vector)).toEqual([
      "window_start",
      "service",
      "total_events",
      "error_count",
      "warning_count",
      "info_count",
      "error_rate",
      "warning_rate",
      "median_duration_ms",
      "p95_duration_ms",
      "max_duration_ms",
      "unique_messages",
      "unique_error_codes",
      "metadata",
    ]);
  });

  it.each([
    ["epoch milliseconds", FIXED_NOW],
    ["a Date", new Date(FIXED_NOW)],
    ["a function returning a Date", () => new Date(FIXED_NOW)],
    ["a function returning milliseconds", () => FIXED_NOW],
  ])("accepts now as %s", (_title, now) => {
    expect(extractFeatures(windowOf(logs), { now }).metadata.extraction_timestamp).toBe(
      FIXED_NOW_ISO,
    );
  });

  it("defaults the clock to Date.now", () => {
    const before = Date.now();
    const stamp = Date.parse(extractFeatures(windowOf(logs)).metadata.extraction_timestamp);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ["NaN", Number.NaN],
    ["a fraction", 1.5],
    ["negative milliseconds", -1],
    ["an invalid Date", new Date("nope")],
    ["a string", "2025-02-07T12:00:00Z"],
    ["a function returning a string", () => "now"],
  ])("rejects now as %s with a ConfigError naming the option", (_title, now) => {
    expect(() => extractFeatures(windowOf(logs), { now: now as never })).toThrow(
      /Invalid option "now"/,
    );
  });

  it("rejects options that are not an object", () => {
    expect(() => extractFeatures(windowOf(logs), 5 as never)).toThrow(/Invalid option "options"/);
  });

  it("is pure: the same window and clock give deep-equal vectors and the window is untouched", () => {
    const window = windowOf(logs, "both");
    const before = structuredClone(window);
    expect(extractFeatures(window, { now: FIXED_NOW })).toEqual(
      extractFeatures(window, { now: FIXED_NOW }),
    );
    expect(window).toEqual(before);
  });
});
