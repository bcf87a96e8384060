import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  AggregatedLogWindowSchema,
  BaselineSchema,
  batchResultSchema,
  DiagnosticSchema,
  FeatureStatisticsSchema,
  FeatureVectorSchema,
  LedgerSchema,
  LogEntrySchema,
  LogLevel,
  LogLevelSchema,
  ParsedLogSchema,
  RawRecordSchema,
  ServiceNameSchema,
  WindowSizeSecondsSchema,
} from "../src/index.js";
import { validFeatureVector, validLogEntry, validSummary } from "./fixtures.js";

/** Path of the first issue of a failed parse, dotted. */
function firstIssuePath(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return (result.error?.issues[0]?.path ?? []).map(String).join(".");
}

const window = {
  window_start: Date.UTC(2025, 1, 7, 10, 15),
  window_end: Date.UTC(2025, 1, 7, 10, 20),
  window_size_seconds: 300,
  service: "api-server",
  logs: [validLogEntry()],
  summary: null,
};

describe("LogLevel", () => {
  it("accepts the five canonical levels and nothing else", () => {
    for (const level of Object.values(LogLevel)) expect(LogLevelSchema.parse(level)).toBe(level);
    expect(LogLevelSchema.safeParse("WARN").success).toBe(false);
    expect(LogLevelSchema.safeParse("error").success).toBe(false);
  });
});

describe("RawRecord", () => {
  it("accepts each format with its payload", () => {
    for (const record of [
      { format: "text", source: "a.log", line: 1, payload: "hello" },
      { format: "json", source: "a.json", line: 3, payload: { msg: "hi", nested: { a: 1 } } },
      { format: "csv", source: "a.csv", line: 2, payload: { level: "INFO" } },
    ])
      expect(RawRecordSchema.safeParse(record).success).toBe(true);
  });

  it.each([
    ["line", { format: "text", source: "a", line: 0, payload: "x" }],
    ["payload", { format: "text", source: "a", line: 1, payload: 5 }],
    ["payload", { format: "json", source: "a", line: 1, payload: [1, 2] }],
    ["payload.level", { format: "csv", source: "a", line: 1, payload: { level: 3 } }],
    ["format", { format: "xml", source: "a", line: 1, payload: "x" }],
  ])("names %s when it is wrong", (path, record) => {
    expect(firstIssuePath(RawRecordSchema, record)).toBe(path);
  });
});

describe("ParsedLog", () => {
  it("accepts a minimal and a full record", () => {
    expect(
      ParsedLogSchema.safeParse({ source: "a", line: 1, format: "text", extra: {} }).success,
    ).toBe(true);
    expect(
      ParsedLogSchema.safeParse({
        source: "a",
        line: 1,
        format: "json",
        timestamp: 1738923330,
        level: 30,
        level_scheme: "pino",
        service: "api",
        message: "hello",
        duration: "1.5s",
        duration_field: "duration",
        error_code: 500,
        request_id: "r1",
        extra: { user: "bob" },
      }).success,
    ).toBe(true);
  });

  it.each([
    ["extra", { source: "a", line: 1, format: "text" }],
    ["level_scheme", { source: "a", line: 1, format: "text", extra: {}, level_scheme: "java" }],
    ["timestamp", { source: "a", line: 1, format: "text", extra: {}, timestamp: true }],
  ])("names %s when it is wrong", (path, record) => {
    expect(firstIssuePath(ParsedLogSchema, record)).toBe(path);
  });
});

