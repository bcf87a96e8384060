import { ConfigError } from "@logfeat/schema";
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { normalizeTimestamp } from "../src/index.js";
import { NOT_THIS_SHAPE, scanIsoTimestamp, scanMillisecondsUtc } from "../src/iso-timestamp.js";
import { timestampInstant } from "../src/normalize-timestamp.js";
import { resolveTimestampOptions } from "../src/options.js";
import { ZoneOffsets } from "../src/zone-offsets.js";

const REFERENCE = "2025-02-10T12:00:00Z";
const utc = (text: string): number => Date.parse(text);

/** [input, expected ISO instant or null], read in UTC with REFERENCE as reference time. */
const UTC_CASES: ReadonlyArray<readonly [unknown, string | null]> = [
  // ISO 8601 / RFC 3339 with offsets
  ["2025-02-07T10:15:30.123Z", "2025-02-07T10:15:30.123Z"],
  ["2025-02-07T10:15:30Z", "2025-02-07T10:15:30.000Z"],
  ["2025-02-07t10:15:30z", "2025-02-07T10:15:30.000Z"],
  ["2025-02-07 10:15:30.123Z", "2025-02-07T10:15:30.123Z"],
  ["2025-02-07T10:15:30,456Z", "2025-02-07T10:15:30.456Z"],
  ["2025-02-07T10:15:30.5Z", "2025-02-07T10:15:30.500Z"],
  ["2024-04-16T15:10:44.103611953Z", "2024-04-16T15:10:44.103Z"],
  ["2025-02-07T10:15:30.999999999999Z", "2025-02-07T10:15:30.999Z"],
  ["2025-02-07T10:15:30+02:00", "2025-02-07T08:15:30.000Z"],
  ["2025-02-07T10:15:30-0700", "2025-02-07T17:15:30.000Z"],
  ["2025-02-07T10:15:30+05", "2025-02-07T05:15:30.000Z"],
  ["2018-03-24T08:59:37-07:00", "2018-03-24T15:59:37.000Z"],
  ["2025-02-07T10:15Z", "2025-02-07T10:15:00.000Z"],
  ["2025-02-07 10:15:30 +0000 UTC", "2025-02-07T10:15:30.000Z"],
  ["2025-02-07 10:15:30 UTC", "2025-02-07T10:15:30.000Z"],
  ["2025-02-07 10:15:30 GMT", "2025-02-07T10:15:30.000Z"],
  ["2025/02/07 10:15:30", "2025-02-07T10:15:30.000Z"],
  ["  2025-02-07T10:15:30Z  ", "2025-02-07T10:15:30.000Z"],
  ["[2025-02-07T10:15:30Z]", "2025-02-07T10:15:30.000Z"],
  ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999Z"],
  // naive ISO (UTC here)
  ["2025-02-07T10:15:30", "2025-02-07T10:15:30.000Z"],
  ["2015-10-18 18:01:47,978", "2015-10-18T18:01:47.978Z"],
  ["2008-11-09T20:36:15.000", "2008-11-09T20:36:15.000Z"],
  ["2025-02-07", "2025-02-07T00:00:00.000Z"],
  // two-digit years
  ["17/06/09 20:10:40", "2017-06-09T20:10:40.000Z"],
  ["25-02-07 10:15:30", "2025-02-07T10:15:30.000Z"],
  // epoch numbers and numeric strings by magnitude
  [1738923330, "2025-02-07T10:15:30.000Z"],
  [1738923330.123456, "2025-02-07T10:15:30.123Z"],
  ["1738923330.5", "2025-02-07T10:15:30.500Z"],
  [1738923330123, "2025-02-07T10:15:30.123Z"],
  ["1738923330123", "2025-02-07T10:15:30.123Z"],
  [1738923330123456, "2025-02-07T10:15:30.123Z"],
  ["1738923330123456789", "2025-02-07T10:15:30.123Z"],
  [0, "1970-01-01T00:00:00.000Z"],
  ["1117838570", "2005-06-03T22:42:50.000Z"],
  // year-less syslog and MM-dd forms (reference 2025-02-10)
  ["Feb  7 10:15:30", "2025-02-07T10:15:30.000Z"],
  ["Feb 7 10:15:30", "2025-02-07T10:15:30.000Z"],
  ["Feb 11 10:15:30", "2025-02-11T10:15:30.000Z"],
  ["Feb 12 10:15:30", "2024-02-12T10:15:30.000Z"],
  ["Dec 10 06:55:46", "2024-12-10T06:55:46.000Z"],
  ["Feb 29 10:00:00", "2024-02-29T10:00:00.000Z"],
  ["02-07 10:15:30.811", "2025-02-07T10:15:30.811Z"],
  ["03-17 16:13:38.811", "2024-03-17T16:13:38.811Z"],
  // RFC 2822, Apache, ctime
  ["Fri, 07 Feb 2025 10:15:30 +0000", "2025-02-07T10:15:30.000Z"],
  ["Fri, 07 Feb 2025 10:15:30 GMT", "2025-02-07T10:15:30.000Z"],
  ["7 Feb 25 10:15 -0500", "2025-02-07T15:15:00.000Z"],
  ["Fri, 07 Feb 2025 10:15:30 EST", "2025-02-07T15:15:30.000Z"],
  ["07/Feb/2025:10:15:30 +0000", "2025-02-07T10:15:30.000Z"],
  ["[17/May/2015:10:05:03 +0200]", "2015-05-17T08:05:03.000Z"],
  ["Sun Dec 04 04:47:44 2005", "2005-12-04T04:47:44.000Z"],
  ["[Sun Dec 04 04:47:44 2005]", "2005-12-04T04:47:44.000Z"],
  ["Fri Sep 09 10:42:29.902022 2011", "2011-09-09T10:42:29.902Z"],
  [new Date("2025-02-07T10:15:30.123Z"), "2025-02-07T10:15:30.123Z"],
  // the 24-character form `YYYY-MM-DDTHH:mm:ss.sssZ` read at fixed positions, and its neighbours
  ["2025/02/07t10:15:30,123z", "2025-02-07T10:15:30.123Z"],
  ["2016-12-31T23:59:60.500Z", "2016-12-31T23:59:59.999Z"],
  ["2025-02-07T10:15:30.12 Z", "2025-02-07T10:15:30.120Z"],
  ["2025-02-07T10:15:30.1 UT", "2025-02-07T10:15:30.100Z"],
  ["2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"],
  ["2025-02-29T10:15:30.123Z", null],
  ["2025-02-07T24:00:00.000Z", null],
  ["2025-02-07T10:15:61.000Z", null],
  ["1969-12-31T23:59:59.999Z", null],
  ["2025-02-07T10:15:3x.123Z", null],
  ["2025-02-07T10:15:30.1x3Z", null],
  // rejected
  ["2025-02-30T10:15:30Z", null],
  ["2025-02-07T25:15:30Z", null],
  ["2025-02-07T10:60:00Z", null],
  ["2025-13-07T10:15:30Z", null],
  ["1969-12-31T23:59:59Z", null],
  ["2101-01-01T00:00:00Z", null],
  ["2025-02-07T10:15:30+25:00", null],
  ["2025-02-07T10:15:30+02:60", null],
  ["2025-02-07T10:15:30.Z", null],
  ["2025-02-07T10:15:30 XYZ", null],
  ["2025-02-07X10:15:30Z", null],
  ["", null],
  ["   ", null],
  ["garbage", null],
  ["Foo 07 10:15:30", null],
  ["Feb 30 10:15:30", null],
  ["02-30 10:15:30", null],
  ["31/Feb/2025:10:15:30 +0000", null],
  ["Fri, 07 Feb 2025 10:15:30 +9900", null],
  [-1, null],
  [Number.NaN, null],
  [Number.POSITIVE_INFINITY, null],
  ["-1738923330", null],
  ["1e9", null],
  [true, null],
  [null, null],
  [undefined, null],
  [{ timestamp: 1 }, null],
  [new Date(Number.NaN), null],
];

