import { detachString } from "./detach-string.js";
import {
  type BatchAccounting,
  DIAGNOSTIC_VALUE_MAX_LENGTH,
  type Diagnostic,
} from "./diagnostic.js";

/** Default cap on the diagnostics a batch keeps in its list (all are counted). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** Options of a DiagnosticCollector. */
export interface DiagnosticCollectorOptions {
  /** How many diagnostics to keep in the list (default 1000); the rest are only counted. */
  maxDiagnostics?: number;
  /** Called for every diagnostic, kept or not, as it happens. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

/**
 * Counts skips and notes per code and keeps the first N diagnostics. Every
 * stage uses one per batch so the accounting (SPEC section 7) is computed the
 * same way everywhere.
 */
export class DiagnosticCollector {
  private readonly maxDiagnostics: number;
  private readonly onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;
  private readonly kept: Diagnostic[] = [];
  private omitted = 0;
  private skippedTotal = 0;
  private readonly skippedCounts: Record<string, number> = {};
  private readonly notedCounts: Record<string, number> = {};

  constructor(options: DiagnosticCollectorOptions = {}) {
    this.maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
    this.onDiagnostic = options.onDiagnostic;
  }

  /** Records a diagnostic for a record (or window) that was skipped. */
  skip(diagnostic: Diagnostic): void {
    this.skippedTotal += 1;
    this.skippedCounts[diagnostic.code] = (this.skippedCounts[diagnostic.code] ?? 0) + 1;
    this.keep(diagnostic);
  }

  /** Records a diagnostic that did not skip anything (dropped optional field, default applied). */
  note(diagnostic: Diagnostic): void {
    this.notedCounts[diagnostic.code] = (this.notedCounts[diagnostic.code] ?? 0) + 1;
    this.keep(diagnostic);
  }

  /** Number of skips recorded so far. */
  get skipped(): number {
    return this.skippedTotal;
  }

  /** The accounting so far (copies; the collector can keep collecting). */
  toAccounting(): BatchAccounting {
    return {
      skipped: this.skippedTotal,
      skippedByCode: { ...this.skippedCounts },
      notedByCode: { ...this.notedCounts },
      diagnostics: [...this.kept],
      diagnosticsOmitted: this.omitted,
    };
  }

  private keep(diagnostic: Diagnostic): void {
    this.onDiagnostic?.(diagnostic);
    if (this.kept.length < this.maxDiagnostics) this.kept.push(diagnostic);
    else this.omitted += 1;
  }
}

/** Text of any value, never throwing (BigInt, circular objects, objects without a prototype). */
function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/**
 * A value as Diagnostic text: strings as they are, other values as JSON (or
 * `String(value)` where JSON cannot show them), cut to 200 characters (SPEC
 * section 7), detached from the input it was cut from (`detachString`).
 * Never throws.
 */
export function diagnosticValue(value: unknown): string {
  const text = valueText(value);
  return detachString(
    text.length > DIAGNOSTIC_VALUE_MAX_LENGTH ? text.slice(0, DIAGNOSTIC_VALUE_MAX_LENGTH) : text,
  );
}

/** The accounting of a batch with nothing skipped or noted (a new object each call). */
export function emptyAccounting(): BatchAccounting {
  return { skipped: 0, skippedByCode: {}, notedByCode: {}, diagnostics: [], diagnosticsOmitted: 0 };
}

/**
 * Adds the accounting of `from` into `into` (counts summed, diagnostic lists
 * concatenated up to `maxDiagnostics`). Used to total several batches.
 */
export function mergeAccounting(
  into: BatchAccounting,
  from: BatchAccounting,
  maxDiagnostics: number = DEFAULT_MAX_DIAGNOSTICS,
): BatchAccounting {
  const skippedByCode = { ...into.skippedByCode };
  for (const [code, count] of Object.entries(from.skippedByCode))
    skippedByCode[code] = (skippedByCode[code] ?? 0) + count;
  const notedByCode = { ...into.notedByCode };
  for (const [code, count] of Object.entries(from.notedByCode))
    notedByCode[code] = (notedByCode[code] ?? 0) + count;
  const room = Math.max(0, maxDiagnostics - into.diagnostics.length);
  const taken = from.diagnostics.slice(0, room);
  return {
    skipped: into.skipped + from.skipped,
    skippedByCode,
    notedByCode,
    diagnostics: [...into.diagnostics, ...taken],
    diagnosticsOmitted:
      into.diagnosticsOmitted + from.diagnosticsOmitted + (from.diagnostics.length - taken.length),
  };
}
