import { describe, expect, it } from "vitest";
import {
  aggregateLogs,
  mergeSummaries,
  mergeWindowMaps,
  mergeWindows,
  summarizeLogs,
} from "../src/index.js";
import { makeEntry } from "./entries.js";

describe("mergeWindows", () => {
  const a = aggregateLogs([
    makeEntry({ timestamp: 2000, line: 1, duration_ms: 9 }),
    makeEntry({ timestamp: 1000, line: 2, error_code: "E1" }),
  ]).values()[0]!;
  const b = aggregateLogs([
    makeEntry({ timestamp: 2000, line: 3, duration_ms: 1 }),
    makeEntry({ timestamp: 500, line: 4, level: "ERROR", error_code: "E2" }),
  ]).values()[0]!;

  it("merges logs by timestamp with a's entries first on ties, and merges summaries", () => {
    const merged = mergeWindows(a, b);
    expect(merged.logs?.map((entry) => entry.line)).toEqual([4, 2, 1, 3]);
    expect(merged.summary).toEqual(summarizeLogs(merged.logs ?? []));
    expect(merged.summary?.durations_ms).toEqual(new Float64Array([1, 9]));
    expect(merged.summary?.error_codes).toEqual(new Set(["E1", "E2"]));
  });

  it("gives logs: null when either side has no logs", () => {
    const summaryOnly = { ...b, logs: null };
    const merged = mergeWindows(a, summaryOnly);
    expect(merged.logs).toBeNull();
    expect(merged.summary?.total_events).toBe(4);
  });

  it("summarizes logs of a window that has no summary", () => {
    expect(mergeWindows({ ...a, summary: null }, b).summary).toEqual(mergeWindows(a, b).summary);
  });

  it("does not change its inputs", () => {
    mergeWindows(a, b);
    expect(a.logs?.map((entry) => entry.line)).toEqual([2, 1]);
    expect(a.summary?.total_events).toBe(2);
  });

  it("rejects windows of different keys", () => {
    expect(() => mergeWindows(a, { ...b, service: "db" })).toThrow(/windows/);
    expect(() => mergeWindows(a, { ...b, window_end: (b.window_end + 1) as never })).toThrow(
      /window_end/,
    );
  });
});

describe("summaries", () => {
  it("summarizeLogs of nothing is all zeros", () => {
    expect(summarizeLogs([])).toEqual({
      total_events: 0,
      level_counts: { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 0, CRITICAL: 0 },
      durations_ms: new Float64Array(0),
      message_hashes: new Set(),
      error_codes: new Set(),
    });
  });

  it.each([
    ["whole milliseconds", [30, 5, 0, 12], [0, 5, 12, 30]],
    ["a fraction after 40 whole values", [...range(40, 1), 0.5], [0.5, ...range(40, 1)]],
    ["values past 65,535 ms", [65_535, 3, 65_536, 1], [1, 3, 65_535, 65_536]],
    ["values past 2^32 - 1 ms", [2 ** 32, 7, 2 ** 32 - 1], [7, 2 ** 32 - 1, 2 ** 32]],
    ["a fraction after a value past 65,535", [70_000, 2, 0.25], [0.25, 2, 70_000]],
    ["a fraction first, then whole values", [2.25, 1, 3], [1, 2.25, 3]],
  ])("keeps every duration exactly (%s), sorted, as a Float64Array", (_name, input, sorted) => {
    const summary = summarizeLogs(
      input.map((duration, index) => makeEntry({ timestamp: index, duration_ms: duration })),
    );
    expect(summary.durations_ms).toBeInstanceOf(Float64Array);
    expect([...summary.durations_ms]).toEqual(sorted);
  });

  it("mergeSummaries equals the summary of the concatenation", () => {
    const first = [
      makeEntry({ timestamp: 1, duration_ms: 3, level: "WARNING" }),
      makeEntry({ timestamp: 2, duration_ms: 1 }),
    ];
    const second = [
      makeEntry({ timestamp: 3, duration_ms: 2, metadata: { message_hash: "00000000000000ab" } }),
    ];
    expect(mergeSummaries(summarizeLogs(first), summarizeLogs(second))).toEqual(
      summarizeLogs([...first, ...second]),
    );
  });
});

describe("mergeWindowMaps", () => {
  it("fills gaps between partitions when asked", () => {
    const first = aggregateLogs([makeEntry({ timestamp: 0 })], { windowSizeSeconds: 60 });
    const second = aggregateLogs([makeEntry({ timestamp: 180_000 })], { windowSizeSeconds: 60 });
    expect(mergeWindowMaps([first, second]).size).toBe(2);
    const filled = mergeWindowMaps([first, second], { fillGaps: true });
    expect(filled.values().map((window) => window.summary?.total_events)).toEqual([1, 0, 0, 1]);
  });

  it("rejects gap filling over windows of different sizes", () => {
    const first = aggregateLogs([makeEntry({ timestamp: 0 })], { windowSizeSeconds: 60 });
    const second = aggregateLogs([makeEntry({ timestamp: 0, service: "db" })]);
    expect(() => mergeWindowMaps([first, second], { fillGaps: true })).toThrow(/one size/);
  });

  it("merges nothing into an empty map", () => {
    expect(mergeWindowMaps([]).size).toBe(0);
  });
});

/** `count` whole numbers from `first` up. */
function range(count: number, first: number): number[] {
  return Array.from({ length: count }, (_, index) => first + index);
}
