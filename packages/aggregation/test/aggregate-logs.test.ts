import { AggregatedLogWindowSchema } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { aggregateLogs, WindowMap, windowKey } from "../src/index.js";
import { at, makeEntry } from "./entries.js";

describe("aggregateLogs", () => {
  it("groups by (window_start, service) and orders windows by start, then service", () => {
    const windows = aggregateLogs([
      makeEntry({ timestamp: "2025-02-07T10:16:00.000Z", service: "db", line: 1 }),
      makeEntry({ timestamp: "2025-02-07T10:15:00.000Z", service: "api", line: 2 }),
      makeEntry({ timestamp: "2025-02-07T10:10:00.000Z", service: "db", line: 3 }),
      makeEntry({ timestamp: "2025-02-07T10:19:59.999Z", service: "api", line: 4 }),
      makeEntry({ timestamp: "2025-02-07T10:14:59.999Z", service: "api", line: 5 }),
    ]);
    expect(windows.keys()).toEqual([
      "2025-02-07T10:10:00.000Z|api",
      "2025-02-07T10:10:00.000Z|db",
      "2025-02-07T10:15:00.000Z|api",
      "2025-02-07T10:15:00.000Z|db",
    ]);
    expect(windows.values().map((window) => window.logs?.map((entry) => entry.line))).toEqual([
      [5],
      [3],
      [2, 4],
      [1],
    ]);
    for (const window of windows) {
      expect(AggregatedLogWindowSchema.safeParse(window).success).toBe(true);
      expect(window.window_size_seconds).toBe(300);
    }
  });

  it("sorts logs by timestamp and keeps input order for equal timestamps", () => {
    const windows = aggregateLogs([
      makeEntry({ timestamp: "2025-02-07T10:17:00.000Z", line: 1 }),
      makeEntry({ timestamp: "2025-02-07T10:16:00.000Z", line: 2 }),
      makeEntry({ timestamp: "2025-02-07T10:17:00.000Z", line: 3 }),
      makeEntry({ timestamp: "2025-02-07T10:15:00.000Z", line: 4 }),
      makeEntry({ timestamp: "2025-02-07T10:17:00.000Z", line: 5 }),
      makeEntry({ timestamp: "2025-02-07T10:16:00.000Z", line: 6 }),
    ]);
    expect(windows.size).toBe(1);
    expect(windows.values()[0]?.logs?.map((entry) => entry.line)).toEqual([4, 2, 6, 1, 3, 5]);
  });

  it("keeps services apart even with equal timestamps", () => {
    const timestamp = "2025-02-07T10:15:00.000Z";
    const windows = aggregateLogs([
      makeEntry({ timestamp, service: "api", line: 1 }),
      makeEntry({ timestamp, service: "auth", line: 2 }),
      makeEntry({ timestamp, service: "api", line: 3 }),
    ]);
    expect(windows.get(at(timestamp), "api")?.logs?.map((entry) => entry.line)).toEqual([1, 3]);
    expect(windows.get(at(timestamp), "auth")?.logs?.map((entry) => entry.line)).toEqual([2]);
    for (const window of windows)
      expect(window.logs?.every((entry) => entry.service === window.service)).toBe(true);
  });

  it("puts an entry at a window's end into the next window", () => {
    const windows = aggregateLogs(
      [
        makeEntry({ timestamp: "2025-02-07T10:00:59.999Z" }),
        makeEntry({ timestamp: "2025-02-07T10:01:00.000Z" }),
      ],
      { windowSizeSeconds: 60 },
    );
    expect(windows.values().map((window) => [window.window_start, window.window_end])).toEqual([
      [at("2025-02-07T10:00:00.000Z"), at("2025-02-07T10:01:00.000Z")],
      [at("2025-02-07T10:01:00.000Z"), at("2025-02-07T10:02:00.000Z")],
    ]);
  });

  it("fills the summary: level counts, sorted durations, distinct hashes and error codes", () => {
    const windows = aggregateLogs([
      makeEntry({ timestamp: 1000, level: "ERROR", duration_ms: 30, error_code: "E1" }),
      makeEntry({ timestamp: 2000, level: "ERROR", duration_ms: 10, error_code: "E1" }),
      makeEntry({ timestamp: 3000, level: "WARNING", duration_ms: 20.5 }),
      makeEntry({
        timestamp: 4000,
        level: "DEBUG",
        metadata: { message_hash: "00000000000000ff" },
      }),
      makeEntry({ timestamp: 5000, level: "CRITICAL", error_code: "E2" }),
      makeEntry({ timestamp: 6000 }),
    ]);
    expect(windows.values()[0]?.summary).toEqual({
      total_events: 6,
      level_counts: { DEBUG: 1, INFO: 1, WARNING: 1, ERROR: 2, CRITICAL: 1 },
      durations_ms: new Float64Array([10, 20.5, 30]),
      message_hashes: new Set(["0000000000000001", "00000000000000ff"]),
      error_codes: new Set(["E1", "E2"]),
    });
  });

  it("keeps only the summary with retainLogs: false", () => {
    const entries = [
      makeEntry({ timestamp: 1000, duration_ms: 5 }),
      makeEntry({ timestamp: 400_000, level: "ERROR" }),
    ];
    const retained = aggregateLogs(entries);
    const summarized = aggregateLogs(entries, { retainLogs: false });
    expect(summarized.values().map((window) => window.logs)).toEqual([null, null]);
    expect(summarized.values().map((window) => window.summary)).toEqual(
      retained.values().map((window) => window.summary),
    );
    for (const window of summarized)
      expect(AggregatedLogWindowSchema.safeParse(window).success).toBe(true);
  });

  it("returns an empty map for no entries", () => {
    const windows = aggregateLogs([]);
    expect(windows.size).toBe(0);
    expect(windows.values()).toEqual([]);
  });

  it("accepts any iterable, e.g. a generator", () => {
    function* entries() {
      yield makeEntry({ timestamp: 1000 });
      yield makeEntry({ timestamp: 2000 });
    }
    expect(aggregateLogs(entries()).values()[0]?.summary?.total_events).toBe(2);
  });
});

