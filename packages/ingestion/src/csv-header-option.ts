import { ConfigError } from "@logfeat/schema";

/**
 * The header of a CSV file as the whole-file reader derived it, for reading
 * a byte range that starts after the header row (see `planByteRanges`, whose
 * `partOptions` carry it). Plain data: it can be structured-cloned to a
 * worker thread.
 */
export interface CsvHeaderOption {
  /** One payload key per column, in order: the header cells trimmed, renamed when empty, repeated or reserved. */
  columns: string[];
  /** 1-based line number of the header row (named in `wrong_field_count` messages). */
  line: number;
  /** What ends a row: the line ending of the file's first line, `"\n"` or `"\r\n"`. */
  newline: "\n" | "\r\n";
}

const EXPECTED_HEADER =
  '{ columns, line, newline } with distinct non-empty column names, an integer line >= 1 and newline "\\n" or "\\r\\n"';

/**
 * Checks the shape of the `csvHeader` option; throws a ConfigError naming
 * `csvHeader` otherwise. Returns a copy.
 */
export function validateCsvHeader(value: unknown): CsvHeaderOption {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ConfigError("csvHeader", value, EXPECTED_HEADER);
  const { columns, line, newline } = value as Record<string, unknown>;
  if (
    !Array.isArray(columns) ||
    columns.length === 0 ||
    !columns.every((column) => typeof column === "string" && column !== "") ||
    new Set(columns).size !== columns.length ||
    typeof line !== "number" ||
    !Number.isSafeInteger(line) ||
    line < 1 ||
    (newline !== "\n" && newline !== "\r\n")
  )
    throw new ConfigError("csvHeader", value, EXPECTED_HEADER);
  return { columns: [...(columns as string[])], line, newline };
}
