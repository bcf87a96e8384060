import { ConfigError, type Diagnostic } from "@logfeat/schema";
import { ALIASED_FIELDS, type AliasedField, type FieldMap } from "./field-aliases.js";

/** Options shared by the parser classes. */
export interface FieldMapOptions {
  /** Alias lists replacing the defaults per field (see `FIELD_ALIASES`). Default: none. */
  fieldMap?: FieldMap;
  /** Called with each diagnostic as it happens (a rejected record). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

/** Options of `createParser`, `parseLog` and `parseLogs`. */
export interface ParserOptions extends FieldMapOptions {
  /**
   * Text layout: `"auto"` (default; standard, logfmt, syslog, apache in that
   * order, remembering per source the one that matched last), a layout name
   * (`"standard"`, `"logfmt"`, `"syslog"`, `"apache"`, `"loghub:<System>"`;
   * see `listLayouts()`), or a template with `<Field>` placeholders such as
   * `"<Date> <Time> <Pid> <Level> <Component>: <Content>"`. JSON and CSV
   * records are read by field names whatever the layout.
   */
  layout?: string;
  /** Date pattern of a template layout's timestamp, e.g. `"yyMMdd HHmmss"`. Only with a template. */
  dateFormat?: string;
  /** How many diagnostics a batch result keeps in its list (default 1000; all are counted). */
  maxDiagnostics?: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a `fieldMap` option: an object whose keys are aliased fields and
 * whose values are non-empty arrays of non-empty strings (a single string is
 * accepted as a one-name list). Throws ConfigError naming the bad entry.
 */
export function validateFieldMap(value: unknown, option = "fieldMap"): FieldMap | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value))
    throw new ConfigError(
      option,
      value,
      'an object such as { timestamp: ["ts"], service: ["app"] }',
    );
  const result: FieldMap = {};
  for (const [key, names] of Object.entries(value)) {
    if (!(ALIASED_FIELDS as readonly string[]).includes(key))
      throw new ConfigError(
        `${option}.${key}`,
        names,
        `a field name, one of ${ALIASED_FIELDS.join(", ")}`,
      );
    const list = typeof names === "string" ? [names] : names;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      !list.every((name) => typeof name === "string" && name.trim() !== "")
    )
      throw new ConfigError(
        `${option}.${key}`,
        names,
        'a non-empty array of field names such as ["ts"]',
      );
    result[key as AliasedField] = list as string[];
  }
  return result;
}

/** Checks `onDiagnostic`: a function or undefined. */
export function validateListener(value: unknown): ((diagnostic: Diagnostic) => void) | undefined {
  if (value === undefined || typeof value === "function")
    return value as ((diagnostic: Diagnostic) => void) | undefined;
  throw new ConfigError("onDiagnostic", value, "a function (diagnostic) => void");
}

/** Checks `maxDiagnostics`: a non-negative integer (default 1000). */
export function validateMaxDiagnostics(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  throw new ConfigError("maxDiagnostics", value, "a non-negative integer such as 1000");
}

/** Checks that the options argument is an object (or undefined). */
export function validateOptionsObject(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (isPlainObject(value)) return value;
  throw new ConfigError("options", value, 'an options object such as { layout: "auto" }');
}

/** Checks an optional string option. */
export function validateOptionalString(
  value: unknown,
  option: string,
  expected: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new ConfigError(option, value, expected);
}
