import { RECORD_HEAD_LENGTH } from "./record-size.js";

/** Receives the lines a LineSplitter finds. */
export interface LineHandler {
  /** One physical line without its line ending; `lineNumber` is 1-based. */
  line(text: string, lineNumber: number): void;
  /** A line longer than the limit: only its first characters are kept. */
  overlongLine(head: string, lineNumber: number): void;
}

/**
 * Splits decoded text chunks into physical lines (`\n` or `\r\n`; a lone `\r`
 * is content) and numbers them from 1. A line longer than `maxLineLength`
 * UTF-16 code units is not buffered: its head is handed to
 * `overlongLine` when its end is found, so memory stays bounded.
 */
export class LineSplitter {
  private carry = "";
  private carryHead: string | null = null;
  private nextLineNumber: number;
  private readonly maxLineLength: number;
  private readonly handler: LineHandler;

  /** `firstLineNumber` (default 1) is the number of the line the first chunk starts on. */
  constructor(maxLineLength: number, handler: LineHandler, firstLineNumber = 1) {
    this.maxLineLength = maxLineLength;
    this.handler = handler;
    this.nextLineNumber = firstLineNumber;
  }

  /** Feeds the next chunk of text. */
  push(text: string): void {
    let start = 0;
    let lineFeed = text.indexOf("\n");
    if (this.carry !== "" || this.carryHead !== null) {
      if (lineFeed === -1) {
        this.appendCarry(text);
        return;
      }
      this.appendCarry(text.slice(0, lineFeed));
      this.flushCarry();
      start = lineFeed + 1;
      lineFeed = text.indexOf("\n", start);
    }
    const handler = this.handler;
    const maxLineLength = this.maxLineLength;
    while (lineFeed !== -1) {
      const end =
        lineFeed > start && text.charCodeAt(lineFeed - 1) === 13 ? lineFeed - 1 : lineFeed;
      if (end - start > maxLineLength)
        handler.overlongLine(
          text.slice(start, Math.min(end, start + RECORD_HEAD_LENGTH)),
          this.nextLineNumber,
        );
      else handler.line(text.slice(start, end), this.nextLineNumber);
      this.nextLineNumber += 1;
      start = lineFeed + 1;
      lineFeed = text.indexOf("\n", start);
    }
    if (start < text.length) this.appendCarry(start === 0 ? text : text.slice(start));
  }

  /** Delivers a last line that has no line ending. */
  end(): void {
    if (this.carry !== "" || this.carryHead !== null) this.flushCarry();
  }

  private appendCarry(text: string): void {
    if (this.carryHead !== null) return;
    this.carry += text;
    if (this.carry.length > this.maxLineLength + 1) {
      this.carryHead = this.carry.slice(0, RECORD_HEAD_LENGTH);
      this.carry = "";
    }
  }

  private flushCarry(): void {
    const lineNumber = this.nextLineNumber;
    this.nextLineNumber += 1;
    if (this.carryHead !== null) {
      const head = this.carryHead;
      this.carryHead = null;
      this.handler.overlongLine(head, lineNumber);
      return;
    }
    const line =
      this.carry.charCodeAt(this.carry.length - 1) === 13 ? this.carry.slice(0, -1) : this.carry;
    this.carry = "";
    if (line.length > this.maxLineLength)
      this.handler.overlongLine(line.slice(0, RECORD_HEAD_LENGTH), lineNumber);
    else this.handler.line(line, lineNumber);
  }
}
