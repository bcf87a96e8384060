import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeFeatureVector,
  encodeFeatureVector,
  FEATURE_CSV_COLUMNS,
  FEATURE_NAMES,
  type FeatureVector,
} from "../src/index.js";
import { validFeatureVector } from "./fixtures.js";

describe("FeatureVector JSON codec", () => {
  it("encodes window_start as ISO 8601 UTC with milliseconds and keeps the contract key order", () => {
    const json = encodeFeatureVector(validFeatureVector());
    expect(json.window_start).toBe("2025-02-07T10:15:00.000Z");
    expect(Object.keys(json)).toEqual([...FEATURE_CSV_COLUMNS, "metadata"]);
  });

  it("round-trips: decode(encode(v)) equals v, also through JSON text", () => {
    const vector = validFeatureVector();
    expect(decodeFeatureVector(encodeFeatureVector(vector))).toEqual(vector);
    expect(decodeFeatureVector(JSON.parse(JSON.stringify(encodeFeatureVector(vector))))).toEqual(
      vector,
    );
  });

  it("round-trips arbitrary valid vectors", () => {
    const rate = fc.double({ min: 0, max: 1, noNaN: true });
    const duration = fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        rate,
        rate,
        duration,
        fc.nat(),
        (start, errorRate, warningRate, median, count) => {
          const vector = validFeatureVector({
            window_start: start as FeatureVector["window_start"],
            error_rate: errorRate,
            warning_rate: warningRate,
            median_duration_ms: median,
            total_events: count,
          });
          const text = JSON.stringify(encodeFeatureVector(vector));
          expect(decodeFeatureVector(JSON.parse(text))).toEqual(vector);
        },
      ),
    );
  });

  it.each(["2025-02-30T00:00:00.000Z", "2025-02-07 10:15", "not a date", "2025-02-07T10:15:00"])(
    "decode rejects the malformed window_start %s",
    (windowStart) => {
      const json = { ...encodeFeatureVector(validFeatureVector()), window_start: windowStart };
      expect(() => decodeFeatureVector(json)).toThrow(/window_start|ISO 8601/);
    },
  );

  it("decode rejects a bad feature value and names it", () => {
    const json = { ...encodeFeatureVector(validFeatureVector()), error_rate: 2 };
    expect(() => decodeFeatureVector(json)).toThrow(/error_rate/);
  });
});

describe("CSV columns", () => {
  it("equal SPEC section 8 exactly", () => {
    expect(FEATURE_CSV_COLUMNS.join(",")).toBe(
      "window_start,service,total_events,error_count,warning_count,info_count,error_rate,warning_rate,median_duration_ms,p95_duration_ms,max_duration_ms,unique_messages,unique_error_codes",
    );
  });

  it("list the 11 features after the two keys", () => {
    expect(FEATURE_NAMES).toHaveLength(11);
    expect(FEATURE_CSV_COLUMNS.slice(2)).toEqual([...FEATURE_NAMES]);
  });
});
