import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EpochMillisSchema,
  formatInstant,
  IsoInstantCodec,
  MAX_INSTANT,
  MIN_INSTANT,
  parseInstant,
  toEpochMillis,
} from "../src/index.js";

describe("parseInstant", () => {
  it.each([
    ["2025-02-07T10:15:30.123Z", Date.UTC(2025, 1, 7, 10, 15, 30, 123)],
    ["2025-02-07 10:15:30.123Z", Date.UTC(2025, 1, 7, 10, 15, 30, 123)],
    ["2025-02-07T10:15:30,5Z", Date.UTC(2025, 1, 7, 10, 15, 30, 500)],
    ["2025-02-07T10:15:30.123456789Z", Date.UTC(2025, 1, 7, 10, 15, 30, 123)],
    ["2025-02-07T10:15:30Z", Date.UTC(2025, 1, 7, 10, 15, 30)],
    ["2025-02-07T10:15Z", Date.UTC(2025, 1, 7, 10, 15)],
    ["2025-02-07T12:15:30+02:00", Date.UTC(2025, 1, 7, 10, 15, 30)],
    ["2025-02-07T05:15:30-0500", Date.UTC(2025, 1, 7, 10, 15, 30)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["1970-01-01T00:00:00.000Z", 0],
    ["2100-12-31T23:59:59.999Z", Date.UTC(2100, 11, 31, 23, 59, 59, 999)],
  ])("accepts %s", (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    ["naive date-time", "2025-02-07T10:15:30"],
    ["February 30", "2025-02-30T00:00:00Z"],
    ["February 29 of a common year", "2025-02-29T00:00:00Z"],
    ["hour 25", "2025-02-07T25:00:00Z"],
    ["minute 60", "2025-02-07T10:60:00Z"],
    ["offset +25:00", "2025-02-07T10:15:30+25:00"],
    ["year 1969", "1969-12-31T23:59:59Z"],
    ["year 2101", "2101-01-01T00:00:00Z"],
    ["empty", ""],
    ["garbage", "yesterday"],
    ["date only", "2025-02-07"],
  ])("rejects %s", (_label, text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it("round-trips every instant in range through formatInstant", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }), (ms) => {
        const instant = toEpochMillis(ms);
        expect(instant).not.toBeNull();
        expect(parseInstant(formatInstant(instant!))).toBe(ms);
      }),
    );
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseInstant(text);
        expect(result === null || Number.isInteger(result)).toBe(true);
      }),
    );
  });
});

describe("toEpochMillis and EpochMillisSchema", () => {
  it.each([Number.NaN, 1.5, -1, MAX_INSTANT + 1, Number.POSITIVE_INFINITY])(
    "rejects %s",
    (value) => {
      expect(toEpochMillis(value)).toBeNull();
      expect(EpochMillisSchema.safeParse(value).success).toBe(false);
    },
  );

  it("formats with milliseconds and Z", () => {
    expect(formatInstant(toEpochMillis(Date.UTC(2025, 1, 7, 10, 15))!)).toBe(
      "2025-02-07T10:15:00.000Z",
    );
  });

  it("IsoInstantCodec decodes and encodes", () => {
    const instant = IsoInstantCodec.decode("2025-02-07T12:15:00+02:00");
    expect(instant).toBe(Date.UTC(2025, 1, 7, 10, 15));
    expect(IsoInstantCodec.encode(instant)).toBe("2025-02-07T10:15:00.000Z");
    expect(IsoInstantCodec.safeDecode("2025-02-30T00:00:00Z").success).toBe(false);
  });
});
