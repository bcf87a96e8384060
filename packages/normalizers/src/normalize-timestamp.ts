import { type EpochMillis, toEpochMillis } from "@logfeat/schema";
import { expandYear, MONTHS, wallClockMillis } from "./calendar.js";
import {
  MILLISECONDS_UTC_LENGTH,
  scanIsoTimestamp,
  scanMillisecondsUtc,
  zoneDesignatorMinutes,
} from "./iso-timestamp.js";
import {
  resolveTimestampOptions,
  type TimestampContext,
  type TimestampOptions,
} from "./options.js";

const DAY_MS = 86_400_000;
/** Years tried back from the reference year for a year-less date (Feb 29 may need 8). */
const YEARLESS_LOOKBACK = 8;

const EPOCH_DIGITS = /^(\d+)(?:\.(\d+))?$/;
/** `MM-dd HH:mm:ss(.SSS)`: year-less, as the parsers write a year-less date pattern. */
const MONTH_DAY = /^(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?$/;
/** `yy-MM-dd ...` / `yy/MM/dd ...`: a two-digit year in ISO order. */
const TWO_DIGIT_YEAR = /^\d{2}([-/])\d{2}\1\d{2}(?:[Tt ]|$)/;
/** syslog `Mmm dd hh:mm:ss` (year-less) and ctime `Www Mmm dd hh:mm:ss yyyy`. */
const MONTH_NAME_FIRST =
  /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:\s+(\d{4}))?$/;
/** RFC 2822 `[Www, ]dd Mmm yyyy hh:mm[:ss] zone`. */
const RFC_2822 =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4}|\d{2})\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?(?:\s+(\S+))?$/;
/** Apache `dd/Mmm/yyyy:hh:mm:ss zone`. */
const APACHE =
  /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:\s+(\S+))?$/;

/** Milliseconds of a fraction's digits (`"5"` -> 500, `"123456"` -> 123); 0 when absent. */
function fractionMillis(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number(digits.length >= 3 ? digits.slice(0, 3) : digits.padEnd(3, "0"));
}

/** Epoch milliseconds of an epoch number written in decimal, read by magnitude. */
function epochFromDigits(integerDigits: string, fractionDigits: string | undefined): number {
  const integer = Number(integerDigits);
  if (integer < 1e11) return integer * 1000 + fractionMillis(fractionDigits);
  if (integer < 1e14) return integer;
  if (integer < 1e17) return Number(integerDigits.slice(0, -3));
  return Number(integerDigits.slice(0, -6));
}

/** Epoch milliseconds of an epoch number: `< 1e11` s, `< 1e14` ms, `< 1e17` µs, else ns. */
function epochFromNumber(value: number): number {
  if (!Number.isFinite(value) || value < 0) return Number.NaN;
  if (!Number.isInteger(value)) {
    const match = EPOCH_DIGITS.exec(String(value));
    return match === null ? Number.NaN : epochFromDigits(match[1] as string, match[2]);
  }
  if (value < 1e11) return value * 1000;
  if (value < 1e14) return value;
  if (value < 1e17) return Math.floor(value / 1e3);
  return Math.floor(value / 1e6);
}

/** Local milliseconds -> UTC, or the offset-less reading when `offsetText` is absent. */
function withZone(local: number, offsetText: string | undefined, context: TimestampContext) {
  if (Number.isNaN(local)) return Number.NaN;
  if (offsetText === undefined) return context.zone.toUtc(local);
  const offsetMinutes = zoneDesignatorMinutes(offsetText, 0);
  return local - offsetMinutes * 60_000;
}

/**
 * The instant of a year-less date: the most recent year in which it is not
 * more than one day after the reference time (a December line read in
 * January lands in the previous year), read in the context's zone.
 */
function yearlessInstant(
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  context: TimestampContext,
): number {
  const latest = context.referenceTime + DAY_MS;
  for (
    let year = context.referenceYear + 1;
    year >= context.referenceYear - YEARLESS_LOOKBACK;
    year -= 1
  ) {
    const local = wallClockMillis(year, month, day, hour, minute, second, millisecond);
    if (Number.isNaN(local)) continue;
    const instant = context.zone.toUtc(local);
    if (instant <= latest) return instant;
  }
  return Number.NaN;
}

