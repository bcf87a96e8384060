import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AggregatedLogWindow, EpochMillis, LogEntry, LogLevel } from "@logfeat/schema";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import {
  aggregateLogs,
  createAggregator,
  getServicesInWindows,
  getTimeRange,
} from "../src/index.js";
import { compareWindows } from "../src/window-key.js";

// Aggregation depends on the schema only, so these tests turn two loghub files
// with epoch-second timestamps into LogEntries with a few lines of test code
// (not the real parsers): BGL (in time order) and HPC (jumps back and forth).

const BGL_LEVELS: Record<string, LogLevel> = {
  INFO: "INFO",
  WARNING: "WARNING",
  ERROR: "ERROR",
  SEVERE: "ERROR",
  FATAL: "CRITICAL",
};

function messageHash(message: string): string {
  return createHash("sha256").update(message).digest("hex").slice(0, 16);
}

function lines(name: string): string[] {
  return readFileSync(join(REAL_DATA_DIR ?? "", name), "utf8")
    .split(/\r?\n/)
    .filter((line) => line !== "");
}

function entry(
  timestampSeconds: string,
  level: LogLevel,
  service: string,
  message: string,
  source: string,
  line: number,
): LogEntry {
  return {
    timestamp: (Number(timestampSeconds) * 1000) as EpochMillis,
    level,
    service: service.toLowerCase().replace(/[^a-z0-9_-]+/g, "-"),
    message,
    duration_ms: null,
    error_code: null,
    request_id: null,
    source,
    line,
    metadata: { message_hash: messageHash(message) },
  };
}

function bglEntries(): LogEntry[] {
  return lines("loghub/BGL/BGL_2k.log").map((text, index) => {
    const fields = text.split(" ");
    return entry(
      fields[1] as string,
      BGL_LEVELS[fields[8] as string] ?? "INFO",
      fields[7] as string,
      fields.slice(9).join(" "),
      "BGL_2k.log",
      index + 1,
    );
  });
}

function hpcEntries(): LogEntry[] {
  return lines("loghub/HPC/HPC_2k.log").map((text, index) => {
    const fields = text.split(" ");
    return entry(
      fields[4] as string,
      "INFO",
      fields[2] as string,
      fields.slice(6).join(" "),
      "HPC_2k.log",
      index + 1,
    );
  });
}

function total(windows: Iterable<AggregatedLogWindow>): number {
  let sum = 0;
  for (const window of windows) sum += window.summary?.total_events ?? 0;
  return sum;
}

describe.skipIf(REAL_DATA_DIR === null)(`real logs (skipped if ${REAL_DATA_SKIP_REASON})`, () => {
  it("BGL_2k: hourly windows per component", () => {
    const entries = bglEntries();
    const windows = aggregateLogs(entries, { windowSizeSeconds: 3600 });
    expect(total(windows)).toBe(2000);
    expect(getServicesInWindows(windows)).toEqual([
      "app",
      "discovery",
      "hardware",
      "kernel",
      "mmcs",
    ]);
    expect(windows.size).toBe(463);
    expect(getTimeRange(windows)).toEqual({
      start: Date.parse("2005-06-03T22:00:00.000Z"),
      end: Date.parse("2006-01-03T16:00:00.000Z"),
    });
    const levels = { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 0, CRITICAL: 0 };
    for (const window of windows)
      for (const level of Object.keys(levels) as LogLevel[])
        levels[level] += window.summary?.level_counts[level] ?? 0;
    expect(levels).toEqual({ DEBUG: 0, INFO: 1597, WARNING: 8, ERROR: 48, CRITICAL: 347 });
  });

  it("BGL_2k: local days in America/New_York", () => {
    const windows = aggregateLogs(bglEntries(), {
      windowSizeSeconds: 86400,
      timeZone: "America/New_York",
    });
    expect(total(windows)).toBe(2000);
    for (const window of windows)
      expect(new Date(window.window_start).getUTCHours()).toBeOneOf([4, 5]);
  });

  it("HPC_2k: out-of-order input, streaming with and without enough lateness", () => {
    const entries = hpcEntries();
    const batch = aggregateLogs(entries, { windowSizeSeconds: 86400 });
    expect(total(batch)).toBe(2000);
    expect(batch.size).toBe(929);

    const strict = createAggregator({ windowSizeSeconds: 86400, allowedLatenessSeconds: 0 });
    const strictWindows = [...strict.addBatch(entries), ...strict.flush()];
    const late = strict.accounting().skippedByCode["late_entry"];
    expect(late).toBe(1976);
    expect(total(strictWindows) + (late ?? 0)).toBe(2000);

    const timestamps = entries.map((entry) => entry.timestamp);
    const spanSeconds = (Math.max(...timestamps) - Math.min(...timestamps)) / 1000;
    const tolerant = createAggregator({
      windowSizeSeconds: 86400,
      allowedLatenessSeconds: spanSeconds,
    });
    const tolerantWindows = [...tolerant.addBatch(entries), ...tolerant.flush()];
    expect(tolerant.accounting().skipped).toBe(0);
    expect(tolerantWindows.sort(compareWindows)).toEqual(batch.values());
  });
});
