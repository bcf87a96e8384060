import {
  type AggregatedLogWindow,
  type BatchAccounting,
  DiagnosticCollector,
  detachString,
  formatInstant,
  type LogEntry,
} from "@logfeat/schema";
import { DurationSlab } from "./duration-slab.js";
import { appendGapWindows } from "./gap-windows.js";
import {
  type AggregatorOptions,
  type ResolvedOptions,
  resolveAggregatorOptions,
} from "./options.js";
import { WindowAligner } from "./window-alignment.js";
import { WindowBuilder } from "./window-builder.js";
import { compareServices, compareWindows } from "./window-key.js";

/** Counters of a streaming aggregator. */
export interface AggregatorStats {
  /** Entries passed to `add`/`addBatch`, late ones included. */
  entriesSeen: number;
  /** Entries counted as late (`late_entry`) and not aggregated. */
  lateEntries: number;
  /** Windows returned so far by `add`, `addBatch` and `flush` (gap windows included). */
  windowsEmitted: number;
  /** Windows currently open (holding entries, not yet emitted). */
  openWindows: number;
  /** Current watermark (epoch ms): latest timestamp minus the lateness; -Infinity at first. */
  watermark: number;
}

/** A streaming aggregator; see `createAggregator`. */
export interface Aggregator {
  /** Adds one entry; returns the windows the advancing watermark closed (often none). */
  add(entry: LogEntry): readonly AggregatedLogWindow[];
  /** Adds entries in order; returns every window they closed, ordered. */
  addBatch(entries: Iterable<LogEntry>): AggregatedLogWindow[];
  /** Emits every open window (end of input) and moves the watermark to the last window end. */
  flush(): AggregatedLogWindow[];
  /**
   * Emits every open window like `flush`, but lazily, one window end at a
   * time (the earliest first): a caller that turns each batch into features
   * and drops it never holds all finished summaries at once. Each batch is
   * ordered by window_start, then service; the batches follow each other in
   * time (with `fillGaps`, gap windows come with the next window of their
   * service). The watermark moves to the end of each batch as it is emitted.
   */
  drain(): IterableIterator<AggregatedLogWindow[]>;
  /** Late entries so far (`skipped`, `skippedByCode.late_entry`) and their diagnostics. */
  accounting(): BatchAccounting;
  /** Counters; a fresh object on every read. */
  readonly stats: AggregatorStats;
}

interface ServiceState {
  /** The service name, detached from the input chunk it was cut from. */
  readonly service: string;
  readonly windows: Map<number, WindowBuilder>;
  current: WindowBuilder | null;
  lastEmittedEnd: number | null;
}

const NOTHING: readonly AggregatedLogWindow[] = Object.freeze([]);

/** Inserts `value` into an ascending array of distinct numbers (usually at the end). */
function insertSorted(values: number[], value: number): void {
  let index = values.length;
  while (index > 0 && (values[index - 1] as number) > value) index -= 1;
  values.splice(index, 0, value);
}

function compareBuilders(a: WindowBuilder, b: WindowBuilder): number {
  return a.start - b.start || compareServices(a.service, b.service);
}

