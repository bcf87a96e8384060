/**
 * True when `text` is longer than `maxBytes` bytes in UTF-8. Cheap for short
 * text: a UTF-16 code unit is 1 to 3 UTF-8 bytes (a surrogate pair, 2 units,
 * is 4 bytes), so the exact count is only computed between the two bounds.
 */
export function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, "utf8") > maxBytes;
}

/** How many characters of an over-long record a diagnostic keeps (its `value` is cut to 200). */
export const RECORD_HEAD_LENGTH = 200;

/** The message of a `record_too_large` diagnostic. */
export function tooLargeMessage(what: string, line: number, maxRecordBytes: number): string {
  return `${what} starting at line ${line} is larger than maxRecordBytes (${maxRecordBytes} bytes); skipped`;
}
