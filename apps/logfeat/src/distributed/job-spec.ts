import { BatchAccountingSchema, LEVEL_SCHEMES, WindowSizeSecondsSchema } from "@logfeat/schema";
import { z } from "zod";

/** Version of the job layout in Redis; a worker refuses a job of another version. */
export const JOB_FORMAT_VERSION = 1;

/**
 * What `submit` stores before the first batch (meta field `spec`): every
 * option a worker and `collect` need to give the result of `logfeat run`,
 * with the reference time already resolved (so year-less dates are read the
 * same on every machine) and the default service of each input by its source name.
 */
export const JobSpecSchema = z.strictObject({
  version: z.literal(JOB_FORMAT_VERSION),
  layout: z.string().optional(),
  timeZone: z.string().optional(),
  levelScheme: z.enum(LEVEL_SCHEMES).optional(),
  messageHash: z.enum(["template", "exact"]).optional(),
  /** Epoch milliseconds year-less timestamps are read against. */
  referenceTime: z.number().int(),
  referenceTimeSource: z.enum(["option", "file-mtime", "run-time"]),
  /** Source name (as in RawRecord.source) -> default service (null: none). */
  defaultServices: z.record(z.string(), z.string().nullable()),
  /** The first input's default service (shown in the ledger, like `run`). */
  defaultService: z.string().nullable(),
  windowSizeSeconds: WindowSizeSecondsSchema,
  fillGaps: z.boolean(),
  maxDiagnostics: z.number().int().nonnegative(),
  /** `--now` given to submit (epoch ms), else null. */
  now: z.number().int().nullable(),
  expireAfterSeconds: z.number().int().positive(),
  /** When submit started (epoch ms): the ledger's elapsed time counts from here. */
  submittedAt: z.number().int(),
});

/** A job's options; see `JobSpecSchema`. */
export type JobSpec = z.infer<typeof JobSpecSchema>;

/**
 * What `submit` stores after the last batch (meta field `input`): the end of
 * input marker with the number of batches, records and bytes, and the
 * ingestion accounting (records ingestion itself skipped, e.g. oversized ones).
 */
export const JobInputSchema = z.strictObject({
  batches: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  bytesRead: z.number().int().nonnegative(),
  ingestAccounting: BatchAccountingSchema,
});

/** The end-of-input totals of a job; see `JobInputSchema`. */
export type JobInput = z.infer<typeof JobInputSchema>;

/** Meta hash fields. */
export const META = {
  spec: "spec",
  input: "input",
  /** Set by submit when it could not read its input: workers and collect stop. */
  failed: "failed",
  completedAt: "completed_at",
} as const;

/** Parses a stored JSON value with `schema`; null when it is missing, not JSON or does not fit. */
export function parseStored<Schema extends z.ZodType>(
  schema: Schema,
  text: string | null | undefined,
): z.infer<Schema> | null {
  if (text === null || text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}
