import type { JsonRawRecord, TextRawRecord } from "@logfeat/schema";
import { JsonArrayReader } from "./json-array-reader.js";
import { JsonLinesReader } from "./json-lines-reader.js";
import type { JsonReaderSettings } from "./json-record.js";
import type { RecordReader } from "./record-reader.js";

const NOT_WHITESPACE = /[^ \t\r\n]/;

/** How a JsonRecordReader starts. */
export interface JsonStart {
  /** Number of the first line read (default 1). */
  firstLine?: number;
  /** Read JSON Lines even when the first character is `[` (a byte range). Default false. */
  linesOnly?: boolean;
}

/**
 * JSON input: a top-level array of objects when the first non-whitespace
 * character is `[` (unless `linesOnly`), JSON Lines otherwise. Leading
 * whitespace is skipped (its lines still count) until that character arrives.
 */
export class JsonRecordReader implements RecordReader<JsonRawRecord | TextRawRecord> {
  private readonly settings: JsonReaderSettings;
  private readonly linesOnly: boolean;
  private reader: RecordReader<JsonRawRecord | TextRawRecord> | null = null;
  private leadingLineFeeds: number;

  constructor(settings: JsonReaderSettings, start: JsonStart = {}) {
    this.settings = settings;
    this.linesOnly = start.linesOnly ?? false;
    this.leadingLineFeeds = (start.firstLine ?? 1) - 1;
  }

  push(text: string, out: (JsonRawRecord | TextRawRecord)[]): void {
    if (this.reader === null) {
      const start = text.search(NOT_WHITESPACE);
      const skipped = start === -1 ? text : text.slice(0, start);
      for (
        let index = skipped.indexOf("\n");
        index !== -1;
        index = skipped.indexOf("\n", index + 1)
      )
        this.leadingLineFeeds += 1;
      if (start === -1) return;
      const firstLine = this.leadingLineFeeds + 1;
      this.reader =
        text[start] === "[" && !this.linesOnly
          ? new JsonArrayReader(this.settings, firstLine)
          : new JsonLinesReader(this.settings, firstLine);
      text = text.slice(start);
    }
    this.reader.push(text, out);
  }

  end(out: (JsonRawRecord | TextRawRecord)[]): void {
    this.reader?.end(out);
  }
}
