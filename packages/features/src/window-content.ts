import {
  type AggregatedLogWindow,
  type Diagnostic,
  diagnosticValue,
  MAX_WINDOW_SIZE_SECONDS,
  ServiceNameSchema,
  toEpochMillis,
} from "@logfeat/schema";
import { sortedMedian, sortedP95 } from "./sorted-quantiles.js";

/**
 * What the 11 features are computed from, whichever way the window was stored:
 * the level counts, the duration statistics and the number of distinct
 * message hashes and error codes.
 */
export interface WindowContent {
  total: number;
  debug: number;
  info: number;
  warning: number;
  error: number;
  critical: number;
  /** Number of present durations. */
  durationCount: number;
  /** Median of the present durations (ms), null when there are none. */
  medianDuration: number | null;
  /** Type-7 95th percentile of the present durations (ms), null when there are none. */
  p95Duration: number | null;
  /** Largest present duration (ms), null when there are none. */
  maxDuration: number | null;
  uniqueMessages: number;
  uniqueErrorCodes: number;
}

type Logs = NonNullable<AggregatedLogWindow["logs"]>;
type Summary = NonNullable<AggregatedLogWindow["summary"]>;

/**
 * Reused buffer the durations of one window are copied into and sorted in
 * (readWindow is synchronous, so one buffer serves every call).
 */
let scratch = new Float64Array(1024);

function scratchFor(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, scratch.length * 2));
  return scratch;
}

/** Service names already checked against ServiceNameSchema (bounded). */
const canonicalServices = new Set<string>();
const CANONICAL_SERVICES_LIMIT = 10_000;

function isCanonicalService(service: unknown): boolean {
  if (typeof service !== "string") return false;
  if (canonicalServices.has(service)) return true;
  if (!ServiceNameSchema.safeParse(service).success) return false;
  if (canonicalServices.size >= CANONICAL_SERVICES_LIMIT) canonicalServices.clear();
  canonicalServices.add(service);
  return true;
}

/** True when `readWindow` returned a diagnostic rather than the window's content. */
export function isDiagnostic(reading: WindowContent | Diagnostic): reading is Diagnostic {
  return "stage" in reading;
}

/**
 * Checks a window against the contract and reads what the features need,
 * or returns the Diagnostic that says how it breaks the contract. Never throws.
 * From `summary` when present (fast path), else from `logs`. When both are
 * present the logs are still walked once for the contract checks (service,
 * bounds, field types) and their level counts and number of durations must
 * agree with the summary (`summary_mismatch`); the distinct hash and code sets
 * are taken from the summary without being rebuilt.
 */
export function readWindow(window: AggregatedLogWindow): WindowContent | Diagnostic {
  const shapeProblem = checkWindowShape(window);
  if (shapeProblem !== null) return shapeProblem;
  const logs = window.logs ?? null;
  const summary = window.summary ?? null;
  const content: WindowContent = {
    total: 0,
    debug: 0,
    info: 0,
    warning: 0,
    error: 0,
    critical: 0,
    durationCount: 0,
    medianDuration: null,
    p95Duration: null,
    maxDuration: null,
    uniqueMessages: 0,
    uniqueErrorCodes: 0,
  };
  if (summary === null) {
    const presentLogs = logs as Logs;
    const durations = scratchFor(presentLogs.length);
    const hashes = new Set<string>();
    const codes = new Set<string>();
    const logProblem = scanLogs(window, presentLogs, content, durations, hashes, codes);
    if (logProblem !== null) return logProblem;
    content.total = presentLogs.length;
    content.uniqueMessages = hashes.size;
    content.uniqueErrorCodes = codes.size;
    setDurationStatistics(content, durations);
    return content;
  }
  const summaryProblem = checkSummary(window, summary);
  if (summaryProblem !== null) return summaryProblem;
  if (logs !== null) {
    const logProblem = scanLogs(window, logs, content, null, null, null);
    if (logProblem !== null) return logProblem;
    const mismatch = compareSummaryWithLogs(window, summary, logs.length, content);
    if (mismatch !== null) return mismatch;
  }
  const counts = summary.level_counts;
  content.total = summary.total_events;
  content.debug = counts.DEBUG;
  content.info = counts.INFO;
  content.warning = counts.WARNING;
  content.error = counts.ERROR;
  content.critical = counts.CRITICAL;
  content.uniqueMessages = summary.message_hashes.size;
  content.uniqueErrorCodes = summary.error_codes.size;
  const source = summary.durations_ms;
  const durations = scratchFor(source.length);
  let ascending = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < source.length; index += 1) {
    const value = (source[index] as number) + 0;
    durations[index] = value;
    if (!(value >= previous)) ascending = false;
    previous = value;
  }
  content.durationCount = source.length;
  setDurationStatistics(content, durations, ascending);
  return content;
}

/**
 * Sorts the first `content.durationCount` values of `durations` in place
 * (unless `ascending` says they already are: a summary's durations are
 * sorted by contract, and checked while copied) and sets median, p95 and max
 * (SPEC section 6); leaves them null when there are none.
 */
