import type { CsvRawRecord } from "@logfeat/schema";
import Papa from "papaparse";
import { isBlankLine } from "./blank-line.js";
import { buildCsvHeader } from "./csv-header.js";
import type { CsvHeaderOption } from "./csv-header-option.js";
import { detectDelimiter, SNIFF_ROWS } from "./csv-sniffing.js";
import { SNIFF_BYTES } from "./format-detection.js";
import type { IngestionDiagnostics } from "./ingestion-diagnostics.js";
import type { RecordReader } from "./record-reader.js";
import { tooLargeMessage } from "./record-size.js";

/** Settings of a CsvRecordReader. */
export interface CsvReaderSettings {
  source: string;
  /** The delimiter, or undefined to detect it from the first rows. */
  delimiter: string | undefined;
  maxRecordBytes: number;
  diagnostics: IngestionDiagnostics;
  /** Line number of the first line of the input (1, or a byte range's `firstLine`). */
  firstLine: number;
  /** The header of the file the input is a part of (rows only, no header row; `delimiter` must be set), or undefined to read it. */
  knownHeader: CsvHeaderOption | undefined;
}

/** How a CSV input is read, once its header row is read: what a byte range after the header needs. */
export interface CsvLayout {
  delimiter: string;
  header: CsvHeaderOption;
}

const NON_WHITESPACE = /\S/;

/** How many times `character` occurs in `text` before `end` (default: the whole text). */
function countCharacter(text: string, character: string, end = text.length): number {
  let count = 0;
  for (
    let index = text.indexOf(character);
    index !== -1 && index < end;
    index = text.indexOf(character, index + 1)
  )
    count += 1;
  return count;
}

/**
 * CSV rows through papaparse's parser, fed chunk by chunk: the rows a chunk
 * completes are taken, the unfinished last row waits for the next chunk
 * (as papaparse's own streamers do). The first non-blank row is the header;
 * a row's line is the physical line it starts on (quoted fields may hold
 * line breaks). The line ending (`\r\n` or `\n`) is that of the first line.
 */
export class CsvRecordReader implements RecordReader<CsvRawRecord> {
  private readonly settings: CsvReaderSettings;
  private parser: Papa.Parser | null = null;
  private sample = "";
  private sampleLineFeeds = 0;
  private partial = "";
  /** After an over-long row: drop text up to the next line feed, then resume. */
  private dropping = false;
  private droppingInQuotes = false;
  private droppedLine = 0;
  private droppedHasContent = false;
  private stripCarriageReturn = false;
  private delimiter = ",";
  private header: string[] | null = null;
  private headerLine = 0;
  private newline: "\n" | "\r\n" = "\n";
  private nextLineNumber: number;

  constructor(settings: CsvReaderSettings) {
    this.settings = settings;
    this.nextLineNumber = settings.firstLine;
    const known = settings.knownHeader;
    if (known !== undefined) {
      this.header = known.columns;
      this.headerLine = known.line;
      this.createParser(settings.delimiter ?? this.delimiter, known.newline);
    }
  }

  /** The delimiter and header once the header row is read (or given), else null. */
  layout(): CsvLayout | null {
    if (this.header === null) return null;
    return {
      delimiter: this.delimiter,
      header: { columns: [...this.header], line: this.headerLine, newline: this.newline },
    };
  }

  push(text: string, out: CsvRawRecord[]): void {
    if (this.parser === null) {
      this.sample += text;
      this.sampleLineFeeds += countCharacter(text, "\n");
      if (this.sampleLineFeeds < SNIFF_ROWS && this.sample.length < SNIFF_BYTES) return;
      text = this.startParser(false);
    }
    this.parse(text, out, false);
  }

  end(out: CsvRawRecord[]): void {
    const text = this.parser === null ? this.startParser(true) : "";
    this.parse(text, out, true);
    if (this.dropping) this.finishDropped();
  }

  /** Picks the line ending and delimiter from the sample; returns the sample, to be parsed. */
  private startParser(complete: boolean): string {
    const sample = this.sample;
    this.sample = "";
    const lineFeed = sample.indexOf("\n");
    const newline = lineFeed > 0 && sample.charCodeAt(lineFeed - 1) === 13 ? "\r\n" : "\n";
    const lastLineFeed = sample.lastIndexOf("\n");
    this.createParser(
      this.settings.delimiter ??
        detectDelimiter(complete || lastLineFeed === -1 ? sample : sample.slice(0, lastLineFeed)),
      newline,
    );
    return sample;
  }

  private createParser(delimiter: string, newline: "\n" | "\r\n"): void {
    this.delimiter = delimiter;
    this.newline = newline;
    this.stripCarriageReturn = newline === "\n";
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  }

