import type { JsonRawRecord, TextRawRecord } from "@logfeat/schema";
import { isBlankLine } from "./blank-line.js";
import { type JsonReaderSettings, readJsonValue, reportJsonTooLarge } from "./json-record.js";
import { type LineHandler, LineSplitter } from "./line-splitter.js";
import type { RecordReader } from "./record-reader.js";
import { exceedsBytes } from "./record-size.js";

/**
 * JSON Lines: one JSON object per line; blank lines are not records. With
 * `deferParsing`, a line within `maxRecordBytes` is handed on as a text
 * record (its JSON is read later by `JsonLineParser`).
 */
export class JsonLinesReader implements RecordReader<JsonRawRecord | TextRawRecord>, LineHandler {
  private readonly settings: JsonReaderSettings;
  private readonly splitter: LineSplitter;
  private out: (JsonRawRecord | TextRawRecord)[] = [];

  /** `firstLineNumber` is the number of the line the first chunk starts on. */
  constructor(settings: JsonReaderSettings, firstLineNumber: number) {
    this.settings = settings;
    this.splitter = new LineSplitter(settings.maxRecordBytes, this, firstLineNumber);
  }

  push(text: string, out: (JsonRawRecord | TextRawRecord)[]): void {
    this.out = out;
    this.splitter.push(text);
  }

  end(out: (JsonRawRecord | TextRawRecord)[]): void {
    this.out = out;
    this.splitter.end();
  }

  line(text: string, lineNumber: number): void {
    if (isBlankLine(text)) return;
    const settings = this.settings;
    if (settings.deferParsing !== true)
      readJsonValue(text, lineNumber, settings, this.out as JsonRawRecord[]);
    else if (exceedsBytes(text, settings.maxRecordBytes))
      reportJsonTooLarge(text, lineNumber, settings);
    else
      this.out.push({ source: settings.source, line: lineNumber, format: "text", payload: text });
  }

  overlongLine(head: string, lineNumber: number): void {
    reportJsonTooLarge(head, lineNumber, this.settings);
  }
}
