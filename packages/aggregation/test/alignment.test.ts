import { AggregationError } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { aggregateLogs, alignTimestampToWindow } from "../src/index.js";
import { at, makeEntry } from "./entries.js";

describe("alignTimestampToWindow in UTC", () => {
  it.each([
    [1, "2025-02-07T10:15:30.000Z", "2025-02-07T10:15:30.000Z"],
    [1, "2025-02-07T10:15:30.999Z", "2025-02-07T10:15:30.000Z"],
    [60, "2025-02-07T10:15:00.000Z", "2025-02-07T10:15:00.000Z"],
    [60, "2025-02-07T10:15:59.999Z", "2025-02-07T10:15:00.000Z"],
    [300, "2025-02-07T10:15:00.000Z", "2025-02-07T10:15:00.000Z"],
    [300, "2025-02-07T10:14:59.999Z", "2025-02-07T10:10:00.000Z"],
    [300, "2025-02-07T10:19:59.999Z", "2025-02-07T10:15:00.000Z"],
    [3600, "2025-02-07T10:00:00.000Z", "2025-02-07T10:00:00.000Z"],
    [3600, "2025-02-07T09:59:59.999Z", "2025-02-07T09:00:00.000Z"],
    [86400, "2025-02-07T00:00:00.000Z", "2025-02-07T00:00:00.000Z"],
    [86400, "2025-02-06T23:59:59.999Z", "2025-02-06T00:00:00.000Z"],
    [86400, "2025-03-30T12:00:00.000Z", "2025-03-30T00:00:00.000Z"],
    // 7 days from the epoch: windows start on Thursdays (1970-01-01 was one).
    [604800, "2025-02-07T10:00:00.000Z", "2025-02-06T00:00:00.000Z"],
    // Sizes that do not divide a day still count from the epoch.
    [7, "1970-01-01T00:00:13.999Z", "1970-01-01T00:00:07.000Z"],
    [7000, "2025-02-07T10:15:30.000Z", "2025-02-07T09:03:20.000Z"],
  ])("size %i s: %s -> %s", (size, instant, expected) => {
    expect(alignTimestampToWindow(at(instant), size)).toBe(at(expected));
  });

  it("is floor(t / size) * size for every size", () => {
    const instant = at("2025-02-07T10:15:30.123Z");
    for (const size of [1, 2, 7, 59, 60, 61, 300, 999, 3600, 7000, 86400, 90000, 2678400])
      expect(alignTimestampToWindow(instant, size)).toBe(
        Math.floor(instant / (size * 1000)) * size * 1000,
      );
  });

  it("ignores the time zone for sub-day windows", () => {
    const instant = at("2025-02-07T10:15:30.000Z");
    expect(alignTimestampToWindow(instant, 3600, { timeZone: "Asia/Kolkata" })).toBe(
      at("2025-02-07T10:00:00.000Z"),
    );
  });
});

