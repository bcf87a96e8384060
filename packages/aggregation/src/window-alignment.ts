import type { EpochMillis } from "@logfeat/schema";
import { Temporal } from "temporal-polyfill";
import { validateTimeZone, validateWindowSize } from "./options.js";

const DAY_MS = 86_400_000;
const DAY_SECONDS = 86_400;

/** Floor modulo: the remainder of `value / divisor` in `[0, divisor)`. */
function floorModulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/**
 * Finds the window `[start, end)` of an instant for one window size and time
 * zone. `align(t)` returns the start and leaves the end in `end` (no object
 * per call). Two rules:
 * - fixed windows (`timeZone` UTC, or a size that is not a whole number of
 *   days): `start = floor(t / size) * size`, counted from the Unix epoch,
 *   `end = start + size`;
 * - calendar windows (a whole number of days k in another zone): a window is
 *   k local calendar days starting at local midnight, counted from the local
 *   day 1970-01-01 (day index divisible by k), ending at the local midnight
 *   k days later (so a 1-day window lasts 23, 24 or 25 hours). A day with no
 *   midnight (DST at 00:00) starts at its first instant.
 * Calendar windows cache their boundaries per UTC day and per local day, so
 * Temporal runs once per day, not once per entry.
 */
export class WindowAligner {
  /** Window size in seconds. */
  readonly windowSizeSeconds: number;
  /** Canonical time zone id. */
  readonly timeZone: string;
  /** End of the window found by the last `align` call (epoch ms, exclusive). */
  end = 0;
  private readonly sizeMs: number;
  private readonly calendarDays: number;
  private readonly boundariesByUtcDay = new Map<number, number[]>();
  private readonly midnightByLocalDay = new Map<number, number>();

  constructor(windowSizeSeconds: number, timeZone: string) {
    this.windowSizeSeconds = windowSizeSeconds;
    this.timeZone = timeZone;
    this.sizeMs = windowSizeSeconds * 1000;
    this.calendarDays =
      timeZone !== "UTC" && windowSizeSeconds % DAY_SECONDS === 0
        ? windowSizeSeconds / DAY_SECONDS
        : 0;
  }

  /** Start of the window holding `instant` (epoch ms); its end is left in `this.end`. */
  align(instant: number): number {
    if (this.calendarDays === 0) {
      const start = instant - floorModulo(instant, this.sizeMs);
      this.end = start + this.sizeMs;
      return start;
    }
    const boundaries = this.boundariesOfUtcDay(Math.floor(instant / DAY_MS));
    let index = 0;
    while ((boundaries[index + 1] as number) <= instant) index += 1;
    this.end = boundaries[index + 1] as number;
    return boundaries[index] as number;
  }

  /**
   * Window boundaries b0 <= dayStart < b1 < ... < bn >= dayEnd covering one
   * UTC day, computed once per UTC day.
   */
  private boundariesOfUtcDay(utcDay: number): number[] {
    const cached = this.boundariesByUtcDay.get(utcDay);
    if (cached !== undefined) return cached;
    const dayStart = utcDay * DAY_MS;
    const local = Temporal.Instant.fromEpochMilliseconds(dayStart).toZonedDateTimeISO(
      this.timeZone,
    );
    const localDay = Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
    let windowDay = localDay - floorModulo(localDay, this.calendarDays);
    const boundaries = [this.midnight(windowDay)];
    while ((boundaries[boundaries.length - 1] as number) < dayStart + DAY_MS) {
      windowDay += this.calendarDays;
      boundaries.push(this.midnight(windowDay));
    }
    this.boundariesByUtcDay.set(utcDay, boundaries);
    return boundaries;
  }

  /** First instant of a local calendar day (days since 1970-01-01), cached. */
  private midnight(localDay: number): number {
    const cached = this.midnightByLocalDay.get(localDay);
    if (cached !== undefined) return cached;
    const date = new Date(localDay * DAY_MS);
    const start = new Temporal.PlainDate(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
    ).toZonedDateTime({ timeZone: this.timeZone }).epochMilliseconds;
    this.midnightByLocalDay.set(localDay, start);
    return start;
  }
}

/** Aligners of `alignTimestampToWindow`, keyed by size and the zone as given. */
const sharedAligners = new Map<string, WindowAligner>();
const SHARED_ALIGNERS_LIMIT = 64;

/** Options of `alignTimestampToWindow`. */
export interface AlignOptions {
  /** IANA zone for windows of a whole number of days (local midnight). Default `"UTC"`. */
  timeZone?: string;
}

/**
 * Start (UTC epoch ms) of the window of `windowSizeSeconds` holding `timestamp`.
 * In UTC, and for any size that is not a whole number of days:
 * `floor(timestamp / size) * size` counted from the Unix epoch (also for sizes
 * that do not divide a day, e.g. 7 s). Whole-day sizes with a `timeZone`
 * start at local midnight: 86400 s windows are the local calendar days (23 or
 * 25 hours long on DST days); k-day windows group local days counted from
 * local 1970-01-01. Throws AggregationError for a bad size or zone. Cached per
 * zone and day: no Temporal object per call.
 */
export function alignTimestampToWindow(
  timestamp: EpochMillis,
  windowSizeSeconds: number,
  options: AlignOptions = {},
): EpochMillis {
  const timeZone = options.timeZone === undefined ? "UTC" : options.timeZone;
  const key = `${windowSizeSeconds}|${timeZone}`;
  let aligner = sharedAligners.get(key);
  if (aligner === undefined) {
    aligner = new WindowAligner(validateWindowSize(windowSizeSeconds), validateTimeZone(timeZone));
    if (sharedAligners.size >= SHARED_ALIGNERS_LIMIT) sharedAligners.clear();
    sharedAligners.set(key, aligner);
  }
  return aligner.align(timestamp) as EpochMillis;
}
