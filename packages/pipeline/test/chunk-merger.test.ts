import { aggregateLogs } from "@logfeat/aggregation";
import { extractFeaturesFromWindows } from "@logfeat/features";
import type { EpochMillis, RawRecord } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createChunkMerger, createRecordProcessor, processChunk } from "../src/index.js";

const SERVICES = ["api", "auth", "db"];
const LEVELS = ["INFO", "ERROR", "WARN", "DEBUG", "LOUD"];

/** A text record in the standard layout; some have a bad level or are garbage. */
const recordArbitrary = fc
  .record({
    minute: fc.integer({ min: 0, max: 40 }),
    second: fc.integer({ min: 0, max: 59 }),
    service: fc.constantFrom(...SERVICES),
    level: fc.constantFrom(...LEVELS),
    duration: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    message: fc.constantFrom("ok", "timeout", "retry later"),
    garbage: fc.boolean(),
  })
  .map(({ minute, second, service, level, duration, message, garbage }) =>
    garbage && minute % 7 === 0
      ? "### garbage ###"
      : `2025-02-07T10:${String(minute).padStart(2, "0")}:${String(second).padStart(2, "0")}.000Z ${level} [${service}] ${message}${duration === undefined ? "" : ` duration_ms=${duration}`}`,
  );

const processorOptions = {
  referenceTime: 0 as EpochMillis,
  defaultService: "app",
  maxDiagnostics: 1000,
};
const aggregate = { windowSizeSeconds: 300, timeZone: "UTC", retainLogs: true };

function records(lines: string[]): RawRecord[] {
  return lines.map((payload, index) => ({
    source: "a.log",
    line: index + 1,
    format: "text",
    payload,
  }));
}

function split<T>(items: T[], sizes: number[]): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  let turn = 0;
  while (start < items.length) {
    const size = sizes[turn % sizes.length] ?? 1;
    chunks.push(items.slice(start, start + size));
    start += size;
    turn += 1;
  }
  return chunks;
}

describe("chunk partials merged in chunk order equal one pass", () => {
  it("gives the same windows, features and accounting whatever the chunking and arrival order", () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (lines, sizes, reverse) => {
          const all = records(lines);
          const single = createRecordProcessor(processorOptions).process(all);
          const expected = aggregateLogs(single.entries, aggregate).values();

          const processor = createRecordProcessor(processorOptions);
          const partials = split(all, sizes).map((chunk, index) =>
            processChunk(processor, chunk, index, aggregate),
          );
          const merger = createChunkMerger(1000);
          for (const partial of reverse ? [...partials].reverse() : partials) merger.add(partial);
          const merged = merger.finish({ fillGaps: false, timeZone: "UTC" });

          expect(merged.parsed).toBe(single.parsed);
          expect(merged.records).toBe(all.length);
          expect(merged.parseAccounting).toEqual(single.parseAccounting);
          expect(merged.normalizeAccounting).toEqual(single.normalizeAccounting);
          expect(merged.windows.map((window) => window.logs)).toEqual(
            expected.map((window) => window.logs),
          );
          const features = (windows: typeof expected) =>
            extractFeaturesFromWindows(windows, { now: 0 }).features;
          expect(features(merged.windows)).toEqual(features(expected));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses to finish while a chunk is missing", () => {
    const processor = createRecordProcessor(processorOptions);
    const merger = createChunkMerger(10);
    merger.add(processChunk(processor, records(["x"]), 1, aggregate));
    expect(merger.waiting).toBe(1);
    expect(() => merger.finish({ fillGaps: false, timeZone: "UTC" })).toThrow(/chunk 0 is missing/);
  });
});
