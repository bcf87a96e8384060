import { createNormalizer } from "@logfeat/normalizers";
import type { JsonRawRecord, LogEntry, ParsedLog, RawRecord } from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeLogEntries,
  type EncodedLogEntries,
  encodableEntry,
  encodeLogEntries,
} from "../src/log-entry-codec.js";
import { decodeRawRecords, encodeRawRecords } from "../src/raw-record-codec.js";

/** Equal values and the same key order at every level. */
function expectSame(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const flatValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.constantFrom(-0, Number.POSITIVE_INFINITY, 1e21),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("__proto__", "1", "level"));

function jsonPayload(value: fc.Arbitrary<unknown>) {
  return fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => {
    const payload: Record<string, unknown> = {};
    for (const [name, item] of pairs)
      Object.defineProperty(payload, name, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return payload;
  });
}

function records(format: "text" | "json" | "csv", payloads: unknown[], source = "a"): RawRecord[] {
  return payloads.map(
    (payload, index) => ({ source, line: index + 3, format, payload }) as RawRecord,
  );
}

describe("raw record codec", () => {
  it("gives back text records (payloads with any characters, empty ones too)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 30 }), (payloads) => {
        const chunk = records("text", payloads);
        expectSame(decodeRawRecords(encodeRawRecords(chunk)), chunk);
      }),
    );
  });

  it("gives back JSON and CSV records, flat or nested, with their key order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("json" as const, "csv" as const),
        fc.array(jsonPayload(flatValue), { maxLength: 20 }),
        fc.option(jsonPayload(flatValue).map((inner) => ({ nested: inner, list: [1, "a"] }))),
        (format, payloads, nested) => {
          const chunk = records(format, nested === null ? payloads : [...payloads, nested]);
          const decoded = decodeRawRecords(encodeRawRecords(chunk));
          expectSame(decoded, chunk);
          for (const [index, record] of decoded.entries())
            expect(Object.keys(record.payload)).toEqual(
              Object.keys((chunk[index] as RawRecord).payload),
            );
        },
      ),
    );
  });

  it("gives back -0, Infinity and a __proto__ key exactly", () => {
    const payload = JSON.parse('{"__proto__":{"x":1},"a":-0,"b":1e400}') as Record<string, unknown>;
    const flat = JSON.parse('{"__proto__":"p","a":-0,"b":1e400}') as Record<string, unknown>;
    const flatChunk = records("json", [flat]);
    expect(encodeRawRecords(flatChunk).kind).toBe("fields");
    const first = decodeRawRecords(encodeRawRecords(flatChunk))[0] as JsonRawRecord;
    const second = decodeRawRecords(
      encodeRawRecords(records("json", [payload])),
    )[0] as JsonRawRecord;
    expect(Object.is(first.payload["a"], -0)).toBe(true);
    expect(first.payload["b"]).toBe(Number.POSITIVE_INFINITY);
    expect(Object.getOwnPropertyDescriptor(first.payload, "__proto__")?.value).toBe("p");
    expect(Object.getPrototypeOf(first.payload)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(second.payload, "__proto__")?.value).toEqual({ x: 1 });
  });

  it("sends chunks that mix sources as they are", () => {
    const chunk = [...records("text", ["a"], "one"), ...records("text", ["b"], "two")];
    expect(encodeRawRecords(chunk)).toEqual({ kind: "plain", records: chunk });
    expect(decodeRawRecords(encodeRawRecords([]))).toEqual([]);
  });
});

const parsedArbitrary = fc.record({
  level: fc.option(fc.constantFrom("INFO", "warn", "E", " Error "), { nil: undefined }),
  service: fc.option(fc.constantFrom("api", "Auth Service", "***"), { nil: undefined }),
  message: fc.constantFrom("user 42 logged in", "x".repeat(40), "ok \u0001 done", "Σ 1"),
  duration: fc.option(fc.constantFrom("1.5s", "32", "bad", "0"), { nil: undefined }),
  error_code: fc.option(fc.constantFrom("E1", "", "DB_TIMEOUT"), { nil: undefined }),
  request_id: fc.option(fc.constantFrom("req-1", "  ", "r".repeat(20)), { nil: undefined }),
  second: fc.integer({ min: 0, max: 59 }),
});

describe("log entry codec", () => {
  it("gives back the normalizers' entries (every metadata flag), any range", () => {
    const normalizer = createNormalizer({
      referenceTime: 0,
      defaults: { service: "fallback" },
      maxMessageLength: 20,
    });
    fc.assert(
      fc.property(fc.array(parsedArbitrary, { maxLength: 25 }), fc.nat(), (items, cut) => {
        const parsed: ParsedLog[] = items.map((item, index) => {
          const log: ParsedLog = {
            source: index % 2 === 0 ? "a.log" : "b.log",
            line: index + 1,
            format: "text",
            timestamp: `2025-02-07T10:00:${String(item.second).padStart(2, "0")}.5Z`,
            message: item.message,
            extra: {},
          };
          if (item.level !== undefined) log.level = item.level;
          if (item.service !== undefined) log.service = item.service;
          if (item.duration !== undefined) log.duration = item.duration;
          if (item.error_code !== undefined) log.error_code = item.error_code;
          if (item.request_id !== undefined) log.request_id = item.request_id;
          return log;
        });
        const entries = normalizer.normalizeBatch(parsed).entries;
        expect(entries.every(encodableEntry)).toBe(true);
        const encoded = encodeLogEntries(entries) as EncodedLogEntries;
        expect(encoded).not.toBeNull();
        expectSame(decodeLogEntries(encoded, 0, entries.length), entries);
        const from = entries.length === 0 ? 0 : cut % entries.length;
        expectSame(decodeLogEntries(encoded, from, entries.length), entries.slice(from));
      }),
    );
  });

  it("does not encode entries with metadata it cannot give back", () => {
    const entry: LogEntry = {
      timestamp: 0 as LogEntry["timestamp"],
      level: "INFO",
      service: "api",
      message: "m",
      duration_ms: null,
      error_code: null,
      request_id: null,
      source: "a",
      line: 1,
      metadata: { message_hash: "0123456789abcdef", message_template: "m" },
    };
    expect(encodableEntry(entry)).toBe(true);
    expect(encodableEntry({ ...entry, metadata: { ...entry.metadata, extra: {} } })).toBe(false);
    expect(
      encodeLogEntries([entry, { ...entry, metadata: { ...entry.metadata, extra: {} } }]),
    ).toBeNull();
    expect(encodableEntry({ ...entry, metadata: { ...entry.metadata, truncated: false } })).toBe(
      false,
    );
  });
});
