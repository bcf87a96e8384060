import { createRecordProcessor, processChunk } from "@logfeat/pipeline";
import type { EpochMillis, RawRecord } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeBatch,
  encodeBatch,
  splitBySourceAndFormat,
} from "../src/distributed/batch-codec.js";
import { createBatchWorker } from "../src/distributed/batch-worker.js";
import { compareEntryIds, jobKeys } from "../src/distributed/job-keys.js";
import { JOB_FORMAT_VERSION, type JobSpec } from "../src/distributed/job-spec.js";
import { decodePartial, encodePartial } from "../src/distributed/partial-codec.js";
import { maskRedisUrl } from "../src/distributed/redis-connection.js";
import { generateStandardLog } from "./generated-logs.js";

const SPEC: JobSpec = {
  version: JOB_FORMAT_VERSION,
  referenceTime: Date.UTC(2025, 1, 8),
  referenceTimeSource: "option",
  defaultServices: { "app.log": "app" },
  defaultService: "app",
  windowSizeSeconds: 300,
  fillGaps: false,
  maxDiagnostics: 1000,
  now: null,
  expireAfterSeconds: 60,
  submittedAt: 0,
};

function records(count: number, garbageEvery = 0): RawRecord[] {
  return generateStandardLog(count, 9, garbageEvery)
    .text.trimEnd()
    .split("\n")
    .map((payload, index) => ({ source: "app.log", line: index + 1, format: "text", payload }));
}

describe("maskRedisUrl", () => {
  it.each([
    ["redis://user:secret@host:6379", "redis://user:***@host:6379"],
    ["rediss://:secret@host:6380/2", "rediss://:***@host:6380/2"],
    ["redis://host:6379", "redis://host:6379"],
    ["redis://user@host", "redis://user@host"],
    ["not a url user:secret@host", "not a url user:***@host"],
  ])("%s -> %s", (url, masked) => {
    expect(maskRedisUrl(url)).toBe(masked);
  });
});

describe("jobKeys", () => {
  it("puts the job id in every key", () => {
    expect(jobKeys("nightly-2025.02:07")).toEqual({
      stream: "logfeat:job:nightly-2025.02:07:stream",
      partials: "logfeat:job:nightly-2025.02:07:partials",
      rejects: "logfeat:job:nightly-2025.02:07:rejects",
      meta: "logfeat:job:nightly-2025.02:07:meta",
    });
  });
  it.each([[undefined], [""], ["has space"], ["-leading"], ["x".repeat(129)], ["a*b"]])(
    "refuses %s",
    (id) => {
      expect(() => jobKeys(id)).toThrow(/--job/);
    },
  );
});

describe("compareEntryIds", () => {
  it("orders by time then sequence, numerically", () => {
    const ids = ["10-0", "9-5", "9-10", "1712345678901-0", "9-9", "junk"];
    expect([...ids].sort(compareEntryIds)).toEqual([
      "9-5",
      "9-9",
      "9-10",
      "10-0",
      "1712345678901-0",
      "junk",
    ]);
  });
});

describe("batch codec", () => {
  it("round-trips records of every format", () => {
    const batch: RawRecord[] = [
      { source: "a.log", line: 1, format: "text", payload: 'x "quoted" \u00e9' },
      { source: "a.log", line: 3, format: "text", payload: "" },
    ];
    expect(decodeBatch(encodeBatch(batch))).toEqual(batch);
    const json: RawRecord[] = [
      { source: "b.jsonl", line: 7, format: "json", payload: { a: [1, { b: null }] } },
    ];
    expect(decodeBatch(encodeBatch(json))).toEqual(json);
  });

  it("splits a chunk into runs of one source and format", () => {
    const chunk: RawRecord[] = [
      { source: "a", line: 1, format: "text", payload: "1" },
      { source: "a", line: 2, format: "text", payload: "2" },
      { source: "b", line: 1, format: "text", payload: "3" },
      { source: "b", line: 2, format: "csv", payload: { x: "4" } },
    ];
    expect(splitBySourceAndFormat(chunk).map((run) => run.length)).toEqual([2, 1, 1]);
  });

  it.each([
    ["{", "the records are not JSON"],
    ["[]", "the batch has no source name"],
    ['{"source":"a","format":"xml","records":[]}', 'the batch format "xml" is not one of'],
    ['{"source":"a","format":"text","records":{}}', "the batch has no list of records"],
    ['{"source":"a","format":"text","records":[[0,"x"]]}', "record 0 has no positive line number"],
    ['{"source":"a","format":"text","records":[[1]]}', "record 0 is not [line, payload]"],
  ])("says why %s is not a batch", (text, reason) => {
    expect(decodeBatch(text)).toContain(reason);
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const decoded = decodeBatch(text);
        expect(typeof decoded === "string" || Array.isArray(decoded)).toBe(true);
      }),
    );
  });
});

describe("partial codec", () => {
  it("round-trips a partial exactly (counts, sorted durations, sets, accounting)", () => {
    const processor = createRecordProcessor({
      referenceTime: SPEC.referenceTime as EpochMillis,
      defaultService: "app",
      maxDiagnostics: 5,
    });
    const partial = processChunk(processor, records(3000, 7), 4, {
      windowSizeSeconds: 60,
      timeZone: "UTC",
      retainLogs: false,
    });
    expect(partial.parseAccounting.skipped).toBeGreaterThan(0);
    expect(decodePartial(encodePartial(partial), 4)).toEqual(partial);
  });

  it.each([
    ["nope", "not JSON"],
    ['{"records":1,"parsed":2}', "record counts"],
    ['{"records":1,"parsed":1,"parse":{},"normalize":{}}', "accounting"],
  ])("says why %s is not a partial", (text, reason) => {
    expect(decodePartial(text, 0)).toContain(reason);
  });
});

describe("batch worker", () => {
  const worker = createBatchWorker(SPEC, "logfeat:job:t:stream");
  const batch = records(50);

  it("processes a batch under its number", () => {
    const { batch: number, partial } = worker.process("1-0", [
      "seq",
      "7",
      "count",
      "50",
      "records",
      encodeBatch(batch),
    ]);
    expect(number).toBe(7);
    expect(partial.records).toBe(50);
    expect(partial.parsed).toBe(50);
    expect(partial.windows.length).toBeGreaterThan(0);
  });

  it("counts the records of an unreadable batch as malformed_batch skips", () => {
    const { batch: number, partial } = worker.process("2-0", [
      "seq",
      "3",
      "count",
      "50",
      "records",
      "{broken",
    ]);
    expect(number).toBe(3);
    expect(partial.records).toBe(50);
    expect(partial.parseAccounting.skippedByCode).toEqual({ malformed_batch: 50 });
    expect(partial.parseAccounting.diagnostics[0]?.source).toBe("logfeat:job:t:stream entry 2-0");
  });

  it("notes an entry without a batch number, counting no records", () => {
    const { batch: number, partial } = worker.process("3-0", ["hello", "world"]);
    expect(number).toBeNull();
    expect(partial.records).toBe(0);
    expect(partial.parseAccounting.notedByCode).toEqual({ malformed_batch: 1 });
  });

  it("gives the same partial for the same batch (a claimed batch processed twice)", () => {
    const fields = ["seq", "1", "count", "50", "records", encodeBatch(batch)];
    expect(encodePartial(worker.process("4-0", fields).partial)).toBe(
      encodePartial(worker.process("4-0", fields).partial),
    );
  });
});