function setDurationStatistics(
  content: WindowContent,
  durations: Float64Array,
  ascending = false,
): void {
  const count = content.durationCount;
  if (count === 0) return;
  if (count > 1 && !ascending) durations.subarray(0, count).sort();
  content.medianDuration = sortedMedian(durations, count);
  content.p95Duration = sortedP95(durations, count);
  content.maxDuration = durations[count - 1] as number;
}

/** A short name of a window for diagnostics: `window api-server@2025-02-07T10:15:00.000Z`. */
function windowLabel(window: AggregatedLogWindow): string {
  const start = toEpochMillis(window.window_start);
  const when =
    start === null ? diagnosticValue(window.window_start) : new Date(start).toISOString();
  return `window ${diagnosticValue(window.service)}@${when}`;
}

function windowDiagnostic(
  window: AggregatedLogWindow,
  code: string,
  message: string,
  field: string,
  value: unknown,
): Diagnostic {
  return {
    stage: "features",
    code,
    message: `${windowLabel(window)}: ${message}`,
    source: windowLabel(window),
    line: null,
    field,
    value: diagnosticValue(value),
  };
}

function checkWindowShape(window: AggregatedLogWindow): Diagnostic | null {
  if (typeof window !== "object" || window === null) {
    return {
      stage: "features",
      code: "invalid_window",
      message: "expected a window object",
      source: "window",
      line: null,
      value: diagnosticValue(window),
    };
  }
  const invalid = (field: string, value: unknown, expected: string): Diagnostic =>
    windowDiagnostic(window, "invalid_window", `${field}: expected ${expected}`, field, value);
  if (!isCanonicalService(window.service))
    return invalid("service", window.service, "a canonical service name");
  if (toEpochMillis(window.window_start) === null)
    return invalid("window_start", window.window_start, "epoch milliseconds within 1970..2100");
  if (toEpochMillis(window.window_end) === null || !(window.window_end > window.window_start))
    return invalid("window_end", window.window_end, "epoch milliseconds after window_start");
  const size = window.window_size_seconds;
  if (!Number.isInteger(size) || size < 1 || size > MAX_WINDOW_SIZE_SECONDS)
    return invalid("window_size_seconds", size, "a positive integer number of seconds");
  const logs = window.logs ?? null;
  const summary = window.summary ?? null;
  if (logs !== null && !Array.isArray(logs))
    return invalid("logs", logs, "an array of LogEntry or null");
  if (summary !== null && typeof summary !== "object")
    return invalid("summary", summary, "a WindowSummary or null");
  if (summary === null && logs === null)
    return invalid("summary", null, "the window's logs or its summary (both are null)");
  return null;
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function checkSummary(window: AggregatedLogWindow, summary: Summary): Diagnostic | null {
  const invalid = (field: string, value: unknown, expected: string): Diagnostic =>
    windowDiagnostic(window, "invalid_summary", `${field}: expected ${expected}`, field, value);
  const total = summary.total_events;
  if (!isCount(total)) return invalid("summary.total_events", total, "a count");
  const counts = summary.level_counts;
  if (typeof counts !== "object" || counts === null)
    return invalid("summary.level_counts", counts, "a count per level");
  for (const level of ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] as const) {
    if (!isCount(counts[level]))
      return invalid(`summary.level_counts.${level}`, counts[level], "a count");
  }
  const levelSum = counts.DEBUG + counts.INFO + counts.WARNING + counts.ERROR + counts.CRITICAL;
  if (levelSum !== total)
    return invalid("summary.total_events", total, `the sum of level_counts (${levelSum})`);
  const durations = summary.durations_ms;
  if (!(durations instanceof Float64Array))
    return invalid("summary.durations_ms", durations, "a Float64Array");
  if (durations.length > total)
    return invalid(
      "summary.durations_ms",
      durations.length,
      `at most total_events (${total}) durations`,
    );
  for (let index = 0; index < durations.length; index += 1) {
    const duration = durations[index] as number;
    if (!(duration >= 0 && duration < Number.POSITIVE_INFINITY))
      return invalid(`summary.durations_ms.${index}`, duration, "a finite duration >= 0 ms");
  }
  const hashes = summary.message_hashes;
  if (!(hashes instanceof Set)) return invalid("summary.message_hashes", hashes, "a Set");
  if (hashes.size > total || (total > 0 && hashes.size === 0))
    return invalid(
      "summary.message_hashes",
      hashes.size,
      `between ${Math.min(1, total)} and total_events (${total}) distinct hashes`,
    );
  const codes = summary.error_codes;
  if (!(codes instanceof Set)) return invalid("summary.error_codes", codes, "a Set");
  if (codes.size > total)
    return invalid("summary.error_codes", codes.size, `at most total_events (${total}) codes`);
  return null;
}