class StreamingAggregator implements Aggregator {
  private readonly options: ResolvedOptions;
  private readonly aligner: WindowAligner;
  private readonly latenessMs: number;
  private readonly collector: DiagnosticCollector;
  private readonly services = new Map<string, ServiceState>();
  /** Distinct ends of the open windows, ascending. */
  private readonly openEnds: number[] = [];
  /** Open windows by their end. */
  private readonly openByEnd = new Map<number, WindowBuilder[]>();
  private watermark = Number.NEGATIVE_INFINITY;
  private earliestOpenEnd = Number.POSITIVE_INFINITY;
  private entriesSeen = 0;
  private lateEntries = 0;
  private windowsEmitted = 0;
  private openWindows = 0;
  /** With `reuseDurationBuffers`: the memory every call's windows share for their durations. */
  private readonly durationSlab: DurationSlab | null;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.durationSlab = options.reuseDurationBuffers ? new DurationSlab() : null;
    this.aligner = new WindowAligner(options.windowSizeSeconds, options.timeZone);
    this.latenessMs = options.allowedLatenessSeconds * 1000;
    this.collector = new DiagnosticCollector({
      ...(options.maxDiagnostics === undefined ? {} : { maxDiagnostics: options.maxDiagnostics }),
      ...(options.onDiagnostic === undefined ? {} : { onDiagnostic: options.onDiagnostic }),
    });
  }

  add(entry: LogEntry): readonly AggregatedLogWindow[] {
    this.durationSlab?.reset();
    this.place(entry);
    return this.earliestOpenEnd <= this.watermark ? this.close(this.watermark) : NOTHING;
  }

  addBatch(entries: Iterable<LogEntry>): AggregatedLogWindow[] {
    this.durationSlab?.reset();
    let closed: AggregatedLogWindow[] | null = null;
    for (const entry of entries) {
      this.place(entry);
      if (this.earliestOpenEnd <= this.watermark) {
        const windows = this.close(this.watermark);
        closed = closed === null ? windows : closed.concat(windows);
      }
    }
    return closed === null ? [] : closed.sort(compareWindows);
  }

  flush(): AggregatedLogWindow[] {
    this.durationSlab?.reset();
    const windows = this.close(Number.POSITIVE_INFINITY);
    this.advanceWatermarkPast(windows);
    return windows;
  }

  *drain(): IterableIterator<AggregatedLogWindow[]> {
    while (this.openEnds.length > 0) {
      this.durationSlab?.reset();
      const windows = this.close(this.openEnds[0] as number);
      this.advanceWatermarkPast(windows);
      yield windows;
    }
  }

  accounting(): BatchAccounting {
    return this.collector.toAccounting();
  }

  get stats(): AggregatorStats {
    return {
      entriesSeen: this.entriesSeen,
      lateEntries: this.lateEntries,
      windowsEmitted: this.windowsEmitted,
      openWindows: this.openWindows,
      watermark: this.watermark,
    };
  }

  /** Moves the watermark to the latest end of `windows` (just emitted at the end of input). */
  private advanceWatermarkPast(windows: readonly AggregatedLogWindow[]): void {
    for (const window of windows)
      if (window.window_end > this.watermark) this.watermark = window.window_end;
  }

  /** Puts an entry in its open window (or counts it late) and advances the watermark. */
  private place(entry: LogEntry): void {
    this.entriesSeen += 1;
    const timestamp = entry.timestamp;
    let state = this.services.get(entry.service);
    if (state === undefined) {
      const service = detachString(entry.service);
      state = { service, windows: new Map(), current: null, lastEmittedEnd: null };
      this.services.set(service, state);
    }
    let builder = state.current;
    if (builder === null || timestamp < builder.start || timestamp >= builder.end) {
      const start = this.aligner.align(timestamp);
      const end = this.aligner.end;
      if (end <= this.watermark) {
        this.countLate(entry, start);
        return;
      }
      builder = state.windows.get(start) ?? this.open(state, start, end, state.service);
      state.current = builder;
    }
    builder.add(entry);
    const watermark = timestamp - this.latenessMs;
    if (watermark > this.watermark) this.watermark = watermark;
  }

  private open(state: ServiceState, start: number, end: number, service: string): WindowBuilder {
    const builder = new WindowBuilder(start, end, service, this.options.retainLogs);
    state.windows.set(start, builder);
    this.openWindows += 1;
    const sameEnd = this.openByEnd.get(end);
    if (sameEnd !== undefined) sameEnd.push(builder);
    else {
      this.openByEnd.set(end, [builder]);
      insertSorted(this.openEnds, end);
      if (end < this.earliestOpenEnd) this.earliestOpenEnd = end;
    }
    return builder;
  }

  private countLate(entry: LogEntry, windowStart: number): void {
    this.lateEntries += 1;
    const instant = formatInstant(entry.timestamp);
    this.collector.skip({
      stage: "aggregation",
      code: "late_entry",
      message: `late entry at ${instant} for the window starting ${formatInstant(windowStart as never)} of service "${entry.service}": the watermark had passed its end (${formatInstant(this.watermark as never)}, allowedLatenessSeconds ${this.options.allowedLatenessSeconds})`,
      source: entry.source,
      line: entry.line,
      field: "timestamp",
      value: instant,
    });
  }

  /** Emits the open windows ending at or before `limit`, ordered, with their gap windows. */
  private close(limit: number): AggregatedLogWindow[] {
    let count = 0;
    while (count < this.openEnds.length && (this.openEnds[count] as number) <= limit) count += 1;
    const closing: WindowBuilder[] = [];
    for (const end of this.openEnds.splice(0, count)) {
      for (const builder of this.openByEnd.get(end) as WindowBuilder[]) closing.push(builder);
      this.openByEnd.delete(end);
    }
    this.earliestOpenEnd = this.openEnds[0] ?? Number.POSITIVE_INFINITY;
    closing.sort(compareBuilders);
    // Reset by the public call: one call may close windows several times (addBatch).
    const slab = this.durationSlab;
    const { fillGaps, retainLogs, windowSizeSeconds } = this.options;
    const windows: AggregatedLogWindow[] = [];
    for (const builder of closing) {
      const state = this.services.get(builder.service) as ServiceState;
      state.windows.delete(builder.start);
      if (state.current === builder) state.current = null;
      if (fillGaps && state.lastEmittedEnd !== null)
        appendGapWindows(
          windows,
          builder.service,
          state.lastEmittedEnd,
          builder.start,
          this.aligner,
          retainLogs,
        );
      state.lastEmittedEnd = builder.end;
      windows.push(builder.finish(windowSizeSeconds, slab));
    }
    this.openWindows -= closing.length;
    this.windowsEmitted += windows.length;
    return fillGaps ? windows.sort(compareWindows) : windows;
  }
}

/**
 * A streaming aggregator for unbounded input. Entries go in with `add` /
 * `addBatch` (any order); the watermark is the latest timestamp seen minus
 * `allowedLatenessSeconds` (default 60 s; `Infinity` emits only at `flush`),
 * and a window is emitted, once, as soon as the watermark reaches its end.
 * An entry whose window has already closed (window end <= watermark) is late:
 * it is not aggregated but counted in `accounting()` (code `late_entry`) and
 * reported to `onDiagnostic`. Each returned array is ordered by window_start,
 * then service; successive arrays follow each other in time, except that
 * `fillGaps` windows come out with the next window of their service. With
 * enough lateness (or `Infinity`) the windows equal those of `aggregateLogs`.
 * Throws AggregationError for a bad option.
 */
export function createAggregator(options: AggregatorOptions = {}): Aggregator {
  return new StreamingAggregator(resolveAggregatorOptions(options));
}

/** A streaming aggregator for already-validated options (used by `aggregateLogs`). */
export function createResolvedAggregator(options: ResolvedOptions): Aggregator {
  return new StreamingAggregator(options);
}
