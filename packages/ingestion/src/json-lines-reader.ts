import type { JsonRawRecord } from "@logfeat/schema";
import { isBlankLine } from "./blank-line.js";
import { type JsonReaderSettings, readJsonValue, reportJsonTooLarge } from "./json-record.js";
import { type LineHandler, LineSplitter } from "./line-splitter.js";
import type { RecordReader } from "./record-reader.js";

/** JSON Lines: one JSON object per line; blank lines are not records. */
export class JsonLinesReader implements RecordReader<JsonRawRecord>, LineHandler {
  private readonly settings: JsonReaderSettings;
  private readonly splitter: LineSplitter;
  private out: JsonRawRecord[] = [];

  /** `firstLineNumber` is the number of the line the first chunk starts on. */
  constructor(settings: JsonReaderSettings, firstLineNumber: number) {
    this.settings = settings;
    this.splitter = new LineSplitter(settings.maxRecordBytes, this, firstLineNumber);
  }

  push(text: string, out: JsonRawRecord[]): void {
    this.out = out;
    this.splitter.push(text);
  }

  end(out: JsonRawRecord[]): void {
    this.out = out;
    this.splitter.end();
  }

  line(text: string, lineNumber: number): void {
    if (!isBlankLine(text)) readJsonValue(text, lineNumber, this.settings, this.out);
  }

  overlongLine(head: string, lineNumber: number): void {
    reportJsonTooLarge(head, lineNumber, this.settings);
  }
}
