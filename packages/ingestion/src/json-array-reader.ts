import type { JsonRawRecord } from "@logfeat/schema";
import { type JsonReaderSettings, readJsonValue, reportJsonTooLarge } from "./json-record.js";
import type { RecordReader } from "./record-reader.js";
import { RECORD_HEAD_LENGTH } from "./record-size.js";

const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const COMMA = 44;
const QUOTE = 34;
const BACKSLASH = 92;
const LINE_FEED = 10;

/** Where the scanner is: before `[`, between elements, inside one, after `]`, or done. */
const BEFORE_ARRAY = 0;
const BETWEEN_ELEMENTS = 1;
const IN_ELEMENT = 2;
const AFTER_ARRAY = 3;
const DONE = 4;

function isJsonWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/**
 * A top-level JSON array, streamed: an incremental scanner tracks strings,
 * escapes and nesting depth to find where each element ends, and only the
 * current element is buffered (memory does not grow with the file). Each
 * element is parsed with `JSON.parse`; its line is the line it starts on.
 * Empty elements (`[a,,b]`, a trailing comma) are not records; content after
 * the closing `]` is skipped once as `trailing_content`.
 */
export class JsonArrayReader implements RecordReader<JsonRawRecord> {
  private readonly settings: JsonReaderSettings;
  private state = BEFORE_ARRAY;
  private lineNumber: number;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementLine = 0;
  private readonly parts: string[] = [];
  private partsLength = 0;
  /** Head of the current element once it is known to be too large (its text is dropped). */
  private oversizeHead: string | null = null;

  /** `firstLineNumber` is the number of the line the first chunk starts on. */
  constructor(settings: JsonReaderSettings, firstLineNumber: number) {
    this.settings = settings;
    this.lineNumber = firstLineNumber;
  }

  push(text: string, out: JsonRawRecord[]): void {
    let elementStart = this.state === IN_ELEMENT ? 0 : -1;
    const length = text.length;
    for (let index = 0; index < length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === LINE_FEED) this.lineNumber += 1;
      if (this.state === IN_ELEMENT) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (code === BACKSLASH) this.escaped = true;
          else if (code === QUOTE) this.inString = false;
        } else if (code === QUOTE) this.inString = true;
        else if (code === OPEN_OBJECT || code === OPEN_ARRAY) this.depth += 1;
        else if ((code === CLOSE_OBJECT || code === CLOSE_ARRAY) && this.depth > 0) this.depth -= 1;
        else if (this.depth === 0 && (code === COMMA || code === CLOSE_ARRAY)) {
          this.finishElement(text.slice(elementStart, index), out);
          this.state = code === COMMA ? BETWEEN_ELEMENTS : AFTER_ARRAY;
        }
        continue;
      }
      if (isJsonWhitespace(code)) continue;
      if (this.state === BETWEEN_ELEMENTS) {
        if (code === CLOSE_ARRAY) this.state = AFTER_ARRAY;
        else if (code !== COMMA) {
          this.startElement(code);
          elementStart = index;
        }
      } else if (this.state === BEFORE_ARRAY) {
        this.state = BETWEEN_ELEMENTS;
      } else if (this.state === AFTER_ARRAY) {
        this.settings.diagnostics.report(
          "trailing_content",
          this.lineNumber,
          `Content after the end of the top-level JSON array at line ${this.lineNumber}; the rest of the input was ignored`,
        );
        this.state = DONE;
        return;
      } else return;
    }
    if (this.state === IN_ELEMENT)
      this.keepPart(elementStart === 0 ? text : text.slice(elementStart));
  }

  end(out: JsonRawRecord[]): void {
    if (this.state === IN_ELEMENT) this.finishElement("", out);
    this.state = DONE;
  }

  private startElement(code: number): void {
    this.state = IN_ELEMENT;
    this.elementLine = this.lineNumber;
    this.depth = code === OPEN_OBJECT || code === OPEN_ARRAY ? 1 : 0;
    this.inString = code === QUOTE;
    this.escaped = false;
  }

  private keepPart(part: string): void {
    if (this.oversizeHead !== null) {
      if (this.oversizeHead.length < RECORD_HEAD_LENGTH)
        this.oversizeHead += part.slice(0, RECORD_HEAD_LENGTH - this.oversizeHead.length);
      return;
    }
    this.parts.push(part);
    this.partsLength += part.length;
    if (this.partsLength > this.settings.maxRecordBytes) {
      this.oversizeHead = this.parts.join("").slice(0, RECORD_HEAD_LENGTH);
      this.parts.length = 0;
      this.partsLength = 0;
    }
  }

  private finishElement(lastPart: string, out: JsonRawRecord[]): void {
    const head =
      this.oversizeHead === null || this.oversizeHead.length >= RECORD_HEAD_LENGTH
        ? this.oversizeHead
        : this.oversizeHead + lastPart.slice(0, RECORD_HEAD_LENGTH - this.oversizeHead.length);
    const text = this.parts.length === 0 ? lastPart : this.parts.join("") + lastPart;
    this.parts.length = 0;
    this.partsLength = 0;
    this.oversizeHead = null;
    if (head !== null) reportJsonTooLarge(head, this.elementLine, this.settings);
    else if (text.trim() !== "") readJsonValue(text, this.elementLine, this.settings, out);
  }
}
