import { z } from "zod";

const FIRST_MS = 0;
const LAST_MS = Date.UTC(2101, 0, 1) - 1;

/**
 * An instant as UTC epoch milliseconds (an integer). Branded so that a plain
 * number (seconds, a duration, a count) is not passed where an instant is
 * expected by accident. In memory every logfeat instant is EpochMillis; on the
 * wire (JSON, CSV) it is ISO 8601 UTC with milliseconds (`formatInstant`).
 */
export const EpochMillisSchema = z
  .number()
  .int("must be an integer number of milliseconds")
  .min(FIRST_MS, "must not be before 1970-01-01T00:00:00.000Z")
  .max(LAST_MS, "must be before 2101-01-01T00:00:00.000Z")
  .brand<"EpochMillis">();

/** UTC epoch milliseconds, see `EpochMillisSchema`. */
export type EpochMillis = z.infer<typeof EpochMillisSchema>;

/** First instant logfeat accepts: 1970-01-01T00:00:00.000Z. */
export const MIN_INSTANT: EpochMillis = FIRST_MS as EpochMillis;
/** Last instant logfeat accepts: 2100-12-31T23:59:59.999Z. */
export const MAX_INSTANT: EpochMillis = LAST_MS as EpochMillis;

/**
 * Brands a number as EpochMillis after checking it: an integer within
 * 1970..2100. Returns `null` for anything else (NaN, fractions, out of range).
 */
export function toEpochMillis(value: number): EpochMillis | null {
  return Number.isInteger(value) && value >= MIN_INSTANT && value <= MAX_INSTANT
    ? (value as EpochMillis)
    : null;
}

/**
 * Formats an instant as ISO 8601 UTC with milliseconds and `Z`,
 * e.g. `2025-02-07T10:15:30.123Z`. This is the only wire form of an instant.
 */
export function formatInstant(instant: EpochMillis): string {
  return new Date(instant).toISOString();
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an ISO 8601 / RFC 3339 instant that carries its offset (`Z`,
 * `+hh:mm` or `+hhmm`), `T` or space separator, fraction after `.` or `,`
 * (digits past milliseconds are truncated). Returns `null` for anything else:
 * a naive date-time (no offset), an impossible date (Feb 30, hour 25), an
 * offset beyond ±23:59, or a year outside 1970..2100. Never throws.
 * Naive and other forms are the normalizers' job (`normalizeTimestamp`).
 */
export function parseInstant(text: string): EpochMillis | null {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const fraction = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (match[8] === undefined) {
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (offsetHours * 60 + offsetMins) * (match[9] === "-" ? -1 : 1);
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  return toEpochMillis(local - offsetMinutes * 60_000);
}

/** Number of days in a month of the proleptic Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * zod schema for an instant on the wire: an ISO 8601 string with offset,
 * decoded to EpochMillis and encoded back with `formatInstant`.
 */
export const IsoInstantCodec = z.codec(
  z.string().refine((text) => parseInstant(text) !== null, {
    message: "expected an ISO 8601 instant with offset, e.g. 2025-02-07T10:15:00.000Z",
  }),
  EpochMillisSchema,
  {
    decode: (text) => parseInstant(text) as number,
    encode: (instant) => new Date(instant).toISOString(),
  },
);
