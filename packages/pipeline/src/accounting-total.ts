import type { BatchAccounting, Diagnostic } from "@logfeat/schema";

/**
 * The running total of many batches' accounting, in batch order: what
 * folding them with `mergeAccounting` gives (counts summed per code in
 * first-seen order, the first `maxDiagnostics` diagnostics kept, the rest
 * counted as omitted), without copying the kept diagnostics on every batch.
 */
export class AccountingTotal {
  private readonly maxDiagnostics: number;
  private skipped = 0;
  private readonly skippedByCode: Record<string, number> = {};
  private readonly notedByCode: Record<string, number> = {};
  private readonly diagnostics: Diagnostic[] = [];
  private diagnosticsOmitted = 0;

  /** `maxDiagnostics`: how many diagnostics the total keeps (all are counted). */
  constructor(maxDiagnostics: number) {
    this.maxDiagnostics = maxDiagnostics;
  }

  /** Adds the next batch's accounting. */
  add(accounting: BatchAccounting): void {
    this.skipped += accounting.skipped;
    for (const code in accounting.skippedByCode)
      this.skippedByCode[code] =
        (this.skippedByCode[code] ?? 0) + (accounting.skippedByCode[code] as number);
    for (const code in accounting.notedByCode)
      this.notedByCode[code] =
        (this.notedByCode[code] ?? 0) + (accounting.notedByCode[code] as number);
    const room = Math.max(0, this.maxDiagnostics - this.diagnostics.length);
    const taken = Math.min(room, accounting.diagnostics.length);
    for (let index = 0; index < taken; index += 1)
      this.diagnostics.push(accounting.diagnostics[index] as Diagnostic);
    this.diagnosticsOmitted +=
      accounting.diagnosticsOmitted + (accounting.diagnostics.length - taken);
  }

  /** The total so far (copies; adding goes on). */
  toAccounting(): BatchAccounting {
    return {
      skipped: this.skipped,
      skippedByCode: { ...this.skippedByCode },
      notedByCode: { ...this.notedByCode },
      diagnostics: [...this.diagnostics],
      diagnosticsOmitted: this.diagnosticsOmitted,
    };
  }
}
