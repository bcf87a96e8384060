import type { ChunkPartial } from "@logfeat/pipeline";
import {
  type AggregatedLogWindow,
  type BatchAccounting,
  BatchAccountingSchema,
  type EpochMillis,
  type WindowSummary,
} from "@logfeat/schema";

/**
 * One window of a partial as JSON: `[window_start, window_end,
 * window_size_seconds, service, [DEBUG, INFO, WARNING, ERROR, CRITICAL],
 * durations_ms (ascending), message_hashes, error_codes]`.
 */
type EncodedWindow = [
  number,
  number,
  number,
  string,
  [number, number, number, number, number],
  number[],
  string[],
  string[],
];

/** The JSON of a batch's partial, as workers store it (without its position). */
interface EncodedPartial {
  records: number;
  parsed: number;
  parse: BatchAccounting;
  normalize: BatchAccounting;
  windows: EncodedWindow[];
}

/**
 * The JSON of a partial: counts, the parse and normalize accounting, and each
 * window's summary (level counts, durations, distinct hashes and codes).
 * Logs are never stored; numbers round-trip exactly through JSON.
 */
export function encodePartial(partial: ChunkPartial): string {
  const windows: EncodedWindow[] = [];
  for (const window of partial.windows) {
    const summary = window.summary as WindowSummary;
    const counts = summary.level_counts;
    windows.push([
      window.window_start,
      window.window_end,
      window.window_size_seconds,
      window.service,
      [counts.DEBUG, counts.INFO, counts.WARNING, counts.ERROR, counts.CRITICAL],
      Array.from(summary.durations_ms),
      [...summary.message_hashes],
      [...summary.error_codes],
    ]);
  }
  const encoded: EncodedPartial = {
    records: partial.records,
    parsed: partial.parsed,
    parse: partial.parseAccounting,
    normalize: partial.normalizeAccounting,
    windows,
  };
  return JSON.stringify(encoded);
}

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function decodeWindow(value: unknown): AggregatedLogWindow | null {
  if (!Array.isArray(value) || value.length !== 8) return null;
  const [start, end, size, service, counts, durations, hashes, codes] = value as unknown[];
  if (!Number.isInteger(start) || !Number.isInteger(end) || !isCount(size) || size === 0)
    return null;
  if (typeof service !== "string" || service === "") return null;
  if (!Array.isArray(counts) || counts.length !== 5 || !counts.every(isCount)) return null;
  if (!Array.isArray(durations) || !durations.every((item) => Number.isFinite(item))) return null;
  if (!isStringList(hashes) || !isStringList(codes)) return null;
  const [debug, info, warning, error, critical] = counts as number[];
  const durationsMs = Float64Array.from(durations as number[]).sort();
  const summary: WindowSummary = {
    total_events:
      (debug as number) +
      (info as number) +
      (warning as number) +
      (error as number) +
      (critical as number),
    level_counts: {
      DEBUG: debug as number,
      INFO: info as number,
      WARNING: warning as number,
      ERROR: error as number,
      CRITICAL: critical as number,
    },
    durations_ms: durationsMs,
    message_hashes: new Set(hashes),
    error_codes: new Set(codes),
  };
  return {
    window_start: start as EpochMillis,
    window_end: end as EpochMillis,
    window_size_seconds: size,
    service,
    logs: null,
    summary,
  };
}

/**
 * The partial of a stored JSON text, placed at `index`, or the reason it is
 * not one (not JSON, a count or accounting missing, a window out of shape).
 */
export function decodePartial(text: string, index: number): ChunkPartial | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "the partial is not JSON";
  }
  if (typeof value !== "object" || value === null) return "the partial is not a JSON object";
  const { records, parsed, parse, normalize, windows } = value as Record<string, unknown>;
  if (!isCount(records) || !isCount(parsed) || parsed > records)
    return "the partial's record counts are missing or inconsistent";
  const parseAccounting = BatchAccountingSchema.safeParse(parse);
  const normalizeAccounting = BatchAccountingSchema.safeParse(normalize);
  if (!parseAccounting.success || !normalizeAccounting.success)
    return "the partial's accounting is out of shape";
  if (!Array.isArray(windows)) return "the partial has no list of windows";
  const decoded: AggregatedLogWindow[] = [];
  for (const item of windows) {
    const window = decodeWindow(item);
    if (window === null) return `window ${decoded.length} of the partial is out of shape`;
    decoded.push(window);
  }
  return {
    index,
    records,
    parsed,
    parseAccounting: parseAccounting.data,
    normalizeAccounting: normalizeAccounting.data,
    windows: decoded,
  };
}
