import { RECORD_HEAD_LENGTH } from "./record-size.js";

/** Receives the lines a LineSplitter finds. */
export interface LineHandler {
  /** One physical line without its line ending; `lineNumber` is 1-based. */
  line(text: string, lineNumber: number): void;
  /** A non-blank line longer than the limit: only its first characters are kept. */
  overlongLine(head: string, lineNumber: number): void;
}

const NON_WHITESPACE = /\S/g;

/** True when `text` has a non-whitespace character in `[start, end)`. */
function hasContent(text: string, start: number, end: number): boolean {
  NON_WHITESPACE.lastIndex = start;
  const found = NON_WHITESPACE.exec(text);
  return found !== null && found.index < end;
}

/**
 * Splits decoded text chunks into physical lines (`\n` or `\r\n`; a lone `\r`
 * is content) and numbers them from 1. A line longer than `maxLineLength`
 * UTF-16 code units is not buffered: its head is handed to `overlongLine`
 * when its end is found (or dropped silently if the line is blank), so
 * memory stays bounded. Results do not depend on how the text is split.
 */
export class LineSplitter {
  private carry = "";
  /** Length of the unfinished line so far, including what was dropped. */
  private carryLength = 0;
  /** Head of the unfinished line once it is over the limit (its text is dropped), else null. */
  private carryHead: string | null = null;
  private carryHasContent = false;
  private carryEndsWithReturn = false;
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
    if (this.carryLength > 0) {
      if (lineFeed === -1) {
        this.appendCarry(text, 0, text.length);
        return;
      }
      this.appendCarry(text, 0, lineFeed);
      this.flushCarry();
      start = lineFeed + 1;
      lineFeed = text.indexOf("\n", start);
    }
    const handler = this.handler;
    const maxLineLength = this.maxLineLength;
    while (lineFeed !== -1) {
      const end =
        lineFeed > start && text.charCodeAt(lineFeed - 1) === 13 ? lineFeed - 1 : lineFeed;
      if (end - start <= maxLineLength) handler.line(text.slice(start, end), this.nextLineNumber);
      else if (hasContent(text, start, end))
        handler.overlongLine(
          text.slice(start, Math.min(end, start + RECORD_HEAD_LENGTH)),
          this.nextLineNumber,
        );
      this.nextLineNumber += 1;
      start = lineFeed + 1;
      lineFeed = text.indexOf("\n", start);
    }
    if (start < text.length) this.appendCarry(text, start, text.length);
  }

  /** Delivers a last line that has no line ending. */
  end(): void {
    if (this.carryLength > 0) this.flushCarry();
  }

  private appendCarry(text: string, start: number, end: number): void {
    if (end === start) return;
    this.carryLength += end - start;
    this.carryEndsWithReturn = text.charCodeAt(end - 1) === 13;
    if (this.carryHead !== null) {
      if (this.carryHead.length < RECORD_HEAD_LENGTH)
        this.carryHead += text.slice(
          start,
          Math.min(end, start + RECORD_HEAD_LENGTH - this.carryHead.length),
        );
      if (!this.carryHasContent) this.carryHasContent = hasContent(text, start, end);
      return;
    }
    this.carry += start === 0 && end === text.length ? text : text.slice(start, end);
    if (this.carryLength > this.maxLineLength + 1) {
      this.carryHead = this.carry.slice(0, RECORD_HEAD_LENGTH);
      this.carryHasContent = hasContent(this.carry, 0, this.carry.length);
      this.carry = "";
    }
  }

  private flushCarry(): void {
    const lineNumber = this.nextLineNumber;
    const length = this.carryLength - (this.carryEndsWithReturn ? 1 : 0);
    const head = this.carryHead;
    const line = head === null ? this.carry.slice(0, length) : null;
    const hasText = head === null ? true : this.carryHasContent;
    this.nextLineNumber += 1;
    this.carry = "";
    this.carryLength = 0;
    this.carryHead = null;
    this.carryHasContent = false;
    this.carryEndsWithReturn = false;
    if (line !== null && length <= this.maxLineLength) this.handler.line(line, lineNumber);
    else if (line !== null) {
      if (hasContent(line, 0, line.length))
        this.handler.overlongLine(line.slice(0, RECORD_HEAD_LENGTH), lineNumber);
    } else if (hasText)
      this.handler.overlongLine(
        (head as string).slice(0, Math.min(length, RECORD_HEAD_LENGTH)),
        lineNumber,
      );
  }
}