/** The other text forms (everything but ISO 8601 with a four-digit year), or NaN. */
function parseOtherForms(text: string, context: TimestampContext): number {
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const epoch = EPOCH_DIGITS.exec(text);
    if (epoch !== null) return epochFromDigits(epoch[1] as string, epoch[2]);
    const monthDay = MONTH_DAY.exec(text);
    if (monthDay !== null)
      return yearlessInstant(
        Number(monthDay[1]),
        Number(monthDay[2]),
        Number(monthDay[3]),
        Number(monthDay[4]),
        Number(monthDay[5]),
        fractionMillis(monthDay[6]),
        context,
      );
    if (TWO_DIGIT_YEAR.test(text)) return scanIsoTimestamp(`20${text}`, context.zone);
    const apache = APACHE.exec(text);
    if (apache !== null) {
      const month = MONTHS.get((apache[2] as string).toLowerCase()) ?? 0;
      const local = wallClockMillis(
        Number(apache[3]),
        month,
        Number(apache[1]),
        Number(apache[4]),
        Number(apache[5]),
        Number(apache[6]),
        fractionMillis(apache[7]),
      );
      return withZone(local, apache[8], context);
    }
  }
  const rfc2822 = RFC_2822.exec(text);
  if (rfc2822 !== null) {
    const yearDigits = rfc2822[3] as string;
    const local = wallClockMillis(
      expandYear(Number(yearDigits), yearDigits.length),
      MONTHS.get((rfc2822[2] as string).toLowerCase()) ?? 0,
      Number(rfc2822[1]),
      Number(rfc2822[4]),
      Number(rfc2822[5]),
      rfc2822[6] === undefined ? 0 : Number(rfc2822[6]),
      fractionMillis(rfc2822[7]),
    );
    return withZone(local, rfc2822[8], context);
  }
  const named = MONTH_NAME_FIRST.exec(text);
  if (named !== null) {
    const month = MONTHS.get((named[1] as string).toLowerCase()) ?? 0;
    const day = Number(named[2]);
    const hour = Number(named[3]);
    const minute = Number(named[4]);
    const second = Number(named[5]);
    const millisecond = fractionMillis(named[6]);
    if (named[7] === undefined)
      return yearlessInstant(month, day, hour, minute, second, millisecond, context);
    const local = wallClockMillis(Number(named[7]), month, day, hour, minute, second, millisecond);
    return withZone(local, undefined, context);
  }
  return Number.NaN;
}

/** True when `text` needs trimming or has surrounding `[...]` (checked on its ends only). */
function needsStripping(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || first === 91 || last === 93;
}

/**
 * The instant of a timestamp value with a resolved context; the hot-path form
 * of `normalizeTimestamp` (no option validation). Returns null when the value
 * is not a timestamp in an accepted form or falls outside 1970..2100.
 */
export function timestampInstant(value: unknown, context: TimestampContext): EpochMillis | null {
  let instant: number;
  if (typeof value === "string") {
    // The commonest form first: a text it reads has a digit and `Z` at its ends, so nothing to strip.
    if (value.length === MILLISECONDS_UTC_LENGTH) {
      instant = scanMillisecondsUtc(value);
      if (instant >= 0) return toEpochMillis(instant);
    }
    let text = value;
    if (text.length === 0) return null;
    if (needsStripping(text)) text = text.trim().replace(/^\[\s*(.*?)\s*\]$/, "$1");
    instant = scanIsoTimestamp(text, context.zone);
    if (Number.isNaN(instant)) instant = parseOtherForms(text, context);
  } else if (typeof value === "number") {
    instant = epochFromNumber(value);
  } else if (value instanceof Date) {
    instant = value.getTime();
  } else {
    return null;
  }
  // `+ 0` turns an epoch of -0 into 0: the same instant, and the same value once written as ISO and read back.
  return Number.isNaN(instant) ? null : toEpochMillis(instant + 0);
}

/**
 * Reads a timestamp as UTC epoch milliseconds (sub-millisecond digits are
 * truncated), or null when it is not one. Accepted (SPEC section 4):
 * - ISO 8601 / RFC 3339: `2025-02-07T10:15:30.123Z`, `T` or space, `.` or
 *   `,` fractions, `Z`, `±hh`, `±hhmm`, `±hh:mm`, or `UTC`/`GMT`; `/` date
 *   separators (`2025/02/07 10:15:30`); two-digit years (`25-02-07 ...` is 2025);
 * - naive date-times (no offset), including ctime `Sun Dec 04 04:47:44 2005`,
 *   read in `timeZone` (DST gap forward, overlap earlier);
 * - epoch numbers or digit strings by magnitude: `< 1e11` s (fractions ok),
 *   `< 1e14` ms, `< 1e17` µs, else ns;
 * - year-less `Mmm dd hh:mm:ss` (syslog) and `MM-dd HH:mm:ss.SSS`, placed in
 *   the most recent year not more than a day after `referenceTime`;
 * - RFC 2822 `Fri, 07 Feb 2025 10:15:30 +0000` and Apache `07/Feb/2025:10:15:30 +0000`;
 * - a valid `Date`.
 * Surrounding whitespace and `[...]` are ignored. Years outside 1970..2100,
 * impossible dates (Feb 30, hour 25) and offsets beyond ±23:59 give null.
 * Options are validated on every call (ConfigError); for many values use
 * `createNormalizer`.
 */
export function normalizeTimestamp(value: unknown, options?: TimestampOptions): EpochMillis | null {
  return timestampInstant(value, resolveTimestampOptions(options));
}
