import {
  type AggregatedLogWindow,
  type Diagnostic,
  DiagnosticSchema,
  type EpochMillis,
  LogfeatError,
} from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { extractFeatures, extractFeaturesFromWindows, WindowContractError } from "../src/index.js";
import {
  FIXED_NOW,
  FIXED_NOW_ISO,
  logEntry,
  summarize,
  WINDOW_START,
  windowOf,
} from "./helpers.js";

const good = windowOf([logEntry({ duration_ms: 10 }), logEntry({ level: "ERROR", offset_ms: 5 })]);

/** Windows that break the contract, with the code and field the diagnostic must carry. */
const broken: { title: string; window: unknown; code: string; field?: string }[] = [
  { title: "not an object", window: null, code: "invalid_window" },
  {
    title: "bad service name",
    window: { ...good, service: "Api Server" },
    code: "invalid_window",
    field: "service",
  },
  {
    title: "fractional window_start",
    window: { ...good, window_start: WINDOW_START + 0.5 },
    code: "invalid_window",
    field: "window_start",
  },
  {
    title: "a BigInt window_start (not JSON-serializable in the diagnostic)",
    window: { ...good, window_start: 10n },
    code: "invalid_window",
    field: "window_start",
  },
  {
    title: "window_end not after window_start",
    window: { ...good, window_end: WINDOW_START },
    code: "invalid_window",
    field: "window_end",
  },
  {
    title: "window_size_seconds 0",
    window: { ...good, window_size_seconds: 0 },
    code: "invalid_window",
    field: "window_size_seconds",
  },
  {
    title: "neither logs nor summary",
    window: { ...good, logs: null, summary: null },
    code: "invalid_window",
    field: "summary",
  },
  {
    title: "logs not an array",
    window: { ...good, logs: "x" },
    code: "invalid_window",
    field: "logs",
  },
  {
    title: "a log of another service",
    window: windowOf([logEntry(), logEntry({ service: "db", line: 7 })]),
    code: "mixed_services",
    field: "service",
  },
  {
    title: "a log at window_end (the end is exclusive)",
    window: windowOf([logEntry({ offset_ms: 300_000 })]),
    code: "log_outside_window",
    field: "timestamp",
  },
  {
    title: "a log whose timestamp is a Symbol",
    window: windowOf([{ ...logEntry(), timestamp: Symbol("t") as never }]),
    code: "log_outside_window",
    field: "timestamp",
  },
  {
    title: "a log before window_start",
    window: windowOf([logEntry({ offset_ms: -1 })]),
    code: "log_outside_window",
    field: "timestamp",
  },
  {
    title: "a log with a non-canonical level",
    window: windowOf([{ ...logEntry(), level: "WARN" as never }]),
    code: "invalid_log",
    field: "level",
  },
  {
    title: "a negative duration",
    window: windowOf([logEntry({ duration_ms: -1 })]),
    code: "invalid_log",
    field: "duration_ms",
  },
  {
    title: "a NaN duration",
    window: windowOf([logEntry({ duration_ms: Number.NaN })]),
    code: "invalid_log",
    field: "duration_ms",
  },
  {
    title: "a duration given as a string",
    window: windowOf([{ ...logEntry(), duration_ms: "12" as never }]),
    code: "invalid_log",
    field: "duration_ms",
  },
  {
    title: "an empty error code",
    window: windowOf([logEntry({ error_code: "" })]),
    code: "invalid_log",
    field: "error_code",
  },
  {
    title: "a log without a message hash",
    window: windowOf([{ ...logEntry(), metadata: {} as never }]),
    code: "invalid_log",
    field: "metadata.message_hash",
  },
  {
    title: "a null log",
    window: windowOf([null as never]),
    code: "invalid_log",
    field: "logs.0",
  },
  {
    title: "summary total_events is not the sum of level_counts",
    window: windowOf([], "summary", {
      summary: { ...summarize([logEntry()]), total_events: 2 },
    }),
    code: "invalid_summary",
    field: "summary.total_events",
  },
  {
    title: "summary with more durations than events",
    window: windowOf([], "summary", {
      summary: { ...summarize([logEntry()]), durations_ms: Float64Array.of(1, 2) },
    }),
    code: "invalid_summary",
    field: "summary.durations_ms",
  },
  {
    title: "summary with an infinite duration",
    window: windowOf([], "summary", {
      summary: {
        ...summarize([logEntry()]),
        durations_ms: Float64Array.of(Number.POSITIVE_INFINITY),
      },
    }),
    code: "invalid_summary",
    field: "summary.durations_ms.0",
  },
  {
    title: "summary durations as a plain array",
    window: windowOf([], "summary", {
      summary: { ...summarize([logEntry()]), durations_ms: [1] as never },
    }),
    code: "invalid_summary",
    field: "summary.durations_ms",
  },
  {
    title: "summary of 1 event with no message hash",
    window: windowOf([], "summary", {
      summary: { ...summarize([logEntry()]), message_hashes: new Set() },
    }),
    code: "invalid_summary",
    field: "summary.message_hashes",
  },
  {
    title: "summary and logs disagree on the number of events",
    window: windowOf([logEntry()], "both", { summary: summarize([logEntry(), logEntry()]) }),
    code: "summary_mismatch",
    field: "summary.total_events",
  },
  {
    title: "summary and logs disagree on the levels",
    window: windowOf([logEntry()], "both", { summary: summarize([logEntry({ level: "ERROR" })]) }),
    code: "summary_mismatch",
    field: "summary.level_counts.INFO",
  },
  {
    title: "summary and logs disagree on the number of durations",
    window: windowOf([logEntry()], "both", { summary: summarize([logEntry({ duration_ms: 1 })]) }),
    code: "summary_mismatch",
    field: "summary.durations_ms",
  },
];

