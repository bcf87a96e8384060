import { DURATION_UNITS, FIELD_NAME_UNITS, FIELD_UNIT_EXCEPTIONS } from "./duration-units.js";

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** One `<number><unit>` part of a duration string; `1h2m3.5s` has three. */
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)\s?(ns|us|\u00b5s|\u03bcs|ms|sec|min|s|m|h)/iy;
const CAMEL_SUFFIX = /[a-z0-9]([A-Z][a-z]*)$/;
const SEPARATED_SUFFIX = /[_.-]([A-Za-z]+)$/;

const factorsByField = new Map<string, number>();
/** The last field name asked and its factor: records of one source repeat the same field. */
let lastFieldName = "";
let lastFactor = 1;
/** Longest digit string read by `digitsValue` (15 digits are always exact in a double). */
const MAX_PLAIN_DIGITS = 15;

/** Milliseconds per unit of a number found in field `fieldName` (ms when the name says nothing). */
export function fieldUnitFactor(fieldName: string | undefined): number {
  if (fieldName === undefined) return 1;
  if (fieldName === lastFieldName) return lastFactor;
  const factor = lookUpFieldUnitFactor(fieldName);
  lastFieldName = fieldName;
  lastFactor = factor;
  return factor;
}

function lookUpFieldUnitFactor(fieldName: string): number {
  const cached = factorsByField.get(fieldName);
  if (cached !== undefined) return cached;
  const lower = fieldName.toLowerCase();
  let factor = FIELD_UNIT_EXCEPTIONS.get(lower);
  if (factor === undefined) {
    const suffix = CAMEL_SUFFIX.exec(fieldName) ?? SEPARATED_SUFFIX.exec(fieldName);
    const unit = suffix?.[1]?.toLowerCase();
    factor = (unit === undefined ? undefined : FIELD_NAME_UNITS.get(unit)) ?? 1;
  }
  if (factorsByField.size < 1000) factorsByField.set(fieldName, factor);
  return factor;
}

/**
 * The value of `text` when it is 1..15 ASCII digits and nothing else (the
 * common duration string, `"32"`), else -1. Equals `Number(text)` then.
 */
function digitsValue(text: string): number {
  const length = text.length;
  if (length === 0 || length > MAX_PLAIN_DIGITS) return -1;
  let value = 0;
  for (let index = 0; index < length; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Sum of the `<number><unit>` parts of `text` in ms, or NaN unless the parts cover all of it. */
function unitDurationMillis(text: string): number {
  DURATION_PART.lastIndex = 0;
  let total = 0;
  while (DURATION_PART.lastIndex < text.length) {
    const part = DURATION_PART.exec(text);
    if (part === null) return Number.NaN;
    const factor = DURATION_UNITS.get((part[2] as string).toLowerCase()) as number;
    total += Number(part[1]) * factor;
  }
  return total;
}

/** Milliseconds rounded to whole nanoseconds (1e-6 ms), which also hides binary noise (`0.1 * 3`). */
function roundToNanoseconds(millis: number): number {
  return Number.isInteger(millis) ? millis : Math.round(millis * 1e6) / 1e6;
}

/**
 * A duration in milliseconds (finite, >= 0, rounded to whole nanoseconds), or
 * null. A number, or a string that is only a number, is in the unit
 * `fieldName` says: `_ms` ms, `_s`/`_sec` s, `_us` µs, `_ns` ns (also camel
 * case `durationMs`), `event.duration` ns, anything else ms. A string may
 * carry units instead: `ns`, `us`, `µs`, `ms`, `s`, `sec`, `m`, `min`, `h`,
 * one or several as in Go (`"1.5s"` -> 1500, `"250us"` -> 0.25,
 * `"2min"` -> 120000, `"1h2m3.5s"` -> 3723500, `"32.606839ms"`). Negative,
 * NaN, infinite (`"1e400"`) and other text give null.
 */
export function normalizeDuration(value: unknown, fieldName?: string): number | null {
  let millis: number;
  if (typeof value === "number") {
    millis = value * fieldUnitFactor(fieldName);
  } else if (typeof value === "string") {
    const digits = digitsValue(value);
    if (digits >= 0) return roundToNanoseconds(digits * fieldUnitFactor(fieldName));
    const text = value.trim();
    if (text === "") return null;
    millis = NUMBER_TEXT.test(text)
      ? Number(text) * fieldUnitFactor(fieldName)
      : unitDurationMillis(text);
  } else {
    return null;
  }
  if (!Number.isFinite(millis) || millis < 0) return null;
  return millis === 0 ? 0 : roundToNanoseconds(millis);
}
