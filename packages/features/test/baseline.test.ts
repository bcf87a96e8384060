import {
  type Baseline,
  BaselineSchema,
  type EpochMillis,
  SchemaValidationError,
} from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import {
  baselineFor,
  computeBaseline,
  extractFeaturesFromWindows,
  parseBaseline,
  serializeBaseline,
} from "../src/index.js";
import { FIXED_NOW, FIXED_NOW_ISO, logEntry, WINDOW_START, windowOf } from "./helpers.js";

/** Two services over three 5-minute windows; api-server has errors in window 2. */
function sampleFeatures() {
  const windows = [0, 1, 2].flatMap((slot) => {
    const start = (WINDOW_START + slot * 300_000) as EpochMillis;
    const bounds = { window_start: start, window_end: (start + 300_000) as EpochMillis };
    const at = (offset: number) => offset + slot * 300_000;
    const api = [
      logEntry({ offset_ms: at(1), duration_ms: 10 * (slot + 1) }),
      logEntry({ offset_ms: at(2), level: slot === 2 ? "ERROR" : "INFO", duration_ms: 20 }),
    ];
    const db = [logEntry({ offset_ms: at(3), service: "db", level: "WARNING" })];
    return [windowOf(api, "logs", bounds), windowOf(db, "logs", { ...bounds, service: "db" })];
  });
  return extractFeaturesFromWindows(windows, { now: FIXED_NOW }).features;
}

describe("computeBaseline", () => {
  it("global statistics of every feature, in FEATURE_NAMES order, valid for BaselineSchema", () => {
    const baseline = computeBaseline(sampleFeatures(), { now: FIXED_NOW });
    expect(BaselineSchema.parse(baseline)).toEqual(baseline);
    expect(baseline).toMatchObject({
      kind: "logfeat-baseline",
      version: 1,
      created_at: FIXED_NOW_ISO,
      window_count: 6,
    });
    expect(baseline.services).toBeUndefined();
    expect(Object.keys(baseline.global)).toHaveLength(11);
    // error_rate: api 0, 0, 0.5 and db 0, 0, 0 -> mean 0.5 / 6
    expect(baseline.global.error_rate).toMatchObject({ count: 6, max: 0.5, mean: 0.5 / 6 });
    // db has no durations, so only the 3 api windows count
    expect(baseline.global.max_duration_ms).toMatchObject({ count: 3, min: 20, max: 30 });
  });

  it("per service: services sorted, names in FEATURE_NAMES order whatever the order asked", () => {
    const baseline = computeBaseline(sampleFeatures(), {
      now: FIXED_NOW,
      perService: true,
      names: ["max_duration_ms", "error_rate"],
    });
    expect(Object.keys(baseline.global)).toEqual(["error_rate", "max_duration_ms"]);
    expect(Object.keys(baseline.services ?? {})).toEqual(["api-server", "db"]);
    expect(baseline.services?.["db"]?.max_duration_ms).toBeNull();
    expect(baseline.services?.["api-server"]?.error_rate).toMatchObject({ mean: 0.5 / 3 });
  });

  it("rejects bad options", () => {
    expect(() => computeBaseline([], { names: ["nope" as never] })).toThrow(/"names.0"/);
    expect(() => computeBaseline([], { perService: "yes" as never })).toThrow(/"perService"/);
    expect(() => computeBaseline([], { now: "today" as never })).toThrow(/"now"/);
  });

  it("an empty list gives null statistics", () => {
    const baseline = computeBaseline([], { now: FIXED_NOW, names: ["error_rate"] });
    expect(baseline).toEqual({
      kind: "logfeat-baseline",
      version: 1,
      created_at: FIXED_NOW_ISO,
      window_count: 0,
      global: { error_rate: null },
    });
  });
});

describe("baselineFor", () => {
  const baseline = computeBaseline(sampleFeatures(), { now: FIXED_NOW, perService: true });

  it("the service's statistics when present, else the global ones", () => {
    expect(baselineFor(baseline, "error_rate", "api-server")).toEqual(
      baseline.services?.["api-server"]?.error_rate,
    );
    expect(baselineFor(baseline, "error_rate", "unknown")).toEqual(baseline.global.error_rate);
    expect(baselineFor(baseline, "error_rate")).toEqual(baseline.global.error_rate);
    // db has no durations: fall back to the global statistics
    expect(baselineFor(baseline, "max_duration_ms", "db")).toEqual(baseline.global.max_duration_ms);
  });

  it("null when the feature is not in the baseline; unknown names throw", () => {
    const partial = computeBaseline(sampleFeatures(), { now: FIXED_NOW, names: ["error_rate"] });
    expect(baselineFor(partial, "warning_rate")).toBeNull();
    expect(() => baselineFor(partial, "rate" as never)).toThrow(/Invalid option "name"/);
  });
});