function compareSummaryWithLogs(
  window: AggregatedLogWindow,
  summary: Summary,
  logCount: number,
  tally: WindowContent,
): Diagnostic | null {
  const counts = summary.level_counts;
  const mismatch = (field: string, summaryValue: number, logsValue: number): Diagnostic =>
    windowDiagnostic(
      window,
      "summary_mismatch",
      `${field} is ${summaryValue} in the summary but ${logsValue} in the logs`,
      field,
      summaryValue,
    );
  if (summary.total_events !== logCount)
    return mismatch("summary.total_events", summary.total_events, logCount);
  if (counts.DEBUG !== tally.debug)
    return mismatch("summary.level_counts.DEBUG", counts.DEBUG, tally.debug);
  if (counts.INFO !== tally.info)
    return mismatch("summary.level_counts.INFO", counts.INFO, tally.info);
  if (counts.WARNING !== tally.warning)
    return mismatch("summary.level_counts.WARNING", counts.WARNING, tally.warning);
  if (counts.ERROR !== tally.error)
    return mismatch("summary.level_counts.ERROR", counts.ERROR, tally.error);
  if (counts.CRITICAL !== tally.critical)
    return mismatch("summary.level_counts.CRITICAL", counts.CRITICAL, tally.critical);
  if (summary.durations_ms.length !== tally.durationCount)
    return mismatch("summary.durations_ms", summary.durations_ms.length, tally.durationCount);
  return null;
}

/** A diagnostic about `logs[index]`, located at the log's own source and line when it has them. */
function logDiagnostic(
  window: AggregatedLogWindow,
  index: number,
  code: string,
  field: string,
  value: unknown,
  expected: string,
): Diagnostic {
  const log = window.logs?.[index];
  return {
    stage: "features",
    code,
    message: `${windowLabel(window)}: logs[${index}].${field}: expected ${expected}`,
    source: typeof log?.source === "string" ? log.source : windowLabel(window),
    line: Number.isInteger(log?.line) && (log?.line ?? 0) >= 1 ? (log?.line ?? null) : null,
    field,
    value: diagnosticValue(value),
  };
}

/**
 * One pass over the logs: checks each log against the window (service, bounds,
 * field types) and tallies levels; when `durations`/`hashes`/`codes` are given
 * it also collects the durations, message hashes and error codes.
 * A missing (`undefined`) duration_ms or error_code counts as null.
 */
function scanLogs(
  window: AggregatedLogWindow,
  logs: Logs,
  tally: WindowContent,
  durations: Float64Array | null,
  hashes: Set<string> | null,
  codes: Set<string> | null,
): Diagnostic | null {
  const service = window.service;
  const start = window.window_start;
  const end = window.window_end;
  for (let index = 0; index < logs.length; index += 1) {
    const log = logs[index];
    if (typeof log !== "object" || log === null)
      return windowDiagnostic(
        window,
        "invalid_log",
        `logs[${index}]: expected a LogEntry`,
        `logs.${index}`,
        log,
      );
    if (log.service !== service)
      return logDiagnostic(
        window,
        index,
        "mixed_services",
        "service",
        log.service,
        `the window's service "${service}"`,
      );
    const timestamp = log.timestamp;
    if (typeof timestamp !== "number" || !(timestamp >= start && timestamp < end))
      return logDiagnostic(
        window,
        index,
        "log_outside_window",
        "timestamp",
        timestamp,
        `an instant in [${new Date(start).toISOString()}, ${new Date(end).toISOString()})`,
      );
    switch (log.level) {
      case "INFO":
        tally.info += 1;
        break;
      case "ERROR":
        tally.error += 1;
        break;
      case "WARNING":
        tally.warning += 1;
        break;
      case "DEBUG":
        tally.debug += 1;
        break;
      case "CRITICAL":
        tally.critical += 1;
        break;
      default:
        return logDiagnostic(
          window,
          index,
          "invalid_log",
          "level",
          log.level,
          "DEBUG, INFO, WARNING, ERROR or CRITICAL",
        );
    }
    const duration = log.duration_ms;
    if (duration !== null && duration !== undefined) {
      if (typeof duration !== "number" || !(duration >= 0 && duration < Number.POSITIVE_INFINITY))
        return logDiagnostic(
          window,
          index,
          "invalid_log",
          "duration_ms",
          duration,
          "a finite duration >= 0 ms or null",
        );
      if (durations !== null) durations[tally.durationCount] = duration + 0;
      tally.durationCount += 1;
    }
    const code = log.error_code;
    if (code !== null && code !== undefined) {
      if (typeof code !== "string" || code.length === 0)
        return logDiagnostic(
          window,
          index,
          "invalid_log",
          "error_code",
          code,
          "a non-empty string or null",
        );
      codes?.add(code);
    }
    const hash = log.metadata?.message_hash;
    if (typeof hash !== "string")
      return logDiagnostic(
        window,
        index,
        "invalid_log",
        "metadata.message_hash",
        hash,
        "a message hash string",
      );
    hashes?.add(hash);
  }
  return null;
}
