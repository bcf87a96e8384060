import type { EpochMillis, LogEntry, LogLevel } from "@logfeat/schema";
import fc from "fast-check";

/** Builds a LogEntry for tests; only the timestamp is required. */
export function makeEntry(
  fields: Partial<Omit<LogEntry, "timestamp">> & { timestamp: number | string },
): LogEntry {
  const { timestamp, ...rest } = fields;
  return {
    level: "INFO",
    service: "api",
    message: "hello",
    duration_ms: null,
    error_code: null,
    request_id: null,
    source: "test.log",
    line: 1,
    metadata: { message_hash: "0000000000000001" },
    ...rest,
    timestamp: (typeof timestamp === "string" ? Date.parse(timestamp) : timestamp) as EpochMillis,
  };
}

/** Epoch ms of an ISO instant. */
export function at(iso: string): EpochMillis {
  return Date.parse(iso) as EpochMillis;
}

const LEVELS: LogLevel[] = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];
const BASE = Date.UTC(2025, 1, 7, 10, 0, 0);

/**
 * Arbitrary LogEntry lists over 3 services and about an hour, with many equal
 * timestamps; `line` is the index in the list (1-based), so the original order
 * can be recovered.
 */
export function entryLists(options: { maxLength?: number; spanMs?: number } = {}) {
  const spanMs = options.spanMs ?? 3_600_000;
  const entry = fc.record({
    offset: fc.oneof(fc.integer({ min: 0, max: spanMs }), fc.constantFrom(0, 299_999, 300_000)),
    service: fc.constantFrom("api", "db", "auth"),
    level: fc.constantFrom(...LEVELS),
    duration: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    errorCode: fc.option(fc.constantFrom("E1", "E2", "DB_TIMEOUT"), { nil: null }),
    hash: fc.constantFrom("00000000000000aa", "00000000000000bb", "00000000000000cc"),
  });
  return fc.array(entry, { maxLength: options.maxLength ?? 200 }).map((records) =>
    records.map((record, index) =>
      makeEntry({
        timestamp: BASE + record.offset,
        service: record.service,
        level: record.level,
        duration_ms: record.duration,
        error_code: record.errorCode,
        line: index + 1,
        message: `message ${index + 1}`,
        metadata: { message_hash: record.hash },
      }),
    ),
  );
}
