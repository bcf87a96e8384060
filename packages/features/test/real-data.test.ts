import { readFileSync } from "node:fs";
import { join } from "node:path";
import type {
  AggregatedLogWindow,
  EpochMillis,
  FeatureVector,
  LogEntry,
  LogLevel,
} from "@logfeat/schema";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { extractFeaturesFromWindows, FeatureTransformer } from "../src/index.js";
import { hashOf, type Storage, summarize } from "./helpers.js";

/**
 * Golden test on real logs: the loghub structured CSVs (already split into
 * columns, so no parser or normalizer is needed) are turned into LogEntries
 * and 300 s windows here, and the features must equal, bit for bit, those
 * that fixtures/real-golden.py computed independently with Python and numpy
 * from the same files and the same rules (see its docstring).
 */

const LEVELS: Record<string, LogLevel> = {
  DEBUG: "DEBUG",
  INFO: "INFO",
  WARN: "WARNING",
  WARNING: "WARNING",
  ERROR: "ERROR",
  SEVERE: "ERROR",
  FATAL: "CRITICAL",
};

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF or LF), first row = header. */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  const [header = [], ...body] = rows;
  return body.map((cells) =>
    Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""])),
  );
}

/** `yyyy-mm-dd` + `hh:mm:ss[.,]fff` read as UTC. */
function utcMillis(date: string, time: string): number {
  const [year, month, day] = date.split("-").map(Number);
  const match = /^(\d\d):(\d\d):(\d\d)[.,](\d+)$/.exec(time);
  if (match === null || year === undefined || month === undefined || day === undefined)
    throw new Error(`unexpected time ${date} ${time}`);
  const [, hour, minute, second, fraction = ""] = match;
  return Date.UTC(
    year,
    month - 1,
    day,
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.slice(0, 3).padEnd(3, "0")),
  );
}

function serviceOf(component: string): string {
  return component
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 128);
}

const SYSTEMS = ["OpenStack", "Hadoop", "Zookeeper"] as const;

function windowsOf(system: (typeof SYSTEMS)[number], storage: Storage): AggregatedLogWindow[] {
  const path = join(REAL_DATA_DIR ?? "", "loghub", system, `${system}_2k.log_structured.csv`);
  const groups = new Map<string, LogEntry[]>();
  readCsv(readFileSync(path, "utf8")).forEach((row, index) => {
    const level = LEVELS[(row["Level"] ?? "").trim()];
    if (level === undefined) throw new Error(`unexpected level ${row["Level"]}`);
    const timestamp = utcMillis(row["Date"] ?? "", row["Time"] ?? "") as EpochMillis;
    const service = serviceOf(row["Component"] ?? "");
    const eventId = row["EventId"] ?? "";
    const seconds =
      system === "OpenStack" ? /time: (\d+(?:\.\d+)?)/.exec(row["Content"] ?? "") : null;
    const log: LogEntry = {
      timestamp,
      level,
      service,
      message: row["Content"] ?? "",
      duration_ms: seconds === null ? null : Number(seconds[1]) * 1000,
      error_code: level === "ERROR" || level === "CRITICAL" ? eventId : null,
      request_id: null,
      source: path,
      line: index + 2,
      metadata: { message_hash: hashOf(eventId) },
    };
    const key = `${Math.floor(timestamp / 300_000) * 300_000} ${service}`;
    groups.set(key, [...(groups.get(key) ?? []), log]);
  });
  return [...groups.entries()].map(([key, logs]) => {
    const [start = "0", service = ""] = key.split(" ");
    const windowStart = Number(start) as EpochMillis;
    return {
      window_start: windowStart,
      window_end: (windowStart + 300_000) as EpochMillis,
      window_size_seconds: 300,
      service,
      logs: storage === "summary" ? null : logs,
      summary: storage === "logs" ? null : summarize(logs),
    };
  });
}

function withoutMetadata(vector: FeatureVector) {
  const { metadata: _metadata, ...rest } = vector;
  return rest;
}

describe.skipIf(REAL_DATA_DIR === null)(
  `real loghub samples against Python/numpy (skipped when ${REAL_DATA_SKIP_REASON})`,
  () => {
    const golden = JSON.parse(
      readFileSync(new URL("fixtures/real-golden.json", import.meta.url), "utf8"),
    ) as Record<string, Omit<FeatureVector, "metadata">[]>;

    it.each(
      SYSTEMS.flatMap((system) =>
        (["logs", "summary", "both"] as const).map((storage) => [system, storage] as const),
      ),
    )(
      "%s, windows stored as %s: every feature of every window equals the golden value",
      (system, storage) => {
        const result = extractFeaturesFromWindows(windowsOf(system, storage), { now: 0 });
        expect(result.skipped).toBe(0);
        const sorted = [...result.features].sort(
          (left, right) =>
            left.window_start - right.window_start || (left.service < right.service ? -1 : 1),
        );
        expect(sorted.map(withoutMetadata)).toEqual(golden[system]);
        expect(sorted.reduce((sum, vector) => sum + vector.total_events, 0)).toBe(2000);
      },
    );

    it("golden counts: windows, errors, warnings and windows with durations", () => {
      const summary = SYSTEMS.map((system) => {
        const features = extractFeaturesFromWindows(windowsOf(system, "logs"), { now: 0 }).features;
        const transformer = new FeatureTransformer(features);
        return {
          system,
          windows: features.length,
          errors: features.reduce((sum, vector) => sum + vector.error_count, 0),
          warnings: features.reduce((sum, vector) => sum + vector.warning_count, 0),
          withDurations: transformer.getStatistics("p95_duration_ms")?.count ?? 0,
        };
      });
      expect(summary).toEqual([
        { system: "OpenStack", windows: 30, errors: 0, warnings: 31, withDurations: 6 },
        { system: "Hadoop", windows: 43, errors: 152, warnings: 808, withDurations: 0 },
        { system: "Zookeeper", windows: 436, errors: 13, warnings: 1318, withDurations: 0 },
      ]);
    });
  },
);
