import {
  type AggregatedLogWindow,
  AggregatedLogWindowSchema,
  type LogEntry,
} from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateLogs, createAggregator, mergeWindowMaps, summarizeLogs } from "../src/index.js";
import { compareWindows } from "../src/window-key.js";
import { entryLists, makeEntry } from "./entries.js";

const sizes = fc.constantFrom(1, 60, 300, 3600, 86400, 7);
const zones = fc.constantFrom("UTC", "Europe/Berlin", "Asia/Kolkata");
const flags = fc.boolean();

function countNonEmpty(windows: readonly AggregatedLogWindow[]): number {
  return windows.filter((window) => (window.summary?.total_events ?? 0) > 0).length;
}

function totalEvents(windows: Iterable<AggregatedLogWindow>): number {
  let total = 0;
  for (const window of windows) total += window.summary?.total_events ?? 0;
  return total;
}

/** Streams entries through an aggregator in batches of `batchSize`; returns all windows. */
function stream(
  entries: LogEntry[],
  options: Parameters<typeof createAggregator>[0],
  batchSize: number,
) {
  const aggregator = createAggregator(options);
  const windows: AggregatedLogWindow[] = [];
  for (let index = 0; index < entries.length; index += batchSize)
    windows.push(...aggregator.addBatch(entries.slice(index, index + batchSize)));
  windows.push(...aggregator.flush());
  return { windows, aggregator };
}

