import { ConfigError, type EpochMillis, toEpochMillis } from "@logfeat/schema";

/** The injectable clock: an instant (Date or epoch milliseconds) or a function returning one. */
export type Clock = Date | number | (() => Date | number);

const EXPECTED =
  "a Date, integer epoch milliseconds within 1970..2100, or a function returning one";

/**
 * Validates a `now` option up front and returns a function reading it.
 * `undefined` means `Date.now`. Throws ConfigError for anything else.
 */
export function resolveClock(now: Clock | undefined, option = "now"): () => EpochMillis {
  if (now === undefined) return () => Date.now() as EpochMillis;
  if (typeof now === "function")
    return () => toInstant(now(), option, " (returned by the function)");
  const instant = toInstant(now, option, "");
  return () => instant;
}

function toInstant(value: unknown, option: string, suffix: string): EpochMillis {
  const millis =
    value instanceof Date ? value.getTime() : typeof value === "number" ? value : Number.NaN;
  const instant = toEpochMillis(millis);
  if (instant === null) {
    // describeValue (schema) calls toISOString, which throws on an invalid Date.
    const shown = value instanceof Date && Number.isNaN(millis) ? "Invalid Date" : value;
    throw new ConfigError(option, shown, `${EXPECTED}${suffix}`);
  }
  return instant;
}
