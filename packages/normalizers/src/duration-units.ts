/**
 * Duration units a duration string may carry, lower case -> milliseconds per
 * unit (SPEC section 4, plus Go's `time.Duration` units).
 */
export const DURATION_UNITS: ReadonlyMap<string, number> = new Map([
  ["ns", 1e-6],
  ["us", 1e-3],
  ["\u00b5s", 1e-3],
  ["\u03bcs", 1e-3],
  ["ms", 1],
  ["s", 1000],
  ["sec", 1000],
  ["m", 60_000],
  ["min", 60_000],
  ["h", 3_600_000],
]);

/**
 * Field-name suffixes that give a number's unit (after `_`, `.` or `-`, or
 * camel case such as `durationMs`), lower case -> milliseconds per unit.
 * A field without one of these (`duration`, `latency`, `elapsed`, `took`) is
 * in milliseconds.
 */
export const FIELD_NAME_UNITS: ReadonlyMap<string, number> = new Map([
  ["ms", 1],
  ["millis", 1],
  ["s", 1000],
  ["sec", 1000],
  ["secs", 1000],
  ["seconds", 1000],
  ["us", 1e-3],
  ["micros", 1e-3],
  ["ns", 1e-6],
  ["nanos", 1e-6],
]);

/** Field names whose numbers are in a unit their suffix does not say: ECS `event.duration` is ns. */
export const FIELD_UNIT_EXCEPTIONS: ReadonlyMap<string, number> = new Map([
  ["event.duration", 1e-6],
]);