describe("LogEntry", () => {
  it("accepts a valid entry, with and without optional fields", () => {
    expect(LogEntrySchema.safeParse(validLogEntry()).success).toBe(true);
    expect(
      LogEntrySchema.safeParse(
        validLogEntry({ duration_ms: null, error_code: null, request_id: null }),
      ).success,
    ).toBe(true);
  });

  it.each([
    ["timestamp", { timestamp: -1 }],
    ["timestamp", { timestamp: 1.5 }],
    ["level", { level: "WARN" }],
    ["service", { service: "API Server" }],
    ["service", { service: "-api" }],
    ["service", { service: "" }],
    ["message", { message: "" }],
    ["duration_ms", { duration_ms: -5 }],
    ["duration_ms", { duration_ms: Number.POSITIVE_INFINITY }],
    ["error_code", { error_code: "" }],
    ["request_id", { request_id: "r".repeat(257) }],
    ["metadata.message_hash", { metadata: { message_hash: "XYZ" } }],
  ])("names %s when it is wrong", (path, overrides) => {
    expect(firstIssuePath(LogEntrySchema, validLogEntry(overrides as never))).toBe(path);
  });

  it("keeps caller metadata keys", () => {
    const parsed = LogEntrySchema.parse(
      validLogEntry({ metadata: { message_hash: "0123456789abcdef", team: "payments" } }),
    );
    expect(parsed.metadata["team"]).toBe("payments");
  });

  it("service names follow the sanitized form", () => {
    for (const name of ["api", "dfs-datanode-packetresponder", "a_b", "x1"])
      expect(ServiceNameSchema.safeParse(name).success).toBe(true);
    for (const name of ["API", "a.b", "a-", "a b", "x".repeat(129)])
      expect(ServiceNameSchema.safeParse(name).success).toBe(false);
  });
});

describe("AggregatedLogWindow", () => {
  it("accepts a window with logs, with a summary, or with both", () => {
    expect(AggregatedLogWindowSchema.safeParse(window).success).toBe(true);
    expect(
      AggregatedLogWindowSchema.safeParse({ ...window, logs: null, summary: validSummary() })
        .success,
    ).toBe(true);
    expect(
      AggregatedLogWindowSchema.safeParse({ ...window, summary: validSummary() }).success,
    ).toBe(true);
  });

  it.each([
    ["summary", { logs: null, summary: null }],
    ["window_end", { window_end: Date.UTC(2025, 1, 7, 10, 15) }],
    ["window_size_seconds", { window_size_seconds: 0 }],
    ["service", { service: "Not Valid" }],
    ["logs.0.level", { logs: [validLogEntry({ level: "LOUD" as never })] }],
  ])("names %s when it is wrong", (path, overrides) => {
    expect(firstIssuePath(AggregatedLogWindowSchema, { ...window, ...overrides })).toBe(path);
  });

  it("checks that a summary's total_events equals its level counts", () => {
    const summary = { ...validSummary(), total_events: 2 };
    expect(firstIssuePath(AggregatedLogWindowSchema, { ...window, logs: null, summary })).toBe(
      "summary.total_events",
    );
  });

  it.each([0, -1, Number.NaN, 1.5, Number.POSITIVE_INFINITY, "300", 31 * 86400 + 1])(
    "window size %s is invalid",
    (size) => {
      expect(WindowSizeSecondsSchema.safeParse(size).success).toBe(false);
    },
  );

  it("31 days is the largest window size", () => {
    expect(WindowSizeSecondsSchema.safeParse(31 * 86400).success).toBe(true);
  });
});

describe("FeatureVector", () => {
  it("accepts a valid vector and keeps Phase 2 metadata", () => {
    const vector = validFeatureVector();
    (vector.metadata as Record<string, unknown>)["anomaly_score"] = 0.95;
    const parsed = FeatureVectorSchema.parse(vector);
    expect(parsed.metadata["anomaly_score"]).toBe(0.95);
  });

  it.each([
    ["error_rate", { error_rate: 1.5 }],
    ["warning_rate", { warning_rate: -0.1 }],
    ["total_events", { total_events: 2.5 }],
    ["median_duration_ms", { median_duration_ms: Number.NaN }],
    [
      "metadata.window_size_seconds",
      { metadata: { ...validFeatureVector().metadata, window_size_seconds: 0 } },
    ],
    ["window_start", { window_start: "2025-02-07T10:15:00.000Z" as never }],
  ])("names %s when it is wrong", (path, overrides) => {
    expect(firstIssuePath(FeatureVectorSchema, validFeatureVector(overrides))).toBe(path);
  });
});

