import { z } from "zod";
import { EpochMillisSchema } from "./instant.js";
import { LogLevelSchema } from "./log-level.js";

/** A canonical service name: `[a-z0-9_-]`, 1..128 chars, no leading/trailing `-`. */
export const ServiceNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(
    /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/,
    "must be lower case letters, digits, '_' or '-', not starting or ending with '-'",
  );

/**
 * Free-form metadata of a LogEntry. The normalizers always set `message_hash`
 * (16 lower-case hex digits) and `message_template`; `level_original` keeps the
 * level text as found; `truncated` is true when the message was cut to
 * `maxMessageLength`; `level_defaulted` / `service_defaulted` are true when a
 * default filled a missing field. Callers may add their own keys.
 */
export const LogEntryMetadataSchema = z.looseObject({
  message_hash: z.string().regex(/^[0-9a-f]{16}$/, "must be 16 lower-case hex digits"),
  message_template: z.string().optional(),
  level_original: z.string().optional(),
  truncated: z.boolean().optional(),
  level_defaulted: z.boolean().optional(),
  service_defaulted: z.boolean().optional(),
});

/**
 * One normalized log record. `timestamp` is UTC epoch milliseconds; durations are
 * milliseconds (finite, >= 0) or null when absent; `source`/`line` say where the
 * record came from.
 */
export const LogEntrySchema = z.object({
  timestamp: EpochMillisSchema,
  level: LogLevelSchema,
  service: ServiceNameSchema,
  message: z.string().min(1, "must not be empty"),
  duration_ms: z.number().nonnegative().finite().nullable(),
  error_code: z.string().min(1).max(128).nullable(),
  request_id: z.string().min(1).max(256).nullable(),
  source: z.string(),
  line: z.number().int().min(1),
  metadata: LogEntryMetadataSchema,
});

/** A normalized log record; see `LogEntrySchema`. */
export type LogEntry = z.infer<typeof LogEntrySchema>;
/** Metadata of a LogEntry; see `LogEntryMetadataSchema`. */
export type LogEntryMetadata = z.infer<typeof LogEntryMetadataSchema>;
