// Run by scripts/pack-and-install.mjs inside a fresh npm project that installed the packed tarball.
import assert from "node:assert/strict";
import {
  decodeFeatureVector,
  FEATURE_CSV_COLUMNS,
  LogEntrySchema,
  parseInstant,
} from "@logfeat/schema";

assert.equal(parseInstant("2025-02-07T10:15:30.123Z"), Date.UTC(2025, 1, 7, 10, 15, 30, 123));
assert.equal(FEATURE_CSV_COLUMNS.length, 13);
assert.equal(LogEntrySchema.safeParse({}).success, false);
const vector = decodeFeatureVector({
  window_start: "2025-02-07T10:15:00.000Z",
  service: "api",
  total_events: 1,
  error_count: 0,
  warning_count: 0,
  info_count: 1,
  error_rate: 0,
  warning_rate: 0,
  median_duration_ms: null,
  p95_duration_ms: null,
  max_duration_ms: null,
  unique_messages: 1,
  unique_error_codes: 0,
  metadata: {
    extraction_timestamp: "2025-02-07T10:20:00.000Z",
    window_log_count: 1,
    window_end: "2025-02-07T10:20:00.000Z",
    window_size_seconds: 300,
  },
});
assert.equal(vector.window_start, Date.UTC(2025, 1, 7, 10, 15));
