import type { AggregatedLogWindow, EpochMillis, LogEntry } from "@logfeat/schema";
import type { DurationSlab } from "./duration-slab.js";
import { emptySummary, SummaryAccumulator } from "./window-summary.js";

/** How far back (in logs) a late entry is inserted in place; beyond that the window is sorted at the end. */
const INSERTION_REACH = 64;

/** An open window being filled: its logs (when retained) and its summary so far. */
export class WindowBuilder {
  readonly start: number;
  readonly end: number;
  readonly service: string;
  private readonly logs: LogEntry[] | null;
  private readonly summary = new SummaryAccumulator();
  private latestTimestamp = Number.NEGATIVE_INFINITY;
  private inOrder = true;

  constructor(start: number, end: number, service: string, retainLogs: boolean) {
    this.start = start;
    this.end = end;
    this.service = service;
    this.logs = retainLogs ? [] : null;
  }

  /**
   * Adds an entry that belongs to this window. A late entry (earlier than
   * the latest so far) is inserted after the entries of its timestamp or
   * earlier when that place is among the last INSERTION_REACH logs (a log
   * shuffled a little); otherwise the logs are sorted once in `finish`.
   */
  add(entry: LogEntry): void {
    const logs = this.logs;
    if (logs !== null) {
      const timestamp = entry.timestamp;
      if (timestamp >= this.latestTimestamp) {
        this.latestTimestamp = timestamp;
        logs.push(entry);
      } else if (this.inOrder) this.insertLate(logs, entry, timestamp);
      else logs.push(entry);
    }
    this.summary.add(entry);
  }

  /** Inserts a late entry at its stable place, or gives up keeping order when it is far back. */
  private insertLate(logs: LogEntry[], entry: LogEntry, timestamp: number): void {
    const limit = Math.max(0, logs.length - INSERTION_REACH);
    let index = logs.length - 1;
    while (index >= limit && (logs[index] as LogEntry).timestamp > timestamp) index -= 1;
    if (index < limit && limit > 0) {
      this.inOrder = false;
      logs.push(entry);
    } else logs.splice(index + 1, 0, entry);
  }

  /**
   * The finished window: logs stably sorted by timestamp (ties keep arrival
   * order) and the summary (its durations in a view taken from `slab` when
   * given). Call once.
   */
  finish(windowSizeSeconds: number, slab: DurationSlab | null): AggregatedLogWindow {
    const logs = this.logs;
    if (logs !== null && !this.inOrder) logs.sort(byTimestamp);
    return {
      window_start: this.start as EpochMillis,
      window_end: this.end as EpochMillis,
      window_size_seconds: windowSizeSeconds,
      service: this.service,
      logs,
      summary: this.summary.finish(slab),
    };
  }
}

function byTimestamp(a: LogEntry, b: LogEntry): number {
  return a.timestamp - b.timestamp;
}

/** An empty window (gap filling): `logs: []` when logs are retained, else null; zero summary. */
export function emptyWindow(
  start: number,
  end: number,
  service: string,
  windowSizeSeconds: number,
  retainLogs: boolean,
): AggregatedLogWindow {
  return {
    window_start: start as EpochMillis,
    window_end: end as EpochMillis,
    window_size_seconds: windowSizeSeconds,
    service,
    logs: retainLogs ? [] : null,
    summary: emptySummary(),
  };
}
