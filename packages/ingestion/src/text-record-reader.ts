import type { TextRawRecord } from "@logfeat/schema";
import { isBlankLine } from "./blank-line.js";
import type { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import { type LineHandler, LineSplitter } from "./line-splitter.js";
import { classifyLine, surelyStartsRecord } from "./multiline.js";
import type { RecordReader } from "./record-reader.js";
import { exceedsBytes, RECORD_HEAD_LENGTH, tooLargeMessage } from "./record-size.js";

/** Settings of a TextRecordReader. */
export interface TextReaderSettings {
  source: string;
  multiline: boolean;
  maxRecordBytes: number;
  diagnostics: IngestionDiagnostics;
}

/**
 * Text records: one per non-blank line; with `multiline`, continuation lines
 * (see `classifyLine`) are joined to the record before them with `\n`.
 */
export class TextRecordReader implements RecordReader<TextRawRecord>, LineHandler {
  private readonly source: string;
  private readonly multiline: boolean;
  private readonly maxRecordBytes: number;
  private readonly diagnostics: IngestionDiagnostics;
  private readonly splitter: LineSplitter;
  private out: TextRawRecord[] = [];
  /** Line of the record being joined (multiline mode), 0 when there is none. */
  private pendingLine = 0;
  private pendingText = "";
  /** Head of the pending record once it is known to be too large (its text is dropped). */
  private pendingHead: string | null = null;
  private tracebackOpen = false;

  constructor(settings: TextReaderSettings) {
    this.source = settings.source;
    this.multiline = settings.multiline;
    this.maxRecordBytes = settings.maxRecordBytes;
    this.diagnostics = settings.diagnostics;
    this.splitter = new LineSplitter(settings.maxRecordBytes, this);
  }

  push(text: string, out: TextRawRecord[]): void {
    this.out = out;
    this.splitter.push(text);
  }

  end(out: TextRawRecord[]): void {
    this.out = out;
    this.splitter.end();
    this.flush();
  }

  line(text: string, lineNumber: number): void {
    if (this.multiline && !this.tracebackOpen && surelyStartsRecord(text.charCodeAt(0))) {
      if (this.pendingLine !== 0) this.flush();
      this.pendingLine = lineNumber;
      this.pendingText = text;
      return;
    }
    if (isBlankLine(text)) return;
    if (!this.multiline) {
      if (exceedsBytes(text, this.maxRecordBytes)) this.reportTooLarge(text, lineNumber);
      else this.out.push({ source: this.source, line: lineNumber, format: "text", payload: text });
      return;
    }
    const kind = classifyLine(text, this.tracebackOpen);
    if (kind === "record" || this.pendingLine === 0) {
      this.flush();
      this.pendingLine = lineNumber;
      this.pendingText = text;
    } else if (this.pendingHead === null) {
      this.pendingText = `${this.pendingText}\n${text}`;
      if (this.pendingText.length > this.maxRecordBytes) this.dropPendingText();
    }
    this.tracebackOpen =
      kind === "traceback_start" || (kind === "continuation" && this.tracebackOpen);
  }

  overlongLine(head: string, lineNumber: number): void {
    if (!this.multiline) {
      this.reportTooLarge(head, lineNumber);
      return;
    }
    const kind = classifyLine(head, this.tracebackOpen);
    if (kind === "record" || this.pendingLine === 0) {
      this.flush();
      this.pendingLine = lineNumber;
      this.pendingHead = head;
    } else if (this.pendingHead === null) this.dropPendingText();
    this.tracebackOpen =
      kind === "traceback_start" || (kind === "continuation" && this.tracebackOpen);
  }

  private dropPendingText(): void {
    this.pendingHead = this.pendingText.slice(0, RECORD_HEAD_LENGTH);
    this.pendingText = "";
  }

  private flush(): void {
    if (this.pendingLine === 0) return;
    if (this.pendingHead !== null) this.reportTooLarge(this.pendingHead, this.pendingLine);
    else if (exceedsBytes(this.pendingText, this.maxRecordBytes))
      this.reportTooLarge(this.pendingText, this.pendingLine);
    else
      this.out.push({
        source: this.source,
        line: this.pendingLine,
        format: "text",
        payload: this.pendingText,
      });
    this.pendingLine = 0;
    this.pendingText = "";
    this.pendingHead = null;
  }

  private reportTooLarge(text: string, lineNumber: number): void {
    this.diagnostics.report(
      "record_too_large",
      lineNumber,
      tooLargeMessage("Text record", lineNumber, this.maxRecordBytes),
      text.slice(0, RECORD_HEAD_LENGTH),
    );
  }
}