  private parse(text: string, out: CsvRawRecord[], final: boolean): void {
    if (this.dropping) {
      const resume = this.skipRestOfRow(text);
      if (resume === -1) return;
      text = text.slice(resume);
    }
    const input = this.partial === "" ? text : this.partial + text;
    if (input === "") return;
    const result = (this.parser as Papa.Parser).parse(input, 0, !final) as {
      data: string[][];
      meta: { cursor: number };
    };
    const rows = result.data;
    const consumed = final ? input.length : result.meta.cursor;
    this.partial = final ? "" : input.slice(consumed);
    // Without line feeds inside fields, rows are separated by exactly one line feed each
    // (at the end, the last row has none): then each row is one line and its fields need no scan.
    const separators = final ? rows.length - 1 : rows.length;
    const oneLineRows = countCharacter(input, "\n", consumed) === separators;
    for (const row of rows) this.row(row, out, oneLineRows);
    if (this.partial.length > this.settings.maxRecordBytes) this.checkPartialSize();
  }

  /**
   * The unfinished row is over the limit when its text minus its quote
   * characters (and a `\r` that may start its line ending) is, as the cells
   * it will have hold at least that much; or when
   * its raw text is over 4 x maxRecordBytes (a hard memory bound). It is then
   * dropped up to its end (the next line feed outside quotes).
   */
  private checkPartialSize(): void {
    const partial = this.partial;
    const maxRecordBytes = this.settings.maxRecordBytes;
    const quotes = countCharacter(partial, '"');
    const lineEndStart = partial.charCodeAt(partial.length - 1) === 13 ? 1 : 0;
    const cellsAtLeast = partial.length - quotes - lineEndStart;
    if (partial.length <= 4 * maxRecordBytes && cellsAtLeast <= maxRecordBytes) return;
    this.droppedLine = this.nextLineNumber;
    this.droppedHasContent = NON_WHITESPACE.test(partial);
    this.nextLineNumber += countCharacter(partial, "\n");
    this.partial = "";
    this.dropping = true;
    this.droppingInQuotes = quotes % 2 === 1;
  }

  /** The dropped row ended: it is reported unless it was blank. */
  private finishDropped(): void {
    this.dropping = false;
    if (this.droppedHasContent) this.reportTooLarge(this.droppedLine);
  }

  /** Skips the rest of a dropped row; returns where the next row starts, or -1 if not in `text`. */
  private skipRestOfRow(text: string): number {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 34) this.droppingInQuotes = !this.droppingInQuotes;
      else if (code === 10) {
        this.nextLineNumber += 1;
        if (!this.droppingInQuotes) {
          this.droppedHasContent ||= NON_WHITESPACE.test(text.slice(0, index));
          this.finishDropped();
          return index + 1;
        }
      }
    }
    this.droppedHasContent ||= NON_WHITESPACE.test(text);
    return -1;
  }

  private row(row: string[], out: CsvRawRecord[], oneLine: boolean): void {
    const lineNumber = this.nextLineNumber;
    let length = (row.length - 1) * this.delimiter.length;
    let lineFeeds = 0;
    for (const field of row) {
      length += field.length;
      if (!oneLine && field.indexOf("\n") !== -1) lineFeeds += countCharacter(field, "\n");
    }
    this.nextLineNumber = lineNumber + 1 + lineFeeds;
    const last = row.length - 1;
    if (this.stripCarriageReturn) {
      const lastField = row[last] as string;
      if (lastField.charCodeAt(lastField.length - 1) === 13) row[last] = lastField.slice(0, -1);
    }
    if (last === 0 && isBlankLine(row[0] as string)) return;
    const header = this.header;
    if (
      length * 3 > this.settings.maxRecordBytes &&
      Buffer.byteLength(row.join(this.delimiter), "utf8") > this.settings.maxRecordBytes
    ) {
      this.reportTooLarge(lineNumber);
      return;
    }
    if (header === null) {
      this.readHeader(row, lineNumber);
      return;
    }
    if (row.length !== header.length) {
      this.settings.diagnostics.report(
        "wrong_field_count",
        lineNumber,
        `CSV row at line ${lineNumber} has ${row.length} fields, the header (line ${this.headerLine}) has ${header.length}`,
        row.join(this.delimiter),
      );
      return;
    }
    const payload: Record<string, string> = {};
    for (let index = 0; index <= last; index += 1)
      payload[header[index] as string] = row[index] as string;
    out.push({ source: this.settings.source, line: lineNumber, format: "csv", payload });
  }

  private readHeader(row: string[], lineNumber: number): void {
    const { names, renamed } = buildCsvHeader(row);
    this.header = names;
    this.headerLine = lineNumber;
    if (renamed.length > 0)
      this.settings.diagnostics.report(
        "duplicate_header",
        lineNumber,
        `CSV header at line ${lineNumber}: renamed columns ${renamed.join(", ")}`,
        renamed.join(", "),
      );
  }

  /** A row over the limit: its size is its cells joined by the delimiter, in UTF-8 bytes. */
  private reportTooLarge(lineNumber: number): void {
    this.settings.diagnostics.report(
      "record_too_large",
      lineNumber,
      tooLargeMessage("CSV row", lineNumber, this.settings.maxRecordBytes),
    );
  }
}
