/**
 * Codes of the diagnostics that skip a record (the record is not carried to
 * the output). Stable snake_case; the README lists what each one means.
 */
export const SKIP_CODES = {
  missingTimestamp: "missing_timestamp",
  invalidTimestamp: "invalid_timestamp",
  missingLevel: "missing_level",
  invalidLevel: "invalid_level",
  ambiguousNumericLevel: "ambiguous_numeric_level",
  missingService: "missing_service",
  invalidService: "invalid_service",
  missingMessage: "missing_message",
  invalidMessage: "invalid_message",
} as const;

/**
 * Codes of the diagnostics that keep the record: an optional field dropped, a
 * default applied, a message cut. Stable snake_case.
 */
export const NOTE_CODES = {
  invalidDuration: "invalid_duration",
  invalidErrorCode: "invalid_error_code",
  invalidRequestId: "invalid_request_id",
  levelDefaulted: "level_defaulted",
  serviceDefaulted: "service_defaulted",
  messageTruncated: "message_truncated",
} as const;

/** A code of a diagnostic that skips a record, e.g. `"invalid_timestamp"`. */
export type SkipCode = (typeof SKIP_CODES)[keyof typeof SKIP_CODES];
/** A code of a diagnostic that keeps the record, e.g. `"invalid_duration"`. */
export type NoteCode = (typeof NOTE_CODES)[keyof typeof NOTE_CODES];
