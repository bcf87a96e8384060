import { detachString, type LogEntry, type WindowSummary } from "@logfeat/schema";

const INITIAL_DURATION_CAPACITY = 16;
/** The largest duration (ms) the compact store holds: 2^32 - 1, about 49.7 days. */
const MAX_COMPACT_DURATION = 0xffffffff;

/**
 * Accumulates the summary of a window entry by entry: level counts, durations
 * in a growable typed array, distinct message hashes and error codes. The one
 * definition of what a WindowSummary counts. Durations are kept in a
 * Uint32Array (4 bytes each) while every one is a whole number of
 * milliseconds from 0 to 2^32 - 1, the common case, and move to a
 * Float64Array at the first that is not; the finished summary always holds
 * them as a Float64Array, so this only halves what open windows hold. Distinct
 * strings are detached (`detachString`) when first kept, so a window held
 * after its input chunk is gone does not keep that chunk alive.
 */
export class SummaryAccumulator {
  private debug = 0;
  private info = 0;
  private warning = 0;
  private error = 0;
  private critical = 0;
  private durations: Uint32Array | Float64Array = new Uint32Array(INITIAL_DURATION_CAPACITY);
  private durationCount = 0;
  private readonly messageHashes = new Set<string>();
  private readonly errorCodes = new Set<string>();

  /** Adds one entry. */
  add(entry: LogEntry): void {
    switch (entry.level) {
      case "DEBUG":
        this.debug += 1;
        break;
      case "INFO":
        this.info += 1;
        break;
      case "WARNING":
        this.warning += 1;
        break;
      case "ERROR":
        this.error += 1;
        break;
      case "CRITICAL":
        this.critical += 1;
        break;
    }
    const duration = entry.duration_ms;
    if (duration !== null) this.addDuration(duration);
    const hash = entry.metadata.message_hash;
    if (!this.messageHashes.has(hash)) this.messageHashes.add(detachString(hash));
    const errorCode = entry.error_code;
    if (errorCode !== null && !this.errorCodes.has(errorCode))
      this.errorCodes.add(detachString(errorCode));
  }

  /** Appends a duration (ms), growing the store by half when full and widening it when needed. */
  private addDuration(duration: number): void {
    let durations = this.durations;
    const full = this.durationCount === durations.length;
    const widen =
      durations instanceof Uint32Array &&
      !(Number.isInteger(duration) && duration >= 0 && duration <= MAX_COMPACT_DURATION);
    if (full || widen) {
      const capacity = full ? durations.length + (durations.length >> 1) : durations.length;
      const grown =
        widen || durations instanceof Float64Array
          ? new Float64Array(capacity)
          : new Uint32Array(capacity);
      grown.set(durations.subarray(0, this.durationCount));
      durations = grown;
      this.durations = grown;
    }
    durations[this.durationCount] = duration;
    this.durationCount += 1;
  }

  /**
   * The summary so far: durations trimmed to their count and sorted ascending.
   * The sets are handed over, so call this once, when the window is done.
   */
  finish(): WindowSummary {
    return {
      total_events: this.debug + this.info + this.warning + this.error + this.critical,
      level_counts: {
        DEBUG: this.debug,
        INFO: this.info,
        WARNING: this.warning,
        ERROR: this.error,
        CRITICAL: this.critical,
      },
      durations_ms: Float64Array.from(this.durations.subarray(0, this.durationCount).sort()),
      message_hashes: this.messageHashes,
      error_codes: this.errorCodes,
    };
  }
}

/** The summary of an empty window: zero counts, no durations, empty sets. */
export function emptySummary(): WindowSummary {
  return new SummaryAccumulator().finish();
}

/**
 * The WindowSummary of a list of entries (any order): level counts, durations
 * sorted ascending (milliseconds), distinct message hashes and error codes.
 */
export function summarizeLogs(logs: Iterable<LogEntry>): WindowSummary {
  const accumulator = new SummaryAccumulator();
  for (const entry of logs) accumulator.add(entry);
  return accumulator.finish();
}

/**
 * The summary of the union of two disjoint log sets: counts added, durations
 * concatenated and sorted ascending, sets united (a's values first). Pure:
 * neither input is changed.
 */
export function mergeSummaries(a: WindowSummary, b: WindowSummary): WindowSummary {
  const durations = new Float64Array(a.durations_ms.length + b.durations_ms.length);
  durations.set(a.durations_ms);
  durations.set(b.durations_ms, a.durations_ms.length);
  return {
    total_events: a.total_events + b.total_events,
    level_counts: {
      DEBUG: a.level_counts.DEBUG + b.level_counts.DEBUG,
      INFO: a.level_counts.INFO + b.level_counts.INFO,
      WARNING: a.level_counts.WARNING + b.level_counts.WARNING,
      ERROR: a.level_counts.ERROR + b.level_counts.ERROR,
      CRITICAL: a.level_counts.CRITICAL + b.level_counts.CRITICAL,
    },
    durations_ms: durations.sort(),
    message_hashes: new Set([...a.message_hashes, ...b.message_hashes]),
    error_codes: new Set([...a.error_codes, ...b.error_codes]),
  };
}