describe("FeatureStatistics and Baseline", () => {
  const stats = { count: 3, min: 0.01, max: 0.08, mean: 0.04, median: 0.03, stdev: 0.015 };

  it("accepts valid statistics and baselines", () => {
    expect(FeatureStatisticsSchema.safeParse(stats).success).toBe(true);
    const baseline = {
      kind: "logfeat-baseline",
      version: 1,
      created_at: "2025-02-07T10:00:00.000Z",
      window_count: 3,
      global: { error_rate: stats, p95_duration_ms: null },
      services: { api: { error_rate: stats } },
    };
    expect(BaselineSchema.safeParse(baseline).success).toBe(true);
  });

  it.each([
    ["count", { ...stats, count: 0 }],
    ["stdev", { ...stats, stdev: -1 }],
    ["mean", { ...stats, mean: "0.04" }],
  ])("statistics name %s when it is wrong", (path, value) => {
    expect(firstIssuePath(FeatureStatisticsSchema, value)).toBe(path);
  });

  it("baseline errors name the path inside the file", () => {
    const bad = {
      kind: "logfeat-baseline",
      version: 1,
      created_at: "2025-02-07T10:00:00.000Z",
      window_count: 3,
      global: { error_rate: { ...stats, mean: null } },
    };
    expect(firstIssuePath(BaselineSchema, bad)).toBe("global.error_rate.mean");
    const unknownFeature = BaselineSchema.safeParse({ ...bad, global: { made_up: stats } });
    expect(unknownFeature.error?.issues[0]?.path).toEqual(["global"]);
    expect(unknownFeature.error?.issues[0]?.message).toContain("made_up");
  });
});

describe("Diagnostic and batch results", () => {
  const diagnostic = {
    stage: "parsing",
    code: "no_layout_match",
    message: "no text layout matches",
    source: "app.log",
    line: 7,
    value: "garbage",
  };

  it("accepts a diagnostic and names bad fields", () => {
    expect(DiagnosticSchema.safeParse(diagnostic).success).toBe(true);
    expect(firstIssuePath(DiagnosticSchema, { ...diagnostic, code: "No Layout" })).toBe("code");
    expect(firstIssuePath(DiagnosticSchema, { ...diagnostic, value: "x".repeat(201) })).toBe(
      "value",
    );
    expect(firstIssuePath(DiagnosticSchema, { ...diagnostic, stage: "storage" })).toBe("stage");
  });

  it("batchResultSchema puts the results under the given key", () => {
    const schema = batchResultSchema("entries", LogEntrySchema);
    const value = {
      entries: [validLogEntry()],
      skipped: 0,
      skippedByCode: {},
      notedByCode: {},
      diagnostics: [],
      diagnosticsOmitted: 0,
    };
    expect(schema.safeParse(value).success).toBe(true);
    expect(firstIssuePath(schema, { ...value, entries: [{}] })).toMatch(/^entries\.0\./);
  });
});

describe("Ledger", () => {
  const ledger = {
    records_in: 10,
    parsed: 9,
    parse_skipped: 1,
    entries: 8,
    normalize_skipped: 1,
    windows: 2,
    features: 2,
    skipped_by_code: { no_layout_match: 1, invalid_timestamp: 1 },
    reference_time: "2025-02-07T10:00:00.000Z",
    elapsed_ms: 12.5,
  };

  it("accepts exactly the documented keys", () => {
    expect(LedgerSchema.safeParse(ledger).success).toBe(true);
    expect(Object.keys(LedgerSchema.shape)).toEqual(Object.keys(ledger));
    expect(LedgerSchema.safeParse({ ...ledger, extra_key: 1 }).success).toBe(false);
  });

  it("names a bad count", () => {
    expect(firstIssuePath(LedgerSchema, { ...ledger, parsed: -1 })).toBe("parsed");
    expect(firstIssuePath(LedgerSchema, { ...ledger, skipped_by_code: { x: 0.5 } })).toBe(
      "skipped_by_code.x",
    );
  });
});
