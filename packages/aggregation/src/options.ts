import { AggregationError, type Diagnostic, WindowSizeSecondsSchema } from "@logfeat/schema";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";

/** Default window size: 5 minutes. */
export const DEFAULT_WINDOW_SIZE_SECONDS = 300;

/** Default allowed lateness of the streaming aggregator: 60 seconds. */
export const DEFAULT_ALLOWED_LATENESS_SECONDS = 60;

/** Options of `aggregateLogs` (and of `createAggregator`). */
export interface AggregateOptions {
  /** Window length in seconds: a positive integer, at most 31 days. Default 300. */
  windowSizeSeconds?: number;
  /**
   * IANA time zone (or `±hh:mm` offset) that aligns windows of a whole number
   * of days to local midnight. Sub-day windows are always aligned to the Unix
   * epoch (UTC). Default `"UTC"`.
   */
  timeZone?: string;
  /** Keep the LogEntries in each window (`logs`); when false `logs` is null. Default true. */
  retainLogs?: boolean;
  /** Add empty windows for each service between its first and last window. Default false. */
  fillGaps?: boolean;
}

/** Options of `createAggregator`: those of `aggregateLogs` plus lateness and diagnostics. */
export interface AggregatorOptions extends AggregateOptions {
  /**
   * How far (seconds, >= 0, may be fractional or `Infinity`) the watermark
   * trails the latest timestamp seen. A window is emitted once the watermark
   * reaches its end; `Infinity` emits only at `flush()`. Default 60.
   */
  allowedLatenessSeconds?: number;
  /** Called for every diagnostic (`late_entry`) as it happens. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** How many diagnostics `accounting()` keeps in its list (all are counted). Default 1000. */
  maxDiagnostics?: number;
  /**
   * The `durations_ms` of the windows a call returns (`add`, `addBatch`,
   * `flush`, each batch of `drain`) are views into one Float64Array that
   * the next call reuses: read them (extract features, copy them) before
   * calling the aggregator again. For callers that drop each window at once;
   * spares 8 bytes per duration of memory outside the JS heap that the
   * garbage collector frees late (a 10M-record run peaked about 16 MiB
   * lower). Default false: every window owns its array.
   */
  reuseDurationBuffers?: boolean;
}

/** Options after validation, with defaults applied and the time zone canonicalized. */
export interface ResolvedOptions {
  windowSizeSeconds: number;
  timeZone: string;
  retainLogs: boolean;
  fillGaps: boolean;
  allowedLatenessSeconds: number;
  onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;
  maxDiagnostics: number | undefined;
  reuseDurationBuffers: boolean;
}

const TIME_ZONE_EXPECTED = 'an IANA time zone such as "Europe/Berlin" or "UTC"';

const aggregateShape = {
  windowSizeSeconds: WindowSizeSecondsSchema.optional(),
  timeZone: z.string({ error: TIME_ZONE_EXPECTED }).optional(),
  retainLogs: z.boolean({ error: "true or false" }).optional(),
  fillGaps: z.boolean({ error: "true or false" }).optional(),
};

const AggregateOptionsSchema = z.strictObject(aggregateShape);

const AggregatorOptionsSchema = z.strictObject({
  ...aggregateShape,
  allowedLatenessSeconds: z
    .custom<number>((value) => typeof value === "number" && value >= 0, {
      error: "a number of seconds >= 0 (or Infinity)",
    })
    .optional(),
  onDiagnostic: z
    .custom<(diagnostic: Diagnostic) => void>((value) => typeof value === "function", {
      error: "a function",
    })
    .optional(),
  maxDiagnostics: z
    .number({ error: "a non-negative integer" })
    .int("a non-negative integer")
    .min(0, "a non-negative integer")
    .optional(),
  reuseDurationBuffers: z.boolean({ error: "true or false" }).optional(),
});

/**
 * Turns the first issue of a failed options parse into an AggregationError
 * naming the option and the value received.
 */
function aggregationErrorFrom(error: z.ZodError, input: unknown): AggregationError {
  const issue = error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const option = issue.keys[0] ?? "options";
    const value = (input as Record<string, unknown>)[option];
    return new AggregationError(option, value, "no such option", { cause: error });
  }
  const option = issue?.path.map(String).join(".") || "options";
  const value =
    issue?.path.length === 1 && typeof input === "object" && input !== null
      ? (input as Record<PropertyKey, unknown>)[issue.path[0] as PropertyKey]
      : input;
  return new AggregationError(option, value, issue?.message ?? "a valid value", { cause: error });
}

/**
 * Checks a window size (a positive integer number of seconds, at most 31 days)
 * and returns it; throws AggregationError naming `windowSizeSeconds` otherwise.
 */
export function validateWindowSize(value: unknown): number {
  const result = WindowSizeSecondsSchema.safeParse(value);
  if (result.success) return result.data;
  return fail("windowSizeSeconds", value, result.error);
}

function fail(option: string, value: unknown, error: z.ZodError): never {
  throw new AggregationError(option, value, error.issues[0]?.message ?? "a valid value", {
    cause: error,
  });
}

/**
 * Checks an IANA time zone name (or a `±hh:mm` offset) and returns its
 * canonical id (`"europe/berlin"` -> `"Europe/Berlin"`); throws
 * AggregationError naming `timeZone` otherwise.
 */
export function validateTimeZone(value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") {
    try {
      return new Temporal.ZonedDateTime(0n, value).timeZoneId;
    } catch (error) {
      throw new AggregationError("timeZone", value, TIME_ZONE_EXPECTED, { cause: error });
    }
  }
  throw new AggregationError("timeZone", value, TIME_ZONE_EXPECTED);
}

function resolve(input: Record<string, unknown>): ResolvedOptions {
  return {
    windowSizeSeconds:
      (input["windowSizeSeconds"] as number | undefined) ?? DEFAULT_WINDOW_SIZE_SECONDS,
    timeZone: validateTimeZone(input["timeZone"] ?? "UTC"),
    retainLogs: (input["retainLogs"] as boolean | undefined) ?? true,
    fillGaps: (input["fillGaps"] as boolean | undefined) ?? false,
    allowedLatenessSeconds:
      (input["allowedLatenessSeconds"] as number | undefined) ?? DEFAULT_ALLOWED_LATENESS_SECONDS,
    onDiagnostic: input["onDiagnostic"] as ((diagnostic: Diagnostic) => void) | undefined,
    maxDiagnostics: input["maxDiagnostics"] as number | undefined,
    reuseDurationBuffers: (input["reuseDurationBuffers"] as boolean | undefined) ?? false,
  };
}

/** Validates the options of `aggregateLogs`; throws AggregationError on the first bad one. */
export function resolveAggregateOptions(options: unknown): ResolvedOptions {
  const input = options ?? {};
  const result = AggregateOptionsSchema.safeParse(input);
  if (!result.success) throw aggregationErrorFrom(result.error, input);
  return resolve(input as Record<string, unknown>);
}

/** Validates the options of `createAggregator`; throws AggregationError on the first bad one. */
export function resolveAggregatorOptions(options: unknown): ResolvedOptions {
  const input = options ?? {};
  const result = AggregatorOptionsSchema.safeParse(input);
  if (!result.success) throw aggregationErrorFrom(result.error, input);
  return resolve(input as Record<string, unknown>);
}