describe("fillGaps", () => {
  const entries = [
    makeEntry({ timestamp: "2025-02-07T10:00:10.000Z", service: "api" }),
    makeEntry({ timestamp: "2025-02-07T10:15:10.000Z", service: "api" }),
    makeEntry({ timestamp: "2025-02-07T10:05:10.000Z", service: "db" }),
    makeEntry({ timestamp: "2025-02-07T10:25:10.000Z", service: "auth" }),
  ];

  it("adds empty windows per service between its first and last window only", () => {
    const windows = aggregateLogs(entries, { fillGaps: true });
    expect(windows.keys()).toEqual([
      "2025-02-07T10:00:00.000Z|api",
      "2025-02-07T10:05:00.000Z|api",
      "2025-02-07T10:05:00.000Z|db",
      "2025-02-07T10:10:00.000Z|api",
      "2025-02-07T10:15:00.000Z|api",
      "2025-02-07T10:25:00.000Z|auth",
    ]);
    const gap = windows.get(at("2025-02-07T10:05:00.000Z"), "api");
    expect(gap).toMatchObject({
      window_end: at("2025-02-07T10:10:00.000Z"),
      window_size_seconds: 300,
      logs: [],
      summary: { total_events: 0, durations_ms: new Float64Array(0) },
    });
    expect(AggregatedLogWindowSchema.safeParse(gap).success).toBe(true);
  });

  it("gives gap windows logs: null without retained logs", () => {
    const windows = aggregateLogs(entries, { fillGaps: true, retainLogs: false });
    expect(windows.get(at("2025-02-07T10:10:00.000Z"), "api")?.logs).toBeNull();
    expect(windows.get(at("2025-02-07T10:10:00.000Z"), "api")?.summary?.total_events).toBe(0);
  });

  it("fills local days across a DST change", () => {
    const windows = aggregateLogs(
      [
        makeEntry({ timestamp: "2025-03-29T12:00:00.000Z" }),
        makeEntry({ timestamp: "2025-04-01T12:00:00.000Z" }),
      ],
      { windowSizeSeconds: 86400, timeZone: "Europe/Berlin", fillGaps: true },
    );
    expect(
      windows.values().map((window) => (window.window_end - window.window_start) / 3_600_000),
    ).toEqual([24, 23, 24, 24]);
    expect(windows.values().map((window) => window.summary?.total_events)).toEqual([1, 0, 0, 1]);
  });

  it("adds nothing when there are no gaps", () => {
    expect(aggregateLogs(entries.slice(0, 1), { fillGaps: true }).size).toBe(1);
  });
});

describe("WindowMap", () => {
  const windows = aggregateLogs([
    makeEntry({ timestamp: "2025-02-07T10:15:30.000Z", service: "api-server" }),
    makeEntry({ timestamp: "2025-02-07T10:15:31.000Z", service: "api" }),
    makeEntry({ timestamp: "2025-02-07T10:10:00.000Z", service: "zeta" }),
  ]);

  it("keys windows with windowKey and keeps key order = window order", () => {
    expect(windowKey(at("2025-02-07T10:15:00.000Z"), "api-server")).toBe(
      "2025-02-07T10:15:00.000Z|api-server",
    );
    expect(windows.keys()).toEqual([
      "2025-02-07T10:10:00.000Z|zeta",
      "2025-02-07T10:15:00.000Z|api",
      "2025-02-07T10:15:00.000Z|api-server",
    ]);
    expect([...windows.keys()].sort()).toEqual(windows.keys());
  });

  it("offers get, has, size, values, entries and iteration", () => {
    const start = at("2025-02-07T10:15:00.000Z");
    expect(windows.size).toBe(3);
    expect(windows.get(start, "api")?.service).toBe("api");
    expect(windows.get(start, "nope")).toBeUndefined();
    expect(windows.has(start, "api-server")).toBe(true);
    expect(windows.has(at("2025-02-07T10:20:00.000Z"), "api")).toBe(false);
    expect([...windows]).toEqual(windows.values());
    expect(windows.entries().map(([key]) => key)).toEqual(windows.keys());
  });

  it("is also a plain record of windows (Object.values / keys / index)", () => {
    expect(Object.values(windows)).toEqual(windows.values());
    expect(Object.keys(windows)).toEqual(windows.keys());
    expect(windows["2025-02-07T10:15:00.000Z|api"]).toBe(windows.values()[1]);
  });

  it("returns copies from values() and keys()", () => {
    windows.values().pop();
    windows.keys().pop();
    expect(windows.size).toBe(3);
    expect(windows.values()).toHaveLength(3);
  });

  it("sorts windows given in any order and rejects duplicates", () => {
    const list = windows.values();
    expect(new WindowMap([...list].reverse()).keys()).toEqual(windows.keys());
    expect(() => new WindowMap([...list, ...list.slice(0, 1)])).toThrow(
      /2025-02-07T10:10:00.000Z\|zeta/,
    );
  });
});
