import { ConfigError } from "@logfeat/schema";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]+/g;
/** One control character to remove; a regex test is about twice as fast as a charCodeAt loop. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * True for a character `cleanMessage` removes: C0 controls but `\t` and
 * `\n`, DEL, C1 controls (the set of `CONTROL_CHARACTERS`, for scanners that
 * read character codes).
 */
export function isControlCharacter(code: number): boolean {
  return code < 32 ? code !== 9 && code !== 10 : code >= 0x7f && code <= 0x9f;
}

/**
 * A message with control characters (C0 and C1, DEL) removed except `\t` and
 * `\n`, then trimmed. Does not cut; may return `""`.
 */
export function cleanMessage(text: string): string {
  return (CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, "") : text).trim();
}

/** True for a printable ASCII character other than space (`trim` never removes one). */
export function isPrintableAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/**
 * True when `text` starts and ends with a printable ASCII character other
 * than space (so `trim` would leave it as it is); false for `""`.
 */
export function hasPrintableEnds(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  return isPrintableAscii(text.charCodeAt(0)) && isPrintableAscii(text.charCodeAt(length - 1));
}

/**
 * `text` cut to at most `maxLength` UTF-16 code units, never inside a
 * surrogate pair, with whitespace left at the cut removed (so cutting again
 * changes nothing). Returns `text` itself when it is short enough.
 */
export function truncateMessage(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}

/** A normalized message and whether it was cut. */
export interface NormalizedMessage {
  /** Cleaned, trimmed, at most `maxLength` characters, never empty. */
  message: string;
  /** True when the message was longer than `maxLength` and was cut. */
  truncated: boolean;
}

/**
 * A message -> cleaned (control characters other than `\t`/`\n` removed),
 * trimmed, cut to `maxLength` (default 8192) UTF-16 code units, or null when
 * nothing is left or `value` is not a string. Throws ConfigError when
 * `maxLength` is not a positive integer.
 */
export function normalizeMessage(value: unknown, maxLength = 8192): NormalizedMessage | null {
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new ConfigError("maxLength", maxLength, "a positive integer number of characters");
  if (typeof value !== "string") return null;
  const cleaned = cleanMessage(value);
  const message = truncateMessage(cleaned, maxLength);
  return message === "" ? null : { message, truncated: message !== cleaned };
}
