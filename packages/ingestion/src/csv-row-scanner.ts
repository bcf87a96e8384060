const QUOTE = 34;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** Called for each row start found: its byte offset and 1-based line; returns false to stop the scan. */
export type RowStartVisitor = (offset: number, line: number) => boolean;

/**
 * Finds the byte offsets where CSV rows start, as papaparse splits the
 * whole file, with the RFC 4180 quote rules: a field is quoted when its
 * first byte is `"`; inside it `""` is an escaped quote; it ends at a quote
 * followed by the delimiter, the row's line ending or the end of the file.
 * Rows end at a line feed outside quotes (`newline` `"\r\n"`: at a carriage
 * return + line feed). Lines without quotes cost two `indexOf` calls.
 *
 * Papaparse reads malformed quoting its own way (a quote inside an
 * unquoted field, text after a closing quote, an unclosed quoted field, and
 * with `"\r\n"` rows a bare line feed outside quotes, which also throws off
 * the resync after an over-long row): at the first such anomaly the scan
 * stops, so no row start after it is reported.
 *
 * The file is fed in regions, in order, each ending just after a line feed
 * (the last one at the end of the file); the quote state carries over.
 */
export class CsvRowScanner {
  private readonly delimiter: Buffer;
  private readonly crlf: boolean;
  private readonly visit: RowStartVisitor;
  /** Line feeds before the current region, plus those counted in it so far. */
  private lineFeeds = 0;
  private inQuotes = false;
  private stopped = false;

  constructor(delimiter: string, newline: "\n" | "\r\n", visit: RowStartVisitor) {
    this.delimiter = Buffer.from(delimiter, "utf8");
    this.crlf = newline === "\r\n";
    this.visit = visit;
  }

  /** True once the scan met an anomaly or the visitor stopped it: no further row start is reported. */
  get done(): boolean {
    return this.stopped;
  }

  /**
   * Scans the region `bytes` (the file from offset `base`; it ends after a
   * line feed, or at the end of the file when `atEnd`) from a row start or
   * inside the quoted field the previous region ended in.
   */
  scan(bytes: Buffer, base: number, atEnd: boolean): void {
    if (this.stopped) return;
    const end = bytes.length;
    // Not in quotes: where the current field starts. In quotes: where the field's unread content starts.
    let field = 0;
    // The first quote at or after `field` (-1: none in the region).
    let quote = bytes.indexOf(QUOTE);
    for (;;) {
      if (this.inQuotes) {
        let closing = quote;
        while (closing !== -1 && bytes[closing + 1] === QUOTE)
          closing = bytes.indexOf(QUOTE, closing + 2);
        if (closing === -1) {
          this.lineFeeds += countLineFeeds(bytes, field, end);
          // An unclosed quoted field runs to the end of the file.
          if (atEnd) this.stopped = true;
          return;
        }
        this.lineFeeds += countLineFeeds(bytes, field, closing);
        this.inQuotes = false;
        const after = closing + 1;
        if (after === end) {
          // The quote ends the file (a region that is not the last ends with a line feed).
          if (!atEnd) this.stopped = true;
          return;
        }
        if (this.delimiterAt(bytes, after)) {
          field = after + this.delimiter.length;
          quote = bytes.indexOf(QUOTE, field);
          continue;
        }
        const next = bytes[after];
        const lineFeed =
          next === LINE_FEED && !this.crlf
            ? after
            : next === CARRIAGE_RETURN && bytes[after + 1] === LINE_FEED
              ? after + 1
              : -1;
        // Text after the closing quote.
        if (lineFeed === -1) {
          this.stopped = true;
          return;
        }
        if (!this.rowEnd(base, lineFeed, end, atEnd)) return;
        field = lineFeed + 1;
        quote = bytes.indexOf(QUOTE, field);
        continue;
      }
      if (field >= end) return;
      if (bytes[field] === QUOTE) {
        this.inQuotes = true;
        field += 1;
        quote = bytes.indexOf(QUOTE, field);
        continue;
      }
      const lineFeed = bytes.indexOf(LINE_FEED, field);
      if (quote === -1 || (lineFeed !== -1 && quote > lineFeed)) {
        // The rest of the row has no quote: it ends at the line feed (or the end of the file).
        if (lineFeed === -1) return;
        if (this.crlf && (lineFeed === field || bytes[lineFeed - 1] !== CARRIAGE_RETURN)) {
          this.stopped = true;
          return;
        }
        if (!this.rowEnd(base, lineFeed, end, atEnd)) return;
        field = lineFeed + 1;
        continue;
      }
      // A quote before the row's end: it must start a field, else it is inside an unquoted one.
      const delimiterIndex = bytes.indexOf(this.delimiter, field);
      if (delimiterIndex === -1 || delimiterIndex > quote) {
        this.stopped = true;
        return;
      }
      field = delimiterIndex + this.delimiter.length;
    }
  }

  /** A row ends at the line feed `lineFeed`; reports the next row's start. False when the scan stops. */
  private rowEnd(base: number, lineFeed: number, end: number, atEnd: boolean): boolean {
    this.lineFeeds += 1;
    if (atEnd && lineFeed + 1 === end) return true;
    if (!this.visit(base + lineFeed + 1, this.lineFeeds + 1)) this.stopped = true;
    return !this.stopped;
  }

  private delimiterAt(bytes: Buffer, index: number): boolean {
    const delimiter = this.delimiter;
    if (index + delimiter.length > bytes.length) return false;
    for (let offset = 0; offset < delimiter.length; offset += 1)
      if (bytes[index + offset] !== delimiter[offset]) return false;
    return true;
  }
}

/** Line feeds in bytes[start, end). */
function countLineFeeds(bytes: Buffer, start: number, end: number): number {
  let count = 0;
  for (
    let index = bytes.indexOf(LINE_FEED, start);
    index !== -1 && index < end;
    index = bytes.indexOf(LINE_FEED, index + 1)
  )
    count += 1;
  return count;
}