describe("contract checks", () => {
  it.each(broken)("$title -> $code", ({ window, code, field }) => {
    const result = extractFeaturesFromWindows([good, window as AggregatedLogWindow, good], {
      now: FIXED_NOW,
    });
    expect(result.features).toHaveLength(2);
    expect(result.skipped).toBe(1);
    expect(result.skippedByCode).toEqual({ [code]: 1 });
    expect(result.diagnostics).toHaveLength(1);
    const diagnostic = result.diagnostics[0] as Diagnostic;
    expect(DiagnosticSchema.parse(diagnostic)).toEqual(diagnostic);
    expect(diagnostic.stage).toBe("features");
    expect(diagnostic.code).toBe(code);
    if (field !== undefined) expect(diagnostic.field).toBe(field);

    let thrown: unknown;
    try {
      extractFeatures(window as AggregatedLogWindow);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WindowContractError);
    expect(LogfeatError.isInstance(thrown)).toBe(true);
    expect((thrown as WindowContractError).code).toBe(code);
    expect((thrown as WindowContractError).diagnostic).toEqual(diagnostic);
  });

  it("a log diagnostic points at the log's source and line", () => {
    const window = windowOf([logEntry(), logEntry({ service: "db", line: 7 })]);
    const [diagnostic] = extractFeaturesFromWindows([window]).diagnostics;
    expect(diagnostic).toMatchObject({ source: "test.log", line: 7, value: "db" });
    expect(diagnostic?.message).toContain("window api-server@2025-02-07T10:15:00.000Z");
  });

  it("a window diagnostic names the window", () => {
    const window = windowOf([], "logs", { window_size_seconds: 1.5 });
    const [diagnostic] = extractFeaturesFromWindows([window]).diagnostics;
    expect(diagnostic).toMatchObject({
      source: "window api-server@2025-02-07T10:15:00.000Z",
      line: null,
      value: "1.5",
    });
  });

  it("a window stored as both uses the summary's sets without rebuilding them", () => {
    // Documented: only counts are cross-checked; distinct sets come from the summary.
    const logs = [logEntry({ message: "a" }), logEntry({ message: "b" })];
    const summary = summarize(logs);
    const window = windowOf(logs, "both", { summary });
    expect(extractFeatures(window).unique_messages).toBe(2);
  });

  it("reads undefined logs or summary as null", () => {
    const logs = [logEntry({ duration_ms: 3 })];
    const withoutSummary = { ...windowOf(logs), summary: undefined } as never;
    const withoutLogs = { ...windowOf(logs, "summary"), logs: undefined } as never;
    expect(extractFeatures(withoutSummary, { now: FIXED_NOW })).toEqual(
      extractFeatures(withoutLogs, { now: FIXED_NOW }),
    );
  });

  it("accepts a log on window_start and one on the last millisecond", () => {
    const window = windowOf([logEntry({ offset_ms: 0 }), logEntry({ offset_ms: 299_999 })]);
    expect(extractFeatures(window).total_events).toBe(2);
  });
});

