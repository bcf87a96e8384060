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

/** Where the scanner is: before `[`, between elements, inside one, after `]`, or done. */
const BEFORE_ARRAY = 0;
const BETWEEN_ELEMENTS = 1;
const IN_ELEMENT = 2;
const AFTER_ARRAY = 3;
const DONE = 4;

function isJsonWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Index of the quote closing a string whose text starts at `from`, or -1 if it is not in `text`. */
function closingQuote(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslash = quote - 1;
    while (backslash >= from && text.charCodeAt(backslash) === BACKSLASH) backslash -= 1;
    if ((quote - 1 - backslash) % 2 === 0) return quote;
  }
  return -1;
}

/** True when the string text from `from` to the end of `text` ends in an unpaired backslash. */
function endsInEscape(text: string, from: number): boolean {
  let backslash = text.length - 1;
  while (backslash >= from && text.charCodeAt(backslash) === BACKSLASH) backslash -= 1;
  return (text.length - 1 - backslash) % 2 === 1;
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
  /** Inside a string that continues into the next chunk. */
  private inString = false;
  /** That string's text so far ends with an escaping backslash. */
  private escaped = false;
  /** Index in the current chunk up to which line feeds were counted. */
  private countedTo = 0;
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
    this.countedTo = 0;
    const length = text.length;
    let index = this.state === IN_ELEMENT && this.inString ? this.finishCarriedString(text) : 0;
    for (; index < length; index += 1) {
      const code = text.charCodeAt(index);
      if (this.state === IN_ELEMENT) {
        if (code === QUOTE) {
          const close = closingQuote(text, index + 1);
          if (close === -1) {
            this.inString = true;
            this.escaped = endsInEscape(text, index + 1);
            index = length;
          } else index = close;
        } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) this.depth += 1;
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
          this.countLinesUpTo(text, index);
          this.startElement();
          elementStart = index;
          index -= 1; // the element's first character is scanned again, as part of the element
        }
      } else if (this.state === BEFORE_ARRAY) {
        this.state = BETWEEN_ELEMENTS;
      } else if (this.state === AFTER_ARRAY) {
        this.countLinesUpTo(text, index);
        this.settings.diagnostics.report(
          "trailing_content",
          this.lineNumber,
          `Content after the end of the top-level JSON array at line ${this.lineNumber}; the rest of the input was ignored`,
        );
        this.state = DONE;
        return;
      } else return;
    }
    this.countLinesUpTo(text, length);
    if (this.state === IN_ELEMENT)
      this.keepPart(elementStart === 0 ? text : text.slice(elementStart));
  }

  end(out: JsonRawRecord[]): void {
    if (this.state === IN_ELEMENT) this.finishElement("", out);
    this.state = DONE;
  }

  private startElement(): void {
    this.state = IN_ELEMENT;
    this.elementLine = this.lineNumber;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** Adds the line feeds of `text` before `index` not counted yet to the line number. */
  private countLinesUpTo(text: string, index: number): void {
    for (
      let lineFeed = text.indexOf("\n", this.countedTo);
      lineFeed !== -1 && lineFeed < index;
      lineFeed = text.indexOf("\n", lineFeed + 1)
    )
      this.lineNumber += 1;
    this.countedTo = index;
  }

  /** Scans a string that started in an earlier chunk; returns the index after its closing quote (or the end). */
  private finishCarriedString(text: string): number {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) {
        this.inString = false;
        return index + 1;
      }
    }
    return text.length;
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
    let text = lastPart;
    if (this.parts.length > 0) {
      text = this.parts.join("") + lastPart;
      this.parts.length = 0;
      this.partsLength = 0;
    }
    this.oversizeHead = null;
    if (head !== null) reportJsonTooLarge(head, this.elementLine, this.settings);
    else if (text !== "") readJsonValue(text, this.elementLine, this.settings, out);
  }
}
