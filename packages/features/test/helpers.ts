import type {
  AggregatedLogWindow,
  EpochMillis,
  LogEntry,
  LogLevel,
  WindowSummary,
} from "@logfeat/schema";

/** 2025-02-07T10:15:00.000Z, the start of the default test window. */
export const WINDOW_START = Date.UTC(2025, 1, 7, 10, 15) as EpochMillis;
/** The fixed clock the tests pass as `now`. */
export const FIXED_NOW = Date.UTC(2025, 1, 7, 12, 0) as EpochMillis;
/** `FIXED_NOW` as ISO text. */
export const FIXED_NOW_ISO = "2025-02-07T12:00:00.000Z";

/** A 16-hex-digit stand-in for the normalizers' message hash (FNV-1a 64 of the text). */
export function hashOf(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of text) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, "0");
}

/** Fields a test may set on a log; everything else gets a sensible default. */
export interface LogFields {
  level?: LogLevel;
  message?: string;
  duration_ms?: number | null;
  error_code?: string | null;
  offset_ms?: number;
  service?: string;
  line?: number;
}

/** A LogEntry in the default window (`offset_ms` after WINDOW_START), message hash from the message. */
export function logEntry(fields: LogFields = {}): LogEntry {
  const message = fields.message ?? "request handled";
  return {
    timestamp: (WINDOW_START + (fields.offset_ms ?? 0)) as EpochMillis,
    level: fields.level ?? "INFO",
    service: fields.service ?? "api-server",
    message,
    duration_ms: fields.duration_ms ?? null,
    error_code: fields.error_code ?? null,
    request_id: null,
    source: "test.log",
    line: fields.line ?? 1,
    metadata: { message_hash: hashOf(message) },
  };
}

/**
 * The compact summary of some logs, as the aggregation stage keeps it with
 * `retainLogs: false` (built here so the tests do not depend on @logfeat/aggregation).
 */
export function summarize(logs: readonly LogEntry[]): WindowSummary {
  const level_counts = { DEBUG: 0, INFO: 0, WARNING: 0, ERROR: 0, CRITICAL: 0 };
  const durations: number[] = [];
  const message_hashes = new Set<string>();
  const error_codes = new Set<string>();
  for (const log of logs) {
    level_counts[log.level] += 1;
    if (log.duration_ms !== null) durations.push(log.duration_ms);
    message_hashes.add(log.metadata.message_hash);
    if (log.error_code !== null) error_codes.add(log.error_code);
  }
  return {
    total_events: logs.length,
    level_counts,
    durations_ms: Float64Array.from(durations),
    message_hashes,
    error_codes,
  };
}

/** How a test window stores its logs: retained, compact summary only, or both. */
export type Storage = "logs" | "summary" | "both";

/** A 300 s window of `api-server` at WINDOW_START holding `logs`, stored as `storage` says. */
export function windowOf(
  logs: LogEntry[],
  storage: Storage = "logs",
  overrides: Partial<AggregatedLogWindow> = {},
): AggregatedLogWindow {
  return {
    window_start: WINDOW_START,
    window_end: (WINDOW_START + 300_000) as EpochMillis,
    window_size_seconds: 300,
    service: "api-server",
    logs: storage === "summary" ? null : logs,
    summary: storage === "logs" ? null : summarize(logs),
    ...overrides,
  };
}

/** Logs with the given durations (null = no duration), all INFO with distinct messages. */
export function logsWithDurations(durations: readonly (number | null)[]): LogEntry[] {
  return durations.map((duration_ms, index) =>
    logEntry({ duration_ms, message: `call ${index}`, offset_ms: index }),
  );
}
