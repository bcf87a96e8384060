import type { LogEntry, WindowSummary } from "@logfeat/schema";
import { keptString } from "./kept-strings.js";

const INITIAL_DURATION_CAPACITY = 16;

/** Typed arrays an open window keeps its durations in, narrowest first. */
type DurationStore = Uint16Array | Uint32Array | Float64Array;

/**
 * The narrowest store that holds `duration` (ms) exactly: 0 a whole number
 * from 0 to 65,535 (Uint16Array), 1 up to 2^32 - 1, about 49.7 days
 * (Uint32Array), 2 anything else (Float64Array).
 */
function storeRank(duration: number): number {
  if (!Number.isInteger(duration) || duration < 0 || Object.is(duration, -0)) return 2;
  return duration <= 0xffff ? 0 : duration <= 0xffffffff ? 1 : 2;
}

function newStore(rank: number, capacity: number): DurationStore {
  return rank === 0
    ? new Uint16Array(capacity)
    : rank === 1
      ? new Uint32Array(capacity)
      : new Float64Array(capacity);
}

/**
 * Accumulates the summary of a window entry by entry: level counts, durations
 * in a growable typed array, distinct message hashes and error codes. The one
 * definition of what a WindowSummary counts. Durations are kept in the
 * narrowest typed array that holds every one exactly: a Uint16Array while
 * they are whole milliseconds up to 65,535 (the common case: 2 bytes each),
 * a Uint32Array up to 2^32 - 1, else a Float64Array; the finished summary
 * always holds them as an exact-length Float64Array. Distinct strings are
 * kept as one detached copy shared by all windows (`keptString`), so a
 * window held after its input chunk is gone does not keep that chunk alive.
 */
export class SummaryAccumulator {
  private debug = 0;
  private info = 0;
  private warning = 0;
  private error = 0;
  private critical = 0;
  private durations: DurationStore = new Uint16Array(INITIAL_DURATION_CAPACITY);
  private durationRank = 0;
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
    if (!this.messageHashes.has(hash)) this.messageHashes.add(keptString(hash));
    const errorCode = entry.error_code;
    if (errorCode !== null && !this.errorCodes.has(errorCode))
      this.errorCodes.add(keptString(errorCode));
  }

  /** Appends a duration (ms), growing the store by half when full and widening it when needed. */
  private addDuration(duration: number): void {
    let durations = this.durations;
    const full = this.durationCount === durations.length;
    const rank = this.durationRank === 2 ? 2 : Math.max(this.durationRank, storeRank(duration));
    if (full || rank !== this.durationRank) {
      const capacity = full ? durations.length + (durations.length >> 1) : durations.length;
      const grown = newStore(rank, capacity);
      grown.set(durations.subarray(0, this.durationCount));
      durations = grown;
      this.durations = grown;
      this.durationRank = rank;
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
