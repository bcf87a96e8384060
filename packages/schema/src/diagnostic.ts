import { z } from "zod";

/** Pipeline stages that report diagnostics. */
export const STAGES = ["ingestion", "parsing", "normalization", "aggregation", "features"] as const;

/** `"ingestion" | "parsing" | "normalization" | "aggregation" | "features"`. */
export const StageSchema = z.enum(STAGES);

/** A pipeline stage. */
export type Stage = z.infer<typeof StageSchema>;

/** Longest `value` a Diagnostic carries; longer values are cut. */
export const DIAGNOSTIC_VALUE_MAX_LENGTH = 200;

/**
 * One skipped record or dropped field. `code` is a stable snake_case reason
 * (e.g. `no_layout_match`, `invalid_timestamp`, `late_entry`); `line` is the
 * 1-based line of the record in `source`, or null when not tied to a line;
 * `field`/`value` name the offending field and its text (cut to 200 chars).
 */
export const DiagnosticSchema = z.object({
  stage: StageSchema,
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a snake_case code"),
  message: z.string(),
  source: z.string(),
  line: z.number().int().min(1).nullable(),
  field: z.string().optional(),
  value: z.string().max(DIAGNOSTIC_VALUE_MAX_LENGTH).optional(),
});

/** A diagnostic; see `DiagnosticSchema`. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/**
 * The accounting every batch function returns next to its results:
 * - `skipped`: records (or windows) not carried to the output;
 * - `skippedByCode`: the same, per diagnostic code (sums to `skipped`);
 * - `notedByCode`: diagnostics that did not skip anything (a dropped optional
 *   field, a default applied), per code;
 * - `diagnostics`: the first `maxDiagnostics` diagnostics of either kind;
 * - `diagnosticsOmitted`: how many were not kept in `diagnostics`.
 */
export const BatchAccountingSchema = z.object({
  skipped: z.number().int().nonnegative(),
  skippedByCode: z.record(z.string(), z.number().int().nonnegative()),
  notedByCode: z.record(z.string(), z.number().int().nonnegative()),
  diagnostics: z.array(DiagnosticSchema),
  diagnosticsOmitted: z.number().int().nonnegative(),
});

/** Accounting of a batch; see `BatchAccountingSchema`. */
export type BatchAccounting = z.infer<typeof BatchAccountingSchema>;

/**
 * The shape of a batch result: the results under `key` plus the accounting,
 * e.g. `batchResultSchema("entries", LogEntrySchema)` for `normalizeLogs`.
 */
export function batchResultSchema<Key extends string, Item extends z.ZodType>(
  key: Key,
  item: Item,
) {
  return BatchAccountingSchema.extend({ [key]: z.array(item) } as { [K in Key]: z.ZodArray<Item> });
}

/** A batch result: `{ [key]: Item[] }` plus `BatchAccounting`. */
export type BatchResult<Key extends string, Item> = { [K in Key]: Item[] } & BatchAccounting;
