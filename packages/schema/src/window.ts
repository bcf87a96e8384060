import { z } from "zod";
import { EpochMillisSchema } from "./instant.js";
import { LogEntrySchema, ServiceNameSchema } from "./log-entry.js";

/** Longest window logfeat accepts: 31 days, in seconds. */
export const MAX_WINDOW_SIZE_SECONDS = 31 * 24 * 60 * 60;

/** A window size: a positive integer number of seconds, at most 31 days. */
export const WindowSizeSecondsSchema = z
  .number({ error: "expected a positive integer number of seconds" })
  .int("expected a positive integer number of seconds")
  .positive("expected a positive integer number of seconds")
  .max(MAX_WINDOW_SIZE_SECONDS, `expected at most ${MAX_WINDOW_SIZE_SECONDS} seconds (31 days)`);

/** Count of logs per canonical level in a window. */
export const LevelCountsSchema = z.object({
  DEBUG: z.number().int().nonnegative(),
  INFO: z.number().int().nonnegative(),
  WARNING: z.number().int().nonnegative(),
  ERROR: z.number().int().nonnegative(),
  CRITICAL: z.number().int().nonnegative(),
});

/** Count of logs per canonical level. */
export type LevelCounts = z.infer<typeof LevelCountsSchema>;

/**
 * Everything the features need from a window, without the logs: a mergeable
 * summary (merging two summaries of disjoint log sets of the same window gives
 * the summary of their union). `durations_ms` holds every present duration
 * (milliseconds, any order); `message_hashes` / `error_codes` are the distinct
 * values seen. `total_events` equals the sum of `level_counts`.
 */
export const WindowSummarySchema = z
  .object({
    total_events: z.number().int().nonnegative(),
    level_counts: LevelCountsSchema,
    durations_ms: z.instanceof(Float64Array),
    message_hashes: z.instanceof(Set<string>),
    error_codes: z.instanceof(Set<string>),
  })
  .refine(
    (summary) =>
      summary.total_events ===
      summary.level_counts.DEBUG +
        summary.level_counts.INFO +
        summary.level_counts.WARNING +
        summary.level_counts.ERROR +
        summary.level_counts.CRITICAL,
    { message: "total_events must equal the sum of level_counts", path: ["total_events"] },
  );

/** A mergeable window summary; see `WindowSummarySchema`. */
export type WindowSummary = z.infer<typeof WindowSummarySchema>;

/**
 * The logs of one service in one time window `[window_start, window_end)`.
 * `logs` holds the LogEntries in timestamp order (ties in input order) when
 * logs are retained, and is `null` when they are not (`retainLogs: false`);
 * `summary` is then required. A window may carry both. An empty window
 * (`fillGaps`) has `logs: []` or a summary with `total_events: 0`.
 */
export const AggregatedLogWindowSchema = z
  .object({
    window_start: EpochMillisSchema,
    window_end: EpochMillisSchema,
    window_size_seconds: WindowSizeSecondsSchema,
    service: ServiceNameSchema,
    logs: z.array(LogEntrySchema).nullable(),
    summary: WindowSummarySchema.nullable(),
  })
  .refine((window) => window.logs !== null || window.summary !== null, {
    message: "a window needs its logs or its summary",
    path: ["summary"],
  })
  .refine((window) => window.window_end > window.window_start, {
    message: "window_end must be after window_start",
    path: ["window_end"],
  });

/** One (window_start, service) window; see `AggregatedLogWindowSchema`. */
export type AggregatedLogWindow = z.infer<typeof AggregatedLogWindowSchema>;