describe("serializeBaseline / parseBaseline", () => {
  it("writes pretty JSON with a stable key order and a trailing newline", () => {
    const baseline: Baseline = {
      global: {
        warning_rate: null,
        error_rate: { stdev: 0, median: 0.1, mean: 0.1, max: 0.1, min: 0.1, count: 2 },
      },
      window_count: 2,
      created_at: FIXED_NOW_ISO,
      version: 1,
      kind: "logfeat-baseline",
      services: { web: {}, api: { error_rate: null } },
    };
    expect(serializeBaseline(baseline)).toBe(`{
  "kind": "logfeat-baseline",
  "version": 1,
  "created_at": "2025-02-07T12:00:00.000Z",
  "window_count": 2,
  "global": {
    "error_rate": {
      "count": 2,
      "min": 0.1,
      "max": 0.1,
      "mean": 0.1,
      "median": 0.1,
      "stdev": 0
    },
    "warning_rate": null
  },
  "services": {
    "api": {
      "error_rate": null
    },
    "web": {}
  }
}
`);
  });

  it("round trips exactly", () => {
    const baseline = computeBaseline(sampleFeatures(), { now: FIXED_NOW, perService: true });
    const text = serializeBaseline(baseline);
    expect(parseBaseline(text)).toEqual(baseline);
    expect(serializeBaseline(parseBaseline(text))).toBe(text);
  });

  it("serializeBaseline rejects an object that is not a Baseline", () => {
    expect(() => serializeBaseline({ kind: "other" } as never)).toThrow(
      /Invalid option "baseline.kind"/,
    );
  });

  const valid = JSON.parse(
    serializeBaseline(computeBaseline(sampleFeatures(), { now: FIXED_NOW, perService: true })),
  ) as Record<string, unknown>;
  const edit = (change: (json: Baseline) => void): string => {
    const copy = structuredClone(valid) as Baseline;
    change(copy);
    return JSON.stringify(copy);
  };

  it.each([
    ["not JSON", "{ nope", "", /not valid JSON/],
    ["an empty file", "", "", /not valid JSON/],
    [
      "another kind of file",
      edit((json) => Object.assign(json, { kind: "x" })),
      "kind",
      /Invalid baseline at "kind"/,
    ],
    [
      "a future version",
      edit((json) => Object.assign(json, { version: 2 })),
      "version",
      /"version"/,
    ],
    [
      "a mean that is a string",
      edit((json) => Object.assign(json.global.error_rate ?? {}, { mean: "0.1" })),
      "global.error_rate.mean",
      /Invalid baseline at "global.error_rate.mean"/,
    ],
    [
      "a negative stdev",
      edit((json) => Object.assign(json.global.error_rate ?? {}, { stdev: -1 })),
      "global.error_rate.stdev",
      /"global.error_rate.stdev"/,
    ],
    [
      "a zero count",
      edit((json) => Object.assign(json.services?.["db"]?.error_rate ?? {}, { count: 0 })),
      "services.db.error_rate.count",
      /"services.db.error_rate.count"/,
    ],
    [
      "min above max",
      edit((json) => Object.assign(json.global.error_rate ?? {}, { min: 2 })),
      "global.error_rate.min",
      /min \(2\) exceeds max/,
    ],
    [
      "a mean outside [min, max]",
      edit((json) => Object.assign(json.global.error_rate ?? {}, { mean: 7 })),
      "global.error_rate.mean",
      /mean \(7\) is outside/,
    ],
    [
      "a created_at that is not an instant",
      edit((json) => Object.assign(json, { created_at: "yesterday" })),
      "created_at",
      /"created_at"/,
    ],
    [
      "a missing window_count",
      edit((json) => Reflect.deleteProperty(json, "window_count")),
      "window_count",
      /"window_count"/,
    ],
  ])("rejects %s with a SchemaValidationError naming the path", (_title, text, path, message) => {
    let thrown: unknown;
    try {
      parseBaseline(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaValidationError);
    expect((thrown as SchemaValidationError).path).toBe(path);
    expect((thrown as Error).message).toMatch(message);
  });

  it("rejects an unknown feature name as a key", () => {
    const text = edit((json) => Object.assign(json.global, { error_ratio: null }));
    expect(() => parseBaseline(text)).toThrow(SchemaValidationError);
  });
});
