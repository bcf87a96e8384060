import type { BatchAccounting, Diagnostic, Ledger } from "@logfeat/schema";

/** Where one example of a diagnostic code was seen. */
export interface LedgerExample {
  /** Source name (file name or `<stdin>`). */
  source: string;
  /** 1-based line, or null when not tied to a line. */
  line: number | null;
  /** The offending value, cut to 200 characters, when the stage recorded one. */
  value?: string;
}

/** How the reference time of a run was chosen. */
export type ReferenceTimeSource = "option" | "file-mtime" | "run-time";

/**
 * What a run reports beyond the Ledger: notes per code (kept records with a
 * dropped field or a default: `level_defaulted`, `service_defaulted`,
 * `invalid_duration`, ...), up to 3 example locations per skip/note code, the
 * late entries of streaming aggregation, windows skipped by feature
 * extraction, where the reference time came from, and the bytes read.
 */
export interface LedgerDetails {
  noted_by_code: Record<string, number>;
  examples_by_code: Record<string, LedgerExample[]>;
  aggregation_skipped: number;
  features_skipped: number;
  reference_time_source: ReferenceTimeSource;
  bytes_read: number;
  default_service: string | null;
}

/** Examples kept per diagnostic code. */
export const EXAMPLES_PER_CODE = 3;

/** Collects up to EXAMPLES_PER_CODE example locations per diagnostic code. */
export class ExampleCollector {
  readonly byCode: Record<string, LedgerExample[]> = {};

  /** Adds the location of a diagnostic if its code has fewer than EXAMPLES_PER_CODE examples. */
  add(diagnostic: Diagnostic): void {
    const examples = this.byCode[diagnostic.code] ?? [];
    if (examples.length >= EXAMPLES_PER_CODE) return;
    const example: LedgerExample = { source: diagnostic.source, line: diagnostic.line };
    if (diagnostic.value !== undefined) example.value = diagnostic.value;
    examples.push(example);
    this.byCode[diagnostic.code] = examples;
  }
}

/** Adds every count of `from` into `into` (in place). */
export function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [code, count] of Object.entries(from)) into[code] = (into[code] ?? 0) + count;
}

/** Sums the counts of several accountings' `skippedByCode` or `notedByCode`, codes sorted. */
export function totalByCode(
  accountings: readonly BatchAccounting[],
  key: "skippedByCode" | "notedByCode",
): Record<string, number> {
  const total: Record<string, number> = {};
  for (const accounting of accountings) addCounts(total, accounting[key]);
  return Object.fromEntries(Object.entries(total).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Checks the ledger identities of SPEC section 7 and returns the ones that do
 * not hold (empty when the run adds up). `totalEvents` is the sum of
 * `total_events` over the windows.
 */
export function ledgerProblems(
  ledger: Ledger,
  details: LedgerDetails,
  totalEvents: number,
): string[] {
  const problems: string[] = [];
  if (ledger.records_in !== ledger.parsed + ledger.parse_skipped)
    problems.push(
      `records_in (${ledger.records_in}) != parsed (${ledger.parsed}) + parse_skipped (${ledger.parse_skipped})`,
    );
  if (ledger.parsed !== ledger.entries + ledger.normalize_skipped)
    problems.push(
      `parsed (${ledger.parsed}) != entries (${ledger.entries}) + normalize_skipped (${ledger.normalize_skipped})`,
    );
  if (ledger.entries !== totalEvents + details.aggregation_skipped)
    problems.push(
      `entries (${ledger.entries}) != events in windows (${totalEvents}) + late entries (${details.aggregation_skipped})`,
    );
  if (ledger.windows !== ledger.features + details.features_skipped)
    problems.push(
      `windows (${ledger.windows}) != features (${ledger.features}) + skipped windows (${details.features_skipped})`,
    );
  return problems;
}
