import { z } from "zod";

const count = z.number().int().nonnegative();

/**
 * The ledger of one pipeline run (SPEC section 7), as written by
 * `logfeat run --json-summary`; other tools read exactly these keys.
 * It adds up: `records_in = parsed + parse_skipped` (ingestion skips such as
 * invalid JSON lines count as parse skips), `parsed = entries +
 * normalize_skipped`, and the windows' `total_events` sum to `entries` minus
 * the aggregation skips in `skipped_by_code` (late entries). `skipped_by_code`
 * counts every skip of every stage by diagnostic code; `reference_time` is the
 * ISO 8601 instant year-less timestamps were read against; `elapsed_ms` is the
 * wall time of the run.
 */
export const LedgerSchema = z.strictObject({
  records_in: count,
  parsed: count,
  parse_skipped: count,
  entries: count,
  normalize_skipped: count,
  windows: count,
  features: count,
  skipped_by_code: z.record(z.string(), count),
  reference_time: z.string(),
  elapsed_ms: z.number().nonnegative(),
});

/** The ledger of a run; see `LedgerSchema`. */
export type Ledger = z.infer<typeof LedgerSchema>;
