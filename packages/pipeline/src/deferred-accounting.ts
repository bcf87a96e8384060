import type { BatchAccounting, Diagnostic } from "@logfeat/schema";
import { AccountingTotal } from "./accounting-total.js";

/** Orders diagnostics by line; a diagnostic without a line comes after those with one. */
function lineOrder(diagnostic: Diagnostic): number {
  return diagnostic.line ?? Number.POSITIVE_INFINITY;
}

/**
 * Ingestion's accounting when the JSON of JSON Lines lines was read on the
 * worker threads: the source's own (lines over the size limit, ...) and the
 * workers' (`invalid_json`, `not_an_object`, one per batch in input order)
 * totalled, the diagnostics merged in line order as one reader reports them,
 * the first `maxDiagnostics` kept.
 */
export function mergeByLine(
  own: BatchAccounting,
  deferred: readonly BatchAccounting[],
  maxDiagnostics: number,
): BatchAccounting {
  const total = new AccountingTotal(Number.POSITIVE_INFINITY);
  total.add({ ...own, diagnostics: [] });
  for (const accounting of deferred) total.add({ ...accounting, diagnostics: [] });
  const counted = total.toAccounting();
  const workers = new AccountingTotal(maxDiagnostics);
  for (const accounting of deferred) workers.add(accounting);
  const theirs = workers.toAccounting().diagnostics;
  const diagnostics: Diagnostic[] = [];
  let mine = 0;
  let other = 0;
  while (
    diagnostics.length < maxDiagnostics &&
    (mine < own.diagnostics.length || other < theirs.length)
  ) {
    const next = own.diagnostics[mine];
    const candidate = theirs[other];
    if (
      next !== undefined &&
      (candidate === undefined || lineOrder(next) <= lineOrder(candidate))
    ) {
      diagnostics.push(next);
      mine += 1;
    } else {
      diagnostics.push(candidate as Diagnostic);
      other += 1;
    }
  }
  const listed = [own, ...deferred].reduce(
    (sum, accounting) => sum + accounting.diagnostics.length + accounting.diagnosticsOmitted,
    0,
  );
  return { ...counted, diagnostics, diagnosticsOmitted: listed - diagnostics.length };
}
