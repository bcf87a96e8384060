import type { LogEntry, WindowSummary } from "@logfeat/schema";
import type { DurationSlab } from "./duration-slab.js";
import { keptString } from "./kept-strings.js";
import { sortNarrowDurationsInto } from "./sort-narrow-durations.js";

const INITIAL_DURATION_CAPACITY = 16;

/** The largest duration (ms) the narrow store holds. */
const MAX_NARROW_DURATION = 0xffff;

/**
 * Accumulates the summary of a window entry by entry: level counts, durations
 * in a growable typed array, distinct message hashes and error codes. The one
 * definition of what a WindowSummary counts. Durations are kept in a
 * Uint16Array (2 bytes each) while every one is a whole number of
 * milliseconds from 0 to 65,535, the common case, and in a Float64Array from
 * the first that is not; the finished summary always holds them as an
 * exact-length Float64Array. Distinct strings are kept as one detached copy
 * shared by all windows (`keptString`), so a window held after its input
 * chunk is gone does not keep that chunk alive.
 */
export class SummaryAccumulator {
  private debug = 0;
  private info = 0;
  private warning = 0;
  private error = 0;
  private critical = 0;
  /** The durations while all fit in 16 bits, else null. */
  private narrow: Uint16Array | null = new Uint16Array(INITIAL_DURATION_CAPACITY);
  /** The durations once one did not fit in 16 bits, else null. */
  private wide: Float64Array | null = null;
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
    if (duration !== null) {
      const narrow = this.narrow;
      const count = this.durationCount;
      if (
        narrow !== null &&
        count < narrow.length &&
        duration >>> 0 === duration &&
        duration <= MAX_NARROW_DURATION
      ) {
        narrow[count] = duration;
        this.durationCount = count + 1;
      } else this.addDuration(duration);
    }
    const hash = entry.metadata.message_hash;
    if (!this.messageHashes.has(hash)) this.messageHashes.add(keptString(hash));
    const errorCode = entry.error_code;
    if (errorCode !== null && !this.errorCodes.has(errorCode))
      this.errorCodes.add(keptString(errorCode));
  }

  /** Appends a duration (ms) when the fast path of `add` cannot: grows the store by half when full, widens it when needed. */
  private addDuration(duration: number): void {
    const count = this.durationCount;
    const narrow = this.narrow;
    if (narrow !== null && duration >>> 0 === duration && duration <= MAX_NARROW_DURATION) {
      const grown = new Uint16Array(narrow.length + (narrow.length >> 1));
      grown.set(narrow);
      grown[count] = duration;
      this.narrow = grown;
    } else {
      let wide = this.wide ?? Float64Array.from(narrow ?? []);
      if (count === wide.length) {
        const grown = new Float64Array(wide.length + (wide.length >> 1) + 1);
        grown.set(wide);
        wide = grown;
      }
      wide[count] = duration;
      this.wide = wide;
      this.narrow = null;
    }
    this.durationCount = count + 1;
  }

  /**
   * The durations as an exact-length Float64Array, ascending (16-bit ones
   * radix-sorted straight into it: faster): a new array, or a view taken
   * from `slab`.
   */
  private sortedDurations(slab: DurationSlab | null): Float64Array<ArrayBuffer> {
    const count = this.durationCount;
    const sorted = slab === null ? new Float64Array(count) : slab.take(count);
    if (this.narrow !== null) sortNarrowDurationsInto(this.narrow, count, sorted);
    else {
      sorted.set((this.wide as Float64Array).subarray(0, count));
      sorted.sort();
    }
    return sorted;
  }

  /**
   * The summary so far: durations trimmed to their count and sorted ascending
   * (in a new Float64Array, or in a view taken from `slab`: see
   * DurationSlab). The sets are handed over, so call this once, when the
   * window is done.
   */
  finish(slab: DurationSlab | null = null): WindowSummary {
    return {
      total_events: this.debug + this.info + this.warning + this.error + this.critical,
      level_counts: {
        DEBUG: this.debug,
        INFO: this.info,
        WARNING: this.warning,
        ERROR: this.error,
        CRITICAL: this.critical,
      },
      durations_ms: this.sortedDurations(slab),
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
