import type { TextRawRecord } from "@logfeat/schema";
import { isBlankLine } from "./blank-line.js";
import type { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import { type LineHandler, LineSplitter } from "./line-splitter.js";
import { classifyLine, type LineKind, surelyStartsRecord } from "./multiline.js";
import type { RecordReader } from "./record-reader.js";
import { exceedsBytes, RECORD_HEAD_LENGTH, tooLargeMessage } from "./record-size.js";

/** Settings of a TextRecordReader. */
export interface TextReaderSettings {
  source: string;
  multiline: boolean;
  maxRecordBytes: number;
  diagnostics: IngestionDiagnostics;
  /** Number of the first line read (default 1; a byte range starts further on). */
  firstLine?: number;
}

/**
 * Text records: one per non-blank line; with `multiline`, continuation lines
 * (see `classifyLine`) are joined to the record before them with `\n`.
 *
 * In multiline mode a record is pushed to `out` as soon as its first line is
 * read and stays open (`current`, always the last element of `out`) while
 * continuation lines extend its payload; at the end of a chunk it is taken
 * back (`held`) because the next chunk may still extend it.
 */
export class TextRecordReader implements RecordReader<TextRawRecord>, LineHandler {
  private readonly source: string;
  private readonly multiline: boolean;
  private readonly maxRecordBytes: number;
  private readonly diagnostics: IngestionDiagnostics;
  private readonly splitter: LineSplitter;
  private out: TextRawRecord[] = [];
  /** The open record (multiline mode), the last element of `out`; null when there is none. */
  private current: TextRawRecord | null = null;
  /** The open record has continuation lines (its UTF-8 size is checked when it closes). */
  private currentJoined = false;
  /** The open record carried over from the previous chunk, not in any `out` yet. */
  private held: TextRawRecord | null = null;
  /** Line of a record being dropped as too large (with its continuation lines), else 0. */
  private droppedLine = 0;
  private droppedHead = "";
  private tracebackOpen = false;

  constructor(settings: TextReaderSettings) {
    this.source = settings.source;
    this.multiline = settings.multiline;
    this.maxRecordBytes = settings.maxRecordBytes;
    this.diagnostics = settings.diagnostics;
    this.splitter = new LineSplitter(settings.maxRecordBytes, this, settings.firstLine ?? 1);
  }

  push(text: string, out: TextRawRecord[]): void {
    this.resume(out);
    this.splitter.push(text);
    if (this.current !== null) {
      this.out.pop();
      this.held = this.current;
    }
  }

  end(out: TextRawRecord[]): void {
    this.resume(out);
    this.splitter.end();
    this.closeCurrent();
  }

  line(text: string, lineNumber: number): void {
    if (!this.multiline) {
      if (isBlankLine(text)) return;
      if (exceedsBytes(text, this.maxRecordBytes)) this.reportTooLarge(text, lineNumber);
      else this.out.push({ source: this.source, line: lineNumber, format: "text", payload: text });
      return;
    }
    if (!this.tracebackOpen && surelyStartsRecord(text.charCodeAt(0))) {
      this.startRecord(text, lineNumber);
      return;
    }
    if (isBlankLine(text)) return;
    const kind = classifyLine(text, this.tracebackOpen);
    if (this.startsRecord(kind)) this.startRecord(text, lineNumber);
    else this.continueRecord(text);
    this.updateTraceback(kind);
  }

  overlongLine(head: string, lineNumber: number): void {
    if (!this.multiline) {
      this.reportTooLarge(head, lineNumber);
      return;
    }
    const kind = classifyLine(head, this.tracebackOpen);
    if (this.startsRecord(kind)) {
      this.closeCurrent();
      this.drop(lineNumber, head);
    } else if (this.current !== null) this.dropCurrent(this.current.payload);
    this.updateTraceback(kind);
  }

  /** Starts appending to `out`; the record held from the last chunk goes first. */
  private resume(out: TextRawRecord[]): void {
    this.out = out;
    if (this.held !== null) {
      out.push(this.held);
      this.held = null;
    }
  }

  private startsRecord(kind: LineKind): boolean {
    return kind === "record" || (this.current === null && this.droppedLine === 0);
  }

  private updateTraceback(kind: LineKind): void {
    this.tracebackOpen =
      kind === "traceback_start" || (kind === "continuation" && this.tracebackOpen);
  }

  private startRecord(text: string, lineNumber: number): void {
    this.closeCurrent();
    if (exceedsBytes(text, this.maxRecordBytes)) {
      this.drop(lineNumber, text);
      return;
    }
    const record: TextRawRecord = {
      source: this.source,
      line: lineNumber,
      format: "text",
      payload: text,
    };
    this.out.push(record);
    this.current = record;
    this.currentJoined = false;
  }

  private continueRecord(text: string): void {
    const current = this.current;
    if (current === null) return;
    const payload = `${current.payload}\n${text}`;
    if (payload.length > this.maxRecordBytes) this.dropCurrent(payload);
    else {
      current.payload = payload;
      this.currentJoined = true;
    }
  }

  /** The open record is too large: it leaves `out` and its continuation lines are dropped. */
  private dropCurrent(text: string): void {
    const current = this.current as TextRawRecord;
    this.out.pop();
    this.current = null;
    this.drop(current.line, text);
  }

  private drop(lineNumber: number, text: string): void {
    this.droppedLine = lineNumber;
    this.droppedHead = text.slice(0, RECORD_HEAD_LENGTH);
  }

  /** Closes the open (or dropped) record: a joined record over the limit in bytes is taken back. */
  private closeCurrent(): void {
    const current = this.current;
    if (
      current !== null &&
      this.currentJoined &&
      exceedsBytes(current.payload, this.maxRecordBytes)
    ) {
      this.out.pop();
      this.drop(current.line, current.payload);
    }
    this.current = null;
    this.currentJoined = false;
    if (this.droppedLine !== 0) {
      this.reportTooLarge(this.droppedHead, this.droppedLine);
      this.droppedLine = 0;
      this.droppedHead = "";
    }
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
