import { ConfigError } from "@logfeat/schema";

/** A part of a file: the records whose first line starts at a byte offset in [start, end). */
export interface ByteRange {
  /** Byte offset of the part's first line (0, or just after a "\n"). */
  start: number;
  /** Byte offset where the next part starts (the file size for the last part). */
  end: number;
  /** 1-based line number of the line at `start` (blank lines count, as in whole-file ingestion). */
  firstLine: number;
}

const EXPECTED_RANGE =
  "{ start, end, firstLine } with integers 0 <= start <= end and firstLine >= 1";

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Checks the shape of the `byteRange` option (what can be checked without
 * the file: integers, `start <= end`, `firstLine >= 1`); throws a
 * ConfigError naming `byteRange` otherwise. Returns a copy.
 */
export function validateByteRange(value: unknown): ByteRange {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ConfigError("byteRange", value, EXPECTED_RANGE);
  const { start, end, firstLine } = value as Record<string, unknown>;
  if (
    !isNonNegativeInteger(start) ||
    !isNonNegativeInteger(end) ||
    !isNonNegativeInteger(firstLine) ||
    start > end ||
    firstLine < 1
  )
    throw new ConfigError("byteRange", value, EXPECTED_RANGE);
  return { start, end, firstLine };
}