describe("extractFeaturesFromWindows", () => {
  it("keeps the input order and stamps every vector with one extraction timestamp", () => {
    const later = windowOf([], "logs", {
      window_start: (WINDOW_START + 300_000) as EpochMillis,
      window_end: (WINDOW_START + 600_000) as EpochMillis,
    });
    let calls = 0;
    const result = extractFeaturesFromWindows([later, good], {
      now: () => {
        calls += 1;
        return FIXED_NOW + calls;
      },
    });
    expect(result.features.map((vector) => vector.window_start)).toEqual([
      WINDOW_START + 300_000,
      WINDOW_START,
    ]);
    expect(calls).toBe(1);
    expect(new Set(result.features.map((vector) => vector.metadata.extraction_timestamp))).toEqual(
      new Set(["2025-02-07T12:00:00.001Z"]),
    );
    expect(result).toMatchObject({
      skipped: 0,
      skippedByCode: {},
      notedByCode: {},
      diagnostics: [],
      diagnosticsOmitted: 0,
    });
  });

  it("accepts any iterable, e.g. a generator", () => {
    function* windows() {
      yield good;
      yield good;
    }
    expect(extractFeaturesFromWindows(windows(), { now: FIXED_NOW }).features).toHaveLength(2);
  });

  it("caps the diagnostics list at maxDiagnostics, counts the rest, and calls onDiagnostic for all", () => {
    const bad = windowOf([logEntry({ offset_ms: -5 })]);
    const seen: Diagnostic[] = [];
    const result = extractFeaturesFromWindows([bad, good, bad, bad], {
      maxDiagnostics: 1,
      onDiagnostic: (diagnostic) => seen.push(diagnostic),
      now: FIXED_NOW,
    });
    expect(result.features).toHaveLength(1);
    expect(result.features[0]?.metadata.extraction_timestamp).toBe(FIXED_NOW_ISO);
    expect(result.skipped).toBe(3);
    expect(result.skippedByCode).toEqual({ log_outside_window: 3 });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnosticsOmitted).toBe(2);
    expect(seen).toHaveLength(3);
  });

  it("nothing is lost: features + skipped = windows in", () => {
    const windows = [good, ...broken.map((entry) => entry.window as AggregatedLogWindow), good];
    const result = extractFeaturesFromWindows(windows);
    expect(result.features.length + result.skipped).toBe(windows.length);
    expect(Object.values(result.skippedByCode).reduce((sum, count) => sum + count, 0)).toBe(
      result.skipped,
    );
  });

  it.each([
    ["maxDiagnostics -1", { maxDiagnostics: -1 }, /"maxDiagnostics"/],
    ["maxDiagnostics 1.5", { maxDiagnostics: 1.5 }, /"maxDiagnostics"/],
    ["onDiagnostic not a function", { onDiagnostic: 3 }, /"onDiagnostic"/],
    ["now a string", { now: "today" }, /"now"/],
  ])("rejects %s with a ConfigError", (_title, options, message) => {
    expect(() => extractFeaturesFromWindows([good], options as never)).toThrow(message);
  });

  it("rejects a non-iterable windows argument with a ConfigError", () => {
    expect(() => extractFeaturesFromWindows(good as never)).toThrow(/Invalid option "windows"/);
  });
});
