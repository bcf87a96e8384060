import type { EpochMillis, FeatureVector, LogEntry, WindowSummary } from "../src/index.js";

/** A valid LogEntry for tests. */
export function validLogEntry(overrides: Partial<LogEntry> = {}): LogEntry {
  return {
    timestamp: Date.UTC(2025, 1, 7, 10, 15, 30, 123) as EpochMillis,
    level: "ERROR",
    service: "api-server",
    message: "DB timeout",
    duration_ms: 523,
    error_code: "DB_TIMEOUT",
    request_id: "req-42",
    source: "app.log",
    line: 1,
    metadata: { message_hash: "0123456789abcdef", message_template: "DB timeout" },
    ...overrides,
  };
}

/** A valid WindowSummary for tests: one ERROR log with a 523 ms duration. */
export function validSummary(): WindowSummary {
  return {
    total_events: 1,
    level_counts: { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 1, CRITICAL: 0 },
    durations_ms: Float64Array.of(523),
    message_hashes: new Set(["0123456789abcdef"]),
    error_codes: new Set(["DB_TIMEOUT"]),
  };
}

/** A valid FeatureVector for tests. */
export function validFeatureVector(overrides: Partial<FeatureVector> = {}): FeatureVector {
  return {
    window_start: Date.UTC(2025, 1, 7, 10, 15) as EpochMillis,
    service: "api-server",
    total_events: 4,
    error_count: 1,
    warning_count: 1,
    info_count: 2,
    error_rate: 0.25,
    warning_rate: 0.25,
    median_duration_ms: 12.5,
    p95_duration_ms: 480.25,
    max_duration_ms: 523,
    unique_messages: 3,
    unique_error_codes: 1,
    metadata: {
      extraction_timestamp: "2025-02-07T10:21:00.000Z",
      window_log_count: 4,
      window_end: "2025-02-07T10:20:00.000Z",
      window_size_seconds: 300,
    },
    ...overrides,
  };
}
