import { daysInMonth } from "@logfeat/schema";

/** First and last calendar year a timestamp may name (SPEC section 4). */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;

/** Month names (three-letter and full, lower case) -> month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ].flatMap((name, index) => [[name.slice(0, 3), index + 1] as const, [name, index + 1] as const]),
);

/**
 * Zone designators accepted after a time in place of a numeric offset, in
 * minutes east of UTC: UTC names and the RFC 2822 North American zones.
 */
export const ZONE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ["z", 0],
  ["ut", 0],
  ["utc", 0],
  ["gmt", 0],
  ["est", -300],
  ["edt", -240],
  ["cst", -360],
  ["cdt", -300],
  ["mst", -420],
  ["mdt", -360],
  ["pst", -480],
  ["pdt", -420],
]);

/** The last valid date seen and its `Date.UTC`: consecutive log lines mostly share a date. */
let lastYear = 0;
let lastMonth = 0;
let lastDay = 0;
let lastDayMillis = 0;

/**
 * `Date.UTC` of wall-clock fields after checking them (month 1..12, a day
 * that exists in that month, hour 0..23, minute 0..59, second 0..60 where a
 * leap second 60 reads as 59.999, year 1970..2100); NaN when a field is out
 * of range. The result is "local milliseconds": the fields as if they were UTC.
 */
export function wallClockMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number {
  let dayMillis: number;
  if (year === lastYear && month === lastMonth && day === lastDay) {
    dayMillis = lastDayMillis;
  } else {
    if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12) return Number.NaN;
    if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    dayMillis = Date.UTC(year, month - 1, day);
    lastYear = year;
    lastMonth = month;
    lastDay = day;
    lastDayMillis = dayMillis;
  }
  if (hour > 23 || minute > 59 || second > 60) return Number.NaN;
  if (second === 60) return dayMillis + hour * 3_600_000 + minute * 60_000 + 59_999;
  return dayMillis + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
}

/** A two-digit year is 20yy (SPEC section 4); other years are kept. */
export function expandYear(year: number, digits: number): number {
  return digits === 2 ? 2000 + year : year;
}
