import type { AggregatedLogWindow, EpochMillis, LogEntry } from "@logfeat/schema";
import { emptySummary, SummaryAccumulator } from "./window-summary.js";

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

  /** Adds an entry that belongs to this window. */
  add(entry: LogEntry): void {
    if (this.logs !== null) {
      const timestamp = entry.timestamp;
      if (timestamp < this.latestTimestamp) this.inOrder = false;
      else this.latestTimestamp = timestamp;
      this.logs.push(entry);
    }
    this.summary.add(entry);
  }

  /**
   * The finished window: logs stably sorted by timestamp (ties keep arrival
   * order) and the summary. Call once.
   */
  finish(windowSizeSeconds: number): AggregatedLogWindow {
    const logs = this.logs;
    if (logs !== null && !this.inOrder) logs.sort(byTimestamp);
    return {
      window_start: this.start as EpochMillis,
      window_end: this.end as EpochMillis,
      window_size_seconds: windowSizeSeconds,
      service: this.service,
      logs,
      summary: this.summary.finish(),
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