describe("alignTimestampToWindow with a time zone (day windows)", () => {
  it.each([
    ["Europe/Berlin", "2025-02-07T10:00:00.000Z", "2025-02-06T23:00:00.000Z"],
    ["Europe/Berlin", "2025-02-06T22:59:59.999Z", "2025-02-05T23:00:00.000Z"],
    ["Europe/Berlin", "2025-02-06T23:00:00.000Z", "2025-02-06T23:00:00.000Z"],
    ["europe/berlin", "2025-02-06T23:00:00.000Z", "2025-02-06T23:00:00.000Z"],
    ["America/New_York", "2025-02-07T04:59:59.999Z", "2025-02-06T05:00:00.000Z"],
    ["America/New_York", "2025-02-07T05:00:00.000Z", "2025-02-07T05:00:00.000Z"],
    ["Asia/Kolkata", "2025-02-07T10:00:00.000Z", "2025-02-06T18:30:00.000Z"],
    ["+05:30", "2025-02-07T10:00:00.000Z", "2025-02-06T18:30:00.000Z"],
    // DST days: spring forward (23 h) and fall back (25 h).
    ["Europe/Berlin", "2025-03-30T21:59:59.999Z", "2025-03-29T23:00:00.000Z"],
    ["Europe/Berlin", "2025-03-30T22:00:00.000Z", "2025-03-30T22:00:00.000Z"],
    ["Europe/Berlin", "2025-10-26T22:59:59.999Z", "2025-10-25T22:00:00.000Z"],
    ["Europe/Berlin", "2025-10-26T23:00:00.000Z", "2025-10-26T23:00:00.000Z"],
  ])("%s: %s -> %s", (timeZone, instant, expected) => {
    expect(alignTimestampToWindow(at(instant), 86400, { timeZone })).toBe(at(expected));
  });

  it("counts multi-day windows in local days from local 1970-01-01", () => {
    // Local 2025-02-06 is day 20125 = 7 * 2875: a 7-day window starts there.
    expect(
      alignTimestampToWindow(at("2025-02-10T10:00:00.000Z"), 7 * 86400, {
        timeZone: "Europe/Berlin",
      }),
    ).toBe(at("2025-02-05T23:00:00.000Z"));
  });

  it("gives the UTC result for a zero-offset zone on the calendar path", () => {
    for (const days of [1, 2, 7, 31]) {
      for (const iso of [
        "2025-02-07T10:00:00.000Z",
        "2024-12-31T23:59:59.999Z",
        "1970-01-01T00:00:00.000Z",
      ]) {
        expect(alignTimestampToWindow(at(iso), days * 86400, { timeZone: "Etc/UTC" })).toBe(
          alignTimestampToWindow(at(iso), days * 86400),
        );
      }
    }
  });

  it("aligns a day without local midnight to its first instant", () => {
    // America/Santiago sprang forward at 24:00 on 2024-09-07: 2024-09-08 starts at 01:00 local.
    expect(
      alignTimestampToWindow(at("2024-09-08T12:00:00.000Z"), 86400, {
        timeZone: "America/Santiago",
      }),
    ).toBe(at("2024-09-08T04:00:00.000Z"));
  });

  it("rejects bad sizes and zones", () => {
    expect(() => alignTimestampToWindow(at("2025-02-07T10:00:00.000Z"), 0)).toThrow(
      AggregationError,
    );
    expect(() =>
      alignTimestampToWindow(at("2025-02-07T10:00:00.000Z"), 60, { timeZone: "Mars/Base" }),
    ).toThrow(/timeZone/);
  });
});

describe("window_end", () => {
  function onlyWindow(timestamp: string, windowSizeSeconds: number, timeZone = "UTC") {
    const windows = aggregateLogs([makeEntry({ timestamp })], { windowSizeSeconds, timeZone });
    const [window] = windows.values();
    if (window === undefined) throw new Error("no window");
    return {
      start: window.window_start,
      end: window.window_end,
      hours: (window.window_end - window.window_start) / 3_600_000,
    };
  }

  it.each([1, 60, 300, 3600, 86400])("is start + %i s in UTC", (size) => {
    const window = onlyWindow("2025-02-07T10:15:30.500Z", size);
    expect(window.end - window.start).toBe(size * 1000);
  });

  it("is the next local midnight: 24, 23 and 25 hour days in Europe/Berlin", () => {
    expect(onlyWindow("2025-02-07T12:00:00.000Z", 86400, "Europe/Berlin")).toEqual({
      start: at("2025-02-06T23:00:00.000Z"),
      end: at("2025-02-07T23:00:00.000Z"),
      hours: 24,
    });
    expect(onlyWindow("2025-03-30T12:00:00.000Z", 86400, "Europe/Berlin")).toEqual({
      start: at("2025-03-29T23:00:00.000Z"),
      end: at("2025-03-30T22:00:00.000Z"),
      hours: 23,
    });
    expect(onlyWindow("2025-10-26T12:00:00.000Z", 86400, "Europe/Berlin")).toEqual({
      start: at("2025-10-25T22:00:00.000Z"),
      end: at("2025-10-26T23:00:00.000Z"),
      hours: 25,
    });
  });

  it("is UTC midnight for day windows in UTC", () => {
    expect(onlyWindow("2025-03-30T12:00:00.000Z", 86400)).toEqual({
      start: at("2025-03-30T00:00:00.000Z"),
      end: at("2025-03-31T00:00:00.000Z"),
      hours: 24,
    });
  });
});
