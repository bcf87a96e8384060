/**
 * Every diagnostic code ingestion reports, with whether it skips a record
 * (`skip`, counted in `skipped`) or only notes something (`note`), and what
 * it means. The README's diagnostic table is this table.
 */
export const INGESTION_DIAGNOSTICS = {
  record_too_large: {
    kind: "skip",
    meaning: "a record (line with its continuation lines, JSON value, CSV row) over maxRecordBytes",
  },
  invalid_json: {
    kind: "skip",
    meaning: "a JSON Lines line or JSON array element that is not valid JSON",
  },
  not_an_object: {
    kind: "skip",
    meaning: "a JSON value that is valid but not an object (array, string, number, null...)",
  },
  wrong_field_count: {
    kind: "skip",
    meaning: "a CSV row whose number of fields differs from the header's",
  },
  trailing_content: {
    kind: "skip",
    meaning: "non-whitespace after the end of a top-level JSON array (skipped as one record)",
  },
  duplicate_header: {
    kind: "note",
    meaning: "a CSV header name that repeats (or is empty) was renamed",
  },
  decompression_failed: {
    kind: "note",
    meaning: "the gzip stream is corrupt or truncated; the records decoded before it are kept",
  },
} as const;

/** A diagnostic code reported by ingestion (`record_too_large`, `invalid_json`, ...). */
export type IngestionDiagnosticCode = keyof typeof INGESTION_DIAGNOSTICS;
