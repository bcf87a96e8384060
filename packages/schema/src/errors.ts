import type { z } from "zod";

const LOGFEAT_ERROR_MARKER: unique symbol = Symbol.for("@logfeat/schema/error") as never;

/** Options accepted by every logfeat error constructor. */
export interface LogfeatErrorOptions {
  /** The underlying error, kept as `cause`. */
  cause?: unknown;
}

/**
 * Base class of every error logfeat throws. Bad data never throws; only
 * configuration problems and I/O failures do. `LogfeatError.isInstance` works
 * across duplicate installs of this package (it checks a `Symbol.for` marker,
 * not the prototype chain).
 */
export class LogfeatError extends Error {
  readonly [LOGFEAT_ERROR_MARKER] = true;
  override name = "LogfeatError";

  constructor(message: string, options: LogfeatErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** True for any logfeat error, even one thrown by another copy of the package. */
  static isInstance(value: unknown): value is LogfeatError {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as Record<symbol, unknown>)[LOGFEAT_ERROR_MARKER] === true
    );
  }
}

/** Shows a received value in an error message: strings quoted, long values cut to 80 chars. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value);
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    text = String(value);
  else if (value === undefined) text = "undefined";
  else if (value === null) text = "null";
  else if (value instanceof Date)
    text = Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.toISOString()})`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * A bad option: thrown at call time, before any data is read. `option` names
 * the option (dotted path for nested options), `value` is what was received,
 * and the message says what was expected, e.g.
 * `Invalid option "timeZone": expected an IANA time zone such as "Europe/Berlin", received "Mars/Base"`.
 */
export class ConfigError extends LogfeatError {
  override name = "ConfigError";
  /** The option that was wrong, e.g. `"windowSizeSeconds"` or `"defaults.level"`. */
  readonly option: string;
  /** The value that was received. */
  readonly value: unknown;

  constructor(option: string, value: unknown, expected: string, options: LogfeatErrorOptions = {}) {
    super(
      `Invalid option "${option}": expected ${expected}, received ${describeValue(value)}`,
      options,
    );
    this.option = option;
    this.value = value;
  }

  /**
   * Builds a ConfigError from the first issue of a failed zod parse of an
   * options object. `input` is the object that was parsed (to show the value);
   * `prefix` is prepended to the issue path (e.g. `"defaults"`).
   */
  static fromZodError(error: z.ZodError, input: unknown, prefix = ""): ConfigError {
    const issue = error.issues[0];
    const path = issue?.path ?? [];
    const option = [prefix, ...path.map(String)].filter((part) => part !== "").join(".");
    let value: unknown = input;
    for (const key of path) {
      value =
        typeof value === "object" && value !== null
          ? (value as Record<PropertyKey, unknown>)[key as PropertyKey]
          : undefined;
    }
    return new ConfigError(
      option === "" ? "options" : option,
      value,
      issue?.message ?? "a valid value",
      {
        cause: error,
      },
    );
  }
}

/** A bad aggregation option (`windowSizeSeconds`, `timeZone`, ...). A kind of ConfigError. */
export class AggregationError extends ConfigError {
  override name = "AggregationError";
}

/** A file or document that does not match its schema (a baseline file, a FeatureVector JSONL line). */
export class SchemaValidationError extends LogfeatError {
  override name = "SchemaValidationError";
  /** JSON path of the first bad value, e.g. `global.error_rate.mean`; empty for the root. */
  readonly path: string;

  constructor(what: string, path: string, problem: string, options: LogfeatErrorOptions = {}) {
    super(`Invalid ${what}${path === "" ? "" : ` at "${path}"`}: ${problem}`, options);
    this.path = path;
  }

  /** Builds the error from the first issue of a failed zod parse; `what` names the document. */
  static fromZodError(error: z.ZodError, what: string): SchemaValidationError {
    const issue = error.issues[0];
    const path = (issue?.path ?? []).map(String).join(".");
    return new SchemaValidationError(what, path, issue?.message ?? "does not match its schema", {
      cause: error,
    });
  }
}
