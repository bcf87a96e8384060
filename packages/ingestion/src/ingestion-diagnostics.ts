import {
  type Diagnostic,
  DiagnosticCollector,
  type DiagnosticCollectorOptions,
  diagnosticValue,
} from "@logfeat/schema";
import { INGESTION_DIAGNOSTICS, type IngestionDiagnosticCode } from "./diagnostic-codes.js";

/**
 * Reports the diagnostics of one source: a DiagnosticCollector that knows the
 * source name and whether each code skips or notes.
 */
export class IngestionDiagnostics {
  /** The collector holding the accounting. */
  readonly collector: DiagnosticCollector;
  private readonly source: string;

  /** `collector`: an existing collector to report into (several sources sharing one), else a new one with `options`. */
  constructor(
    source: string,
    options: DiagnosticCollectorOptions,
    collector?: DiagnosticCollector,
  ) {
    this.source = source;
    this.collector = collector ?? new DiagnosticCollector(options);
  }

  /** Reports `code` for the record at `line` (null when not tied to a line). */
  report(
    code: IngestionDiagnosticCode,
    line: number | null,
    message: string,
    value?: string,
  ): void {
    const diagnostic: Diagnostic = {
      stage: "ingestion",
      code,
      message,
      source: this.source,
      line,
    };
    if (value !== undefined) diagnostic.value = diagnosticValue(value);
    if (INGESTION_DIAGNOSTICS[code].kind === "skip") this.collector.skip(diagnostic);
    else this.collector.note(diagnostic);
  }
}