describe("aggregation properties", () => {
  it("drain() emits the windows flush() would, one window end per batch, lazily", () => {
    fc.assert(
      fc.property(
        entryLists(),
        sizes,
        zones,
        flags,
        flags,
        (entries, size, timeZone, fillGaps, retainLogs) => {
          const options = {
            windowSizeSeconds: size,
            timeZone,
            fillGaps,
            retainLogs,
            allowedLatenessSeconds: Number.POSITIVE_INFINITY,
          };
          const flushing = createAggregator(options);
          flushing.addBatch(entries);
          const expected = flushing.flush();
          const draining = createAggregator(options);
          draining.addBatch(entries);
          const open = draining.stats.openWindows;
          const drained: AggregatedLogWindow[] = [];
          let previousEnd = Number.NEGATIVE_INFINITY;
          for (const batch of draining.drain()) {
            const ends = new Set(batch.map((window) => window.window_end));
            const realWindows = batch.filter((window) => (window.summary?.total_events ?? 0) > 0);
            expect(new Set(realWindows.map((window) => window.window_end)).size).toBe(1);
            const end = realWindows[0]?.window_end as number;
            expect(end).toBeGreaterThan(previousEnd);
            previousEnd = end;
            expect(Math.max(...ends)).toBe(end);
            expect(draining.stats.openWindows).toBe(
              open - countNonEmpty(drained) - realWindows.length,
            );
            expect(draining.stats.watermark).toBe(end);
            drained.push(...batch);
          }
          expect(draining.stats.openWindows).toBe(0);
          expect(drained.sort(compareWindows)).toEqual(expected);
          expect(draining.stats).toEqual(flushing.stats);
        },
      ),
    );
  });

  it("reuseDurationBuffers: every call's windows equal the default's when read before the next call", () => {
    /** Each returned batch as plain data, checked and copied before the aggregator is called again. */
    const snapshot = (windows: readonly AggregatedLogWindow[]) =>
      windows.map((window) => {
        expect(() => AggregatedLogWindowSchema.parse(window)).not.toThrow();
        const { summary } = window;
        return {
          ...window,
          summary:
            summary === null
              ? null
              : { ...summary, durations_ms: Array.from(summary.durations_ms) },
        };
      });
    fc.assert(
      fc.property(
        entryLists(),
        sizes,
        fc.constantFrom(0, 30, 600, Number.POSITIVE_INFINITY),
        flags,
        fc.integer({ min: 1, max: 50 }),
        flags,
        (entries, size, allowedLatenessSeconds, fillGaps, batchSize, fractional) => {
          // Fractional durations take the Float64Array store, whole ones the 16-bit store.
          const input = fractional
            ? entries.map((entry) =>
                entry.duration_ms === null
                  ? entry
                  : { ...entry, duration_ms: entry.duration_ms + 0.25 },
              )
            : entries;
          const run = (reuseDurationBuffers: boolean) => {
            const aggregator = createAggregator({
              windowSizeSeconds: size,
              allowedLatenessSeconds,
              fillGaps,
              retainLogs: false,
              reuseDurationBuffers,
            });
            const batches: ReturnType<typeof snapshot>[] = [];
            for (let index = 0; index < input.length; index += batchSize)
              batches.push(snapshot(aggregator.addBatch(input.slice(index, index + batchSize))));
            for (const batch of aggregator.drain()) batches.push(snapshot(batch));
            return batches;
          };
          expect(run(true)).toEqual(run(false));
        },
      ),
    );
  });

  it("every entry lands in exactly one window of its service, inside its bounds", () => {
    fc.assert(
      fc.property(
        entryLists(),
        sizes,
        zones,
        flags,
        (entries, windowSizeSeconds, timeZone, retainLogs) => {
          const windows = aggregateLogs(entries, { windowSizeSeconds, timeZone, retainLogs });
          expect(totalEvents(windows)).toBe(entries.length);
          if (retainLogs) {
            const lines = windows
              .values()
              .flatMap((window) => window.logs?.map((entry) => entry.line) ?? []);
            expect(lines.sort((a, b) => a - b)).toEqual(entries.map((entry) => entry.line));
          }
          for (const window of windows) {
            expect(AggregatedLogWindowSchema.safeParse(window).success).toBe(true);
            for (const entry of window.logs ?? []) {
              expect(entry.service).toBe(window.service);
              expect(entry.timestamp).toBeGreaterThanOrEqual(window.window_start);
              expect(entry.timestamp).toBeLessThan(window.window_end);
            }
          }
        },
      ),
    );
  });

  it("logs are in timestamp order, ties in input order", () => {
    fc.assert(
      fc.property(entryLists(), sizes, (entries, windowSizeSeconds) => {
        for (const window of aggregateLogs(entries, { windowSizeSeconds })) {
          const logs = window.logs ?? [];
          for (let index = 1; index < logs.length; index += 1) {
            const previous = logs[index - 1]!;
            const current = logs[index]!;
            expect(
              previous.timestamp < current.timestamp ||
                (previous.timestamp === current.timestamp && previous.line < current.line),
            ).toBe(true);
          }
        }
      }),
    );
  });

  it("shuffling the input gives identical output (distinct timestamps)", () => {
    const distinct = entryLists().map((entries) => {
      const seen = new Set<number>();
      return entries.filter((entry) => !seen.has(entry.timestamp) && seen.add(entry.timestamp));
    });
    fc.assert(
      fc.property(
        distinct,
        sizes,
        zones,
        flags,
        fc.integer(),
        (entries, windowSizeSeconds, timeZone, fillGaps, seed) => {
          const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), {
            seed,
            numRuns: 1,
          })[0]!;
          const options = { windowSizeSeconds, timeZone, fillGaps };
          expect(aggregateLogs(shuffled, options).entries()).toEqual(
            aggregateLogs(entries, options).entries(),
          );
        },
      ),
    );
  });

  it("shuffling keeps keys and summaries identical even with equal timestamps", () => {
    fc.assert(
      fc.property(entryLists(), sizes, fc.integer(), (entries, windowSizeSeconds, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const a = aggregateLogs(entries, { windowSizeSeconds, retainLogs: false });
        const b = aggregateLogs(shuffled, { windowSizeSeconds, retainLogs: false });
        expect(b.entries()).toEqual(a.entries());
      }),
    );
  });

  it("the summary equals summarizeLogs of the window's logs", () => {
    fc.assert(
      fc.property(entryLists(), sizes, (entries, windowSizeSeconds) => {
        for (const window of aggregateLogs(entries, { windowSizeSeconds }))
          expect(window.summary).toEqual(summarizeLogs(window.logs ?? []));
      }),
    );
  });

  it("streaming equals batch when lateness covers the disorder", () => {
    fc.assert(
      fc.property(
        entryLists(),
        sizes,
        zones,
        flags,
        flags,
        fc.integer({ min: 1, max: 50 }),
        (entries, windowSizeSeconds, timeZone, retainLogs, fillGaps, batchSize) => {
          const options = { windowSizeSeconds, timeZone, retainLogs, fillGaps };
          const { windows, aggregator } = stream(
            entries,
            { ...options, allowedLatenessSeconds: 3601 },
            batchSize,
          );
          expect(aggregator.accounting().skipped).toBe(0);
          expect(windows.sort(compareWindows)).toEqual(aggregateLogs(entries, options).values());
        },
      ),
    );
  });

  it("streaming sorted input with lateness 0 loses nothing and equals batch", () => {
    fc.assert(
      fc.property(
        entryLists(),
        sizes,
        fc.integer({ min: 1, max: 50 }),
        (entries, windowSizeSeconds, batchSize) => {
          const sorted = [...entries].sort((a, b) => a.timestamp - b.timestamp);
          const { windows, aggregator } = stream(
            sorted,
            { windowSizeSeconds, allowedLatenessSeconds: 0 },
            batchSize,
          );
          expect(aggregator.stats.lateEntries).toBe(0);
          expect(windows).toEqual(aggregateLogs(entries, { windowSizeSeconds }).values());
        },
      ),
    );
  });

  it("streaming with any lateness accounts for every entry and emits each window once", () => {
    fc.assert(
      fc.property(
        entryLists(),
        sizes,
        fc.constantFrom(0, 1, 30, 600),
        (entries, windowSizeSeconds, allowedLatenessSeconds) => {
          const { windows, aggregator } = stream(
            entries,
            { windowSizeSeconds, allowedLatenessSeconds },
            1,
          );
          const accounting = aggregator.accounting();
          expect(totalEvents(windows) + accounting.skipped).toBe(entries.length);
          expect(accounting.skipped).toBe(aggregator.stats.lateEntries);
          expect(aggregator.stats.windowsEmitted).toBe(windows.length);
          const keys = windows.map((window) => `${window.window_start}|${window.service}`);
          expect(new Set(keys).size).toBe(keys.length);
        },
      ),
    );
  });

  it("aggregating A and B then merging equals aggregating A ++ B", () => {
    fc.assert(
      fc.property(
        entryLists(),
        fc.nat(),
        fc.nat(),
        sizes,
        zones,
        flags,
        flags,
        (entries, cutA, cutB, windowSizeSeconds, timeZone, retainLogs, fillGaps) => {
          const [first, second] = [cutA, cutB]
            .map((cut) => cut % (entries.length + 1))
            .sort((a, b) => a - b) as [number, number];
          const parts = [
            entries.slice(0, first),
            entries.slice(first, second),
            entries.slice(second),
          ];
          const options = { windowSizeSeconds, timeZone, retainLogs, fillGaps };
          const merged = mergeWindowMaps(
            parts.map((part) => aggregateLogs(part, options)),
            { fillGaps, timeZone },
          );
          expect(merged.entries()).toEqual(aggregateLogs(entries, options).entries());
        },
      ),
    );
  });

  it("keeps each window's logs in stable timestamp order, late entries near or far back", () => {
    const lateness = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: 0, max: 400 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lateness, fc.integer({ min: 0, max: 3 })), { maxLength: 400 }),
        (steps) => {
          let clock = Date.UTC(2025, 1, 7, 10, 0, 0);
          const entries = steps.map(([back, advance], index) => {
            clock += advance;
            return makeEntry({ timestamp: clock - back, line: index + 1 });
          });
          const [window] = aggregateLogs(entries, { windowSizeSeconds: 86400 }).values();
          const expected = [...entries].sort((a, b) => a.timestamp - b.timestamp);
          expect(window?.logs?.map((entry) => entry.line) ?? []).toEqual(
            expected.map((entry) => entry.line),
          );
        },
      ),
    );
  });
});
