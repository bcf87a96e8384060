import type { Diagnostic } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { aggregateLogs, createAggregator } from "../src/index.js";
import { at, makeEntry } from "./entries.js";

function starts(windows: readonly { window_start: number; service: string }[]): string[] {
  return windows.map(
    (window) => `${new Date(window.window_start).toISOString()}|${window.service}`,
  );
}

describe("createAggregator", () => {
  it("emits a window once the watermark reaches its end (lateness 0)", () => {
    const aggregator = createAggregator({ windowSizeSeconds: 60, allowedLatenessSeconds: 0 });
    expect(aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:10.000Z" }))).toEqual([]);
    expect(aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:59.999Z" }))).toEqual([]);
    const closed = aggregator.add(makeEntry({ timestamp: "2025-02-07T10:01:00.000Z" }));
    expect(starts(closed)).toEqual(["2025-02-07T10:00:00.000Z|api"]);
    expect(closed[0]?.logs).toHaveLength(2);
    expect(aggregator.stats).toEqual({
      entriesSeen: 3,
      lateEntries: 0,
      windowsEmitted: 1,
      openWindows: 1,
      watermark: at("2025-02-07T10:01:00.000Z"),
    });
    expect(starts(aggregator.flush())).toEqual(["2025-02-07T10:01:00.000Z|api"]);
    expect(aggregator.stats.openWindows).toBe(0);
  });

  it("reuseDurationBuffers: the next call's windows reuse the memory of the last call's", () => {
    const options = { windowSizeSeconds: 60, allowedLatenessSeconds: 0, retainLogs: false };
    const reusing = createAggregator({ ...options, reuseDurationBuffers: true });
    const owning = createAggregator(options);
    const minute = (index: number, duration: number) =>
      makeEntry({
        timestamp: at("2025-02-07T10:00:00.000Z") + index * 60_000,
        duration_ms: duration,
      });
    const entries = [minute(0, 30), minute(0, 10), minute(1, 7), minute(2, 5)];
    const first = reusing.addBatch(entries.slice(0, 3));
    expect(Array.from(first[0]?.summary?.durations_ms ?? [])).toEqual([10, 30]);
    const second = reusing.addBatch(entries.slice(3));
    const firstOwned = owning.addBatch(entries.slice(0, 3));
    owning.addBatch(entries.slice(3));
    expect(second[0]?.summary?.durations_ms.buffer).toBe(first[0]?.summary?.durations_ms.buffer);
    // The first call's view now shows the second call's values: read before calling again.
    expect(Array.from(first[0]?.summary?.durations_ms ?? [])).toEqual([7, 30]);
    expect(Array.from(firstOwned[0]?.summary?.durations_ms ?? [])).toEqual([10, 30]);
  });

  it("waits allowedLatenessSeconds past a window's end", () => {
    const aggregator = createAggregator({ windowSizeSeconds: 60, allowedLatenessSeconds: 30 });
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:10.000Z", line: 1 }));
    expect(aggregator.add(makeEntry({ timestamp: "2025-02-07T10:01:29.999Z", line: 2 }))).toEqual(
      [],
    );
    // Out of order but within the lateness: still counted in its window.
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:50.000Z", line: 3 }));
    const closed = aggregator.add(makeEntry({ timestamp: "2025-02-07T10:01:30.000Z", line: 4 }));
    expect(closed[0]?.logs?.map((entry) => entry.line)).toEqual([1, 3]);
  });

  it("counts late entries for closed windows, never drops them silently", () => {
    const seen: Diagnostic[] = [];
    const aggregator = createAggregator({
      windowSizeSeconds: 60,
      allowedLatenessSeconds: 0,
      onDiagnostic: (diagnostic) => seen.push(diagnostic),
      maxDiagnostics: 1,
    });
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:10.000Z" }));
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:02:00.000Z" }));
    expect(
      aggregator.add(
        makeEntry({ timestamp: "2025-02-07T10:00:20.000Z", source: "a.log", line: 7 }),
      ),
    ).toEqual([]);
    // A service never seen before, in a window that has already closed: late too.
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:01:59.999Z", service: "db" }));
    const accounting = aggregator.accounting();
    expect(accounting.skipped).toBe(2);
    expect(accounting.skippedByCode).toEqual({ late_entry: 2 });
    expect(accounting.diagnostics).toHaveLength(1);
    expect(accounting.diagnosticsOmitted).toBe(1);
    expect(accounting.diagnostics[0]).toMatchObject({
      stage: "aggregation",
      code: "late_entry",
      source: "a.log",
      line: 7,
      field: "timestamp",
      value: "2025-02-07T10:00:20.000Z",
    });
    expect(accounting.diagnostics[0]?.message).toContain("2025-02-07T10:00:00.000Z");
    expect(seen).toHaveLength(2);
    expect(aggregator.stats.lateEntries).toBe(2);
    const rest = aggregator.flush();
    const total = rest.reduce((sum, window) => sum + (window.summary?.total_events ?? 0), 0);
    expect(total + 1 + aggregator.stats.lateEntries).toBe(aggregator.stats.entriesSeen);
  });

  it("emits only at flush with allowedLatenessSeconds: Infinity", () => {
    const aggregator = createAggregator({ allowedLatenessSeconds: Number.POSITIVE_INFINITY });
    const entries = [0, 1, 2, 3].map((day) => makeEntry({ timestamp: day * 86_400_000 }));
    expect(aggregator.addBatch(entries)).toEqual([]);
    expect(aggregator.stats.openWindows).toBe(4);
    expect(aggregator.flush()).toHaveLength(4);
  });

  it("keeps going after flush: older entries are late, newer ones open windows", () => {
    const aggregator = createAggregator({ windowSizeSeconds: 60 });
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:10.000Z" }));
    expect(aggregator.flush()).toHaveLength(1);
    expect(aggregator.stats.watermark).toBe(at("2025-02-07T10:01:00.000Z"));
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:00:20.000Z" }));
    aggregator.add(makeEntry({ timestamp: "2025-02-07T10:01:20.000Z" }));
    expect(aggregator.accounting().skipped).toBe(1);
    expect(starts(aggregator.flush())).toEqual(["2025-02-07T10:01:00.000Z|api"]);
  });

  it("returns closed windows of a batch ordered by start, then service", () => {
    const aggregator = createAggregator({ windowSizeSeconds: 60, allowedLatenessSeconds: 0 });
    const closed = aggregator.addBatch([
      makeEntry({ timestamp: "2025-02-07T10:00:10.000Z", service: "db" }),
      makeEntry({ timestamp: "2025-02-07T10:00:20.000Z", service: "api" }),
      makeEntry({ timestamp: "2025-02-07T10:01:10.000Z", service: "db" }),
      makeEntry({ timestamp: "2025-02-07T10:02:10.000Z", service: "api" }),
    ]);
    expect(starts(closed)).toEqual([
      "2025-02-07T10:00:00.000Z|api",
      "2025-02-07T10:00:00.000Z|db",
      "2025-02-07T10:01:00.000Z|db",
    ]);
    expect(aggregator.stats.windowsEmitted).toBe(3);
  });

  it("fills gaps when a service's next window is emitted", () => {
    const aggregator = createAggregator({
      windowSizeSeconds: 60,
      allowedLatenessSeconds: 0,
      fillGaps: true,
    });
    const entries = [
      makeEntry({ timestamp: "2025-02-07T10:00:10.000Z" }),
      makeEntry({ timestamp: "2025-02-07T10:03:10.000Z" }),
    ];
    const windows = [...aggregator.addBatch(entries), ...aggregator.flush()];
    expect(starts(windows)).toEqual([
      "2025-02-07T10:00:00.000Z|api",
      "2025-02-07T10:01:00.000Z|api",
      "2025-02-07T10:02:00.000Z|api",
      "2025-02-07T10:03:00.000Z|api",
    ]);
    expect(windows).toEqual(
      aggregateLogs(entries, { windowSizeSeconds: 60, fillGaps: true }).values(),
    );
  });

  it("closes local-day windows at local midnight", () => {
    const aggregator = createAggregator({
      windowSizeSeconds: 86400,
      timeZone: "Europe/Berlin",
      allowedLatenessSeconds: 0,
    });
    aggregator.add(makeEntry({ timestamp: "2025-03-30T12:00:00.000Z" }));
    expect(aggregator.add(makeEntry({ timestamp: "2025-03-30T21:59:59.999Z" }))).toEqual([]);
    const closed = aggregator.add(makeEntry({ timestamp: "2025-03-30T22:00:00.000Z" }));
    expect(closed[0]?.window_end).toBe(at("2025-03-30T22:00:00.000Z"));
  });
});