describe("normalizeTimestamp", () => {
  it("covers at least 40 inputs", () => {
    expect(UTC_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it("reads the epoch -0 as the instant 0 (not -0: idempotent through ISO)", () => {
    expect(Object.is(normalizeTimestamp(-0, { referenceTime: REFERENCE }), 0)).toBe(true);
  });

  it.each(UTC_CASES.map(([input, expected]) => [String(input), input, expected] as const))(
    "%s",
    (_label, input, expected) => {
      const result = normalizeTimestamp(input, { referenceTime: REFERENCE });
      expect(result === null ? null : new Date(result).toISOString()).toBe(expected);
    },
  );

  it("reads naive times in timeZone, resolving a DST gap forward", () => {
    expect(normalizeTimestamp("2025-03-30 02:30:00", { timeZone: "Europe/Berlin" })).toBe(
      utc("2025-03-30T01:30:00.000Z"),
    );
  });

  it("resolves a DST overlap to the earlier instant", () => {
    expect(normalizeTimestamp("2025-11-02 01:30:00", { timeZone: "America/New_York" })).toBe(
      utc("2025-11-02T05:30:00.000Z"),
    );
  });

  it.each([
    ["2025-03-30 01:59:59.999", "Europe/Berlin", "2025-03-30T00:59:59.999Z"],
    ["2025-03-30 03:00:00", "Europe/Berlin", "2025-03-30T01:00:00.000Z"],
    ["2025-10-26 02:30:00", "Europe/Berlin", "2025-10-26T00:30:00.000Z"],
    ["2025-10-26 03:30:00", "Europe/Berlin", "2025-10-26T02:30:00.000Z"],
    ["2025-07-01T12:00:00", "Asia/Kolkata", "2025-07-01T06:30:00.000Z"],
    ["2025-10-05 02:15:00", "Australia/Lord_Howe", "2025-10-04T15:45:00.000Z"],
    ["2025-10-05 02:45:00", "Australia/Lord_Howe", "2025-10-04T15:45:00.000Z"],
    ["Sun Dec 04 04:47:44 2005", "America/New_York", "2005-12-04T09:47:44.000Z"],
    ["2025-02-07T10:15:30Z", "Asia/Tokyo", "2025-02-07T10:15:30.000Z"],
    ["07/Feb/2025:10:15:30", "Asia/Tokyo", "2025-02-07T01:15:30.000Z"],
  ])("%s in %s -> %s", (input, timeZone, expected) => {
    const result = normalizeTimestamp(input, { timeZone });
    expect(result === null ? null : new Date(result).toISOString()).toBe(expected);
  });

  it("a naive time gives the instant Temporal gives (offset cache per hour is exact)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "Europe/Berlin",
          "America/New_York",
          "Australia/Lord_Howe",
          "Asia/Kathmandu",
          "America/St_Johns",
          "Pacific/Chatham",
        ),
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        (timeZone, millis) => {
          const naive = new Date(millis).toISOString().slice(0, 23);
          const expected = Temporal.PlainDateTime.from(naive).toZonedDateTime(timeZone, {
            disambiguation: "compatible",
          }).epochMilliseconds;
          expect(normalizeTimestamp(naive, { timeZone })).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("every 30 minutes of 2025, transitions included, matches Temporal in zones with odd DST", () => {
    for (const timeZone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]) {
      const mismatches: string[] = [];
      for (let millis = Date.UTC(2025, 0, 1); millis < Date.UTC(2026, 0, 1); millis += 1_800_000) {
        const naive = new Date(millis).toISOString().slice(0, 19);
        const expected =
          Temporal.PlainDateTime.from(naive).toZonedDateTime(timeZone).epochMilliseconds;
        if (normalizeTimestamp(naive, { timeZone }) !== expected) mismatches.push(naive);
      }
      expect(mismatches, timeZone).toEqual([]);
    }
  });

  it("places a year-less date against the reference time in the zone", () => {
    const options = { timeZone: "America/New_York", referenceTime: "2025-01-05T00:00:00Z" };
    expect(new Date(normalizeTimestamp("Dec 31 23:00:00", options) ?? 0).toISOString()).toBe(
      "2025-01-01T04:00:00.000Z",
    );
    expect(new Date(normalizeTimestamp("Jan  5 18:00:00", options) ?? 0).toISOString()).toBe(
      "2025-01-05T23:00:00.000Z",
    );
    expect(new Date(normalizeTimestamp("Jan  6 20:00:00", options) ?? 0).toISOString()).toBe(
      "2024-01-07T01:00:00.000Z",
    );
  });

  it("takes the next year for a date just after a year-end reference", () => {
    const result = normalizeTimestamp("Jan  1 00:10:00", { referenceTime: "2024-12-31T23:30:00Z" });
    expect(result).toBe(utc("2025-01-01T00:10:00Z"));
  });

  it("accepts referenceTime as epoch ms (fractions dropped) and as a Date", () => {
    const fromNumber = normalizeTimestamp("Dec 10 06:55:46", {
      referenceTime: Date.UTC(2017, 0, 2) + 0.75,
    });
    const fromDate = normalizeTimestamp("Dec 10 06:55:46", {
      referenceTime: new Date(Date.UTC(2017, 0, 2)),
    });
    expect(fromNumber).toBe(utc("2016-12-10T06:55:46Z"));
    expect(fromDate).toBe(fromNumber);
  });

  it.each([
    [{ timeZone: "Mars/Base" }, "timeZone"],
    [{ timeZone: 5 }, "timeZone"],
    [{ referenceTime: "yesterday" }, "referenceTime"],
    [{ referenceTime: Number.NaN }, "referenceTime"],
    [{ referenceTime: new Date(Number.NaN) }, "referenceTime"],
    [{ referenceTime: -1 }, "referenceTime"],
    [{ zone: "UTC" }, "zone"],
  ])("throws ConfigError for bad options %j", (options, option) => {
    const call = () => normalizeTimestamp("2025-02-07T10:15:30Z", options as never);
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(`"${option}"`);
  });
});

describe("scanMillisecondsUtc, the 24-character form", () => {
  // Characters around the form's own: digits, its separators and their alternatives, and others.
  const OTHERS = [
    ..."0123456789",
    " ",
    "-",
    "/",
    ":",
    ".",
    ",",
    "T",
    "t",
    "Z",
    "z",
    "U",
    "+",
    "a",
    "\u00e9",
  ];
  const FORM = "2025-02-07T10:15:30.123Z";
  const STRICT_FORM = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
  const nearForm = fc
    .array(fc.tuple(fc.nat({ max: 23 }), fc.constantFrom(...OTHERS)), { maxLength: 4 })
    .chain((changes) =>
      fc.array(fc.constantFrom(..."0123456789"), { minLength: 17, maxLength: 17 }).map((digits) => {
        // The form with random digits, then a few positions replaced by other characters.
        let digit = 0;
        const characters = [...FORM].map((character) =>
          character >= "0" && character <= "9" ? (digits[digit++] as string) : character,
        );
        for (const [position, character] of changes) characters[position] = character;
        return characters.join("");
      }),
    );

  it("gives what the general scan gives for the same text with +00:00 for Z (an instant or NaN)", () => {
    for (const timeZone of ["UTC", "Europe/Berlin"]) {
      const zone = new ZoneOffsets(timeZone);
      fc.assert(
        fc.property(nearForm, (text) => {
          // As `timestampInstant` reads the text: the fixed-position form, else the general scan.
          const fast = scanMillisecondsUtc(text);
          if (fast !== NOT_THIS_SHAPE) expect(fast).toBe(scanIsoTimestamp(text, zone));
          const actual = fast === NOT_THIS_SHAPE ? scanIsoTimestamp(text, zone) : fast;
          const designator = text.charCodeAt(23);
          if (designator === 90 || designator === 122)
            expect(actual).toBe(scanIsoTimestamp(`${text.slice(0, 23)}+00:00`, zone));
          if (!Number.isNaN(actual) && STRICT_FORM.test(text))
            expect(actual).toBe(Date.parse(text));
        }),
        { numRuns: 3000 },
      );
    }
  });

  it("reads every valid instant of the form as Date#toISOString writes it", () => {
    const zone = new ZoneOffsets("Europe/Berlin");
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 11, 31, 23, 59, 59, 999) }),
        (instant) => {
          expect(scanMillisecondsUtc(new Date(instant).toISOString())).toBe(instant);
          expect(scanIsoTimestamp(new Date(instant).toISOString(), zone)).toBe(instant);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("timestampInstant reads the form first; it gives what the general path gives (null or an instant)", () => {
    // A leading space makes the text 25 characters long: the general path trims it and reads the rest.
    for (const timeZone of ["UTC", "Europe/Berlin"]) {
      const context = resolveTimestampOptions({ timeZone, referenceTime: REFERENCE });
      fc.assert(
        fc.property(nearForm, (text) => {
          expect(timestampInstant(text, context)).toBe(timestampInstant(` ${text}`, context));
        }),
        { numRuns: 3000 },
      );
      // Random digits rarely make a date in 1970..2100: instants in range, written by toISOString, too.
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 11, 31, 23, 59, 59, 999) }),
          (instant) => {
            const text = new Date(instant).toISOString();
            expect(timestampInstant(text, context)).toBe(timestampInstant(` ${text}`, context));
          },
        ),
        { numRuns: 1000 },
      );
    }
  });
});
