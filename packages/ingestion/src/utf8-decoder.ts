import { isAscii } from "node:buffer";

const BYTE_ORDER_MARK = 0xfeff;

/** Length of the UTF-8 sequence a lead byte starts (0 for ASCII, continuation or invalid bytes). */
function sequenceLength(byte: number): number {
  if (byte >= 0xc0 && byte < 0xe0) return 2;
  if (byte >= 0xe0 && byte < 0xf0) return 3;
  if (byte >= 0xf0 && byte < 0xf5) return 4;
  return 0;
}

/**
 * Where the last, incomplete UTF-8 sequence of `bytes` starts (its bytes are
 * held back for the next chunk), or `bytes.length` when it ends complete.
 */
function completeLength(bytes: Buffer): number {
  const end = bytes.length;
  for (let index = end - 1; index >= 0 && index >= end - 3; index -= 1) {
    const byte = bytes[index] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    return length > end - index ? index : end;
  }
  return end;
}

/**
 * Streaming UTF-8 decoder: invalid bytes become U+FFFD (never an error), a
 * leading byte order mark is dropped, and a character split across chunks
 * decodes as if the chunks were one. ASCII-only chunks take a fast path.
 */
export class Utf8StreamDecoder {
  private held: Buffer | null = null;
  private atStart: boolean;

  /** `stripByteOrderMark` (default true): drop a byte order mark at the very start. */
  constructor(stripByteOrderMark = true) {
    this.atStart = stripByteOrderMark;
  }

  /** Decodes a chunk; an incomplete character at its end waits for the next chunk. */
  decode(chunk: Buffer): string {
    const bytes = this.held === null ? chunk : Buffer.concat([this.held, chunk]);
    const end = completeLength(bytes);
    this.held = end === bytes.length ? null : Buffer.from(bytes.subarray(end));
    const complete = end === bytes.length ? bytes : bytes.subarray(0, end);
    const text = isAscii(complete) ? complete.toString("latin1") : complete.toString("utf8");
    return this.dropByteOrderMark(text);
  }

  /** The held bytes of a cut last character, as U+FFFD replacement characters. */
  end(): string {
    const held = this.held;
    this.held = null;
    return held === null ? "" : this.dropByteOrderMark(held.toString("utf8"));
  }

  private dropByteOrderMark(text: string): string {
    if (!this.atStart || text === "") return text;
    this.atStart = false;
    return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
  }
}
