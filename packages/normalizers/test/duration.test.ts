import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeDuration } from "../src/index.js";

describe("normalizeDuration", () => {
  it.each([
    ["1.5s", undefined, 1500],
    ["250us", undefined, 0.25],
    ["250µs", undefined, 0.25],
    ["250μs", undefined, 0.25],
    ["2min", undefined, 120_000],
    ["2m", undefined, 120_000],
    ["1h", undefined, 3_600_000],
    ["523ms", undefined, 523],
    ["523 ms", undefined, 523],
    ["1500ns", undefined, 0.0015],
    ["32.606839ms", undefined, 32.606839],
    ["1m30s", undefined, 90_000],
    ["1h2m3.5s", undefined, 3_723_500],
    ["1.5S", undefined, 1500],
    [" 42 ", undefined, 42],
    ["0", undefined, 0],
    [523, undefined, 523],
    [523, "duration_ms", 523],
    [523, "latency", 523],
    [523, "elapsed", 523],
    [523, "took", 523],
    [1.5, "duration_s", 1500],
    [1.5, "duration_sec", 1500],
    [0.2477829, "time_s", 247.7829],
    [250, "latency_us", 0.25],
    [20950259, "duration_ns", 20.950259],
    [20950259, "event.duration", 20.950259],
    [1.5, "durationSeconds", 1500],
    [523, "durationMs", 523],
    [523, "response_time_ms", 523],
    ["1.5", "duration_s", 1500],
    ["1e3", undefined, 1000],
    ["1.5s", "duration_ns", 1500],
    [0.1 + 0.2, undefined, 0.3],
    [-0, undefined, 0],
  ])("%j (field %s) -> %j ms", (value, field, expected) => {
    expect(normalizeDuration(value, field)).toBe(expected);
  });

  it.each([
    ["-5"],
    [-5],
    ["-1.5s"],
    ["NaN"],
    [Number.NaN],
    ["1e400"],
    [Number.POSITIVE_INFINITY],
    [""],
    ["fast"],
    ["1.5 seconds"],
    ["1.5s2"],
    ["00:05"],
    ["<1 sec"],
    [true],
    [null],
    [{}],
  ])("%j -> null", (value) => {
    expect(normalizeDuration(value)).toBeNull();
  });

  it("returns a finite non-negative number or null, and is idempotent in ms", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.string(), fc.constantFrom("1.5s", "2min", "1h2m")),
        (value) => {
          const millis = normalizeDuration(value);
          if (millis === null) return;
          expect(Number.isFinite(millis) && millis >= 0).toBe(true);
          expect(normalizeDuration(millis)).toBe(millis);
          expect(normalizeDuration(millis, "duration_ms")).toBe(millis);
        },
      ),
    );
  });
});
