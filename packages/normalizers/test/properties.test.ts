import {
  type EpochMillis,
  formatInstant,
  LEVEL_SCHEMES,
  type LogEntry,
  LogEntrySchema,
  type ParsedLog,
} from "@logfeat/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createNormalizer,
  LEVEL_NAMES,
  messageHash,
  messageTemplate,
  type NormalizerOptions,
  normalizeMessage,
} from "../src/index.js";

const OPTIONS: NormalizerOptions = {
  timeZone: "Europe/Berlin",
  referenceTime: "2025-02-10T12:00:00Z",
  maxMessageLength: 40,
};

const instant = fc.integer({ min: 0, max: Date.UTC(2100, 11, 31, 23, 59, 59, 999) });
const timestamp = fc.oneof(
  instant.map((millis) => new Date(millis).toISOString()),
  instant.map((millis) => new Date(millis).toISOString().replace("T", " ").replace("Z", "+02:00")),
  instant.map((millis) => new Date(millis).toISOString().slice(0, 19)),
  instant.map((millis) => new Date(millis).toUTCString()),
  instant,
  instant.map((millis) => String(Math.floor(millis / 1000))),
  fc.constantFrom("Dec 10 06:55:46", "02-29 10:00:00", "[17/May/2015:10:05:03 +0000]", ""),
  fc.string(),
  fc.double(),
);
const level = fc.oneof(
  fc.constantFrom(...LEVEL_NAMES.keys()),
  fc.constantFrom("INFO", "Warn ", "[error]", "<crit>", "", "30", "3"),
  fc.integer({ min: -5, max: 700 }),
  fc.string({ maxLength: 8 }),
);
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 60, unit: "binary" }),
  fc.constantFrom(
    "DB timeout after 523ms error_code=DB_TIMEOUT",
    "Receiving block blk_-1608999687919862906 src: /10.250.19.102:54106",
    'user "bob" from 2001:db8::1 took 1.5s',
  ),
);
const parsedLog: fc.Arbitrary<ParsedLog> = fc.record(
  {
    source: fc.constantFrom("app.log", "<stdin>"),
    line: fc.integer({ min: 1, max: 1_000_000 }),
    format: fc.constantFrom("text", "json", "csv"),
    timestamp,
    level,
    service: fc.oneof(
      fc.constantFrom("api-server", "dfs.DataNode$PacketResponder", "***"),
      fc.string(),
    ),
    message: text,
    duration: fc.oneof(fc.double(), fc.constantFrom("1.5s", "250us", "2min", "-5", "NaN", "1e400")),
    duration_field: fc.constantFrom("duration_ms", "latency_s", "event.duration", "took"),
    error_code: fc.oneof(fc.string({ maxLength: 140 }), fc.integer()),
    request_id: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
    level_scheme: fc.constantFrom(...LEVEL_SCHEMES),
    extra: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })),
  },
  { requiredKeys: ["source", "line", "format", "extra"] },
);

/** An entry written back as a ParsedLog (the wire forms: ISO instant, ms field names). */
function toParsedLog(entry: LogEntry): ParsedLog {
  const parsed: ParsedLog = {
    source: entry.source,
    line: entry.line,
    format: "json",
    timestamp: formatInstant(entry.timestamp as EpochMillis),
    level: entry.level,
    service: entry.service,
    message: entry.message,
    extra: {},
  };
  if (entry.duration_ms !== null) {
    parsed.duration = entry.duration_ms;
    parsed.duration_field = "duration_ms";
  }
  if (entry.error_code !== null) parsed.error_code = entry.error_code;
  if (entry.request_id !== null) parsed.request_id = entry.request_id;
  return parsed;
}

/** The fields an entry's content is made of (not the flags that say how it was found). */
function canonical(entry: LogEntry) {
  const { metadata, ...fields } = entry;
  return { ...fields, hash: metadata.message_hash, template: metadata.message_template };
}

describe("properties over arbitrary ParsedLogs", () => {
  it("never throws, accounts for every record, and every entry passes LogEntrySchema", () => {
    fc.assert(
      fc.property(fc.array(parsedLog, { maxLength: 30 }), (records) => {
        const result = createNormalizer(OPTIONS).normalizeBatch(records);
        expect(result.entries.length + result.skipped).toBe(records.length);
        expect(Object.values(result.skippedByCode).reduce((sum, count) => sum + count, 0)).toBe(
          result.skipped,
        );
        for (const entry of result.entries) {
          const check = LogEntrySchema.safeParse(entry);
          expect(check.success, JSON.stringify(check.error?.issues)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("same input -> same output", () => {
    fc.assert(
      fc.property(fc.array(parsedLog, { maxLength: 20 }), (records) => {
        const first = createNormalizer(OPTIONS).normalizeBatch(records);
        const second = createNormalizer(OPTIONS).normalizeBatch(structuredClone(records));
        expect(second).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it("idempotence: an entry written back and normalized again keeps its content, then is a fixpoint", () => {
    const normalizer = createNormalizer(OPTIONS);
    fc.assert(
      fc.property(parsedLog, (record) => {
        const entry = normalizer.normalize(record);
        if (entry === null) return;
        const again = normalizer.normalize(toParsedLog(entry));
        expect(again).not.toBeNull();
        expect(canonical(again as LogEntry)).toEqual(canonical(entry));
        expect(normalizer.normalize(toParsedLog(again as LogEntry))).toEqual(again);
      }),
      { numRuns: 1000 },
    );
  });

  it("idempotence in any zone: naive and offset timestamps written back as ISO give the same instant", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("UTC", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"),
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        (timeZone, millis) => {
          const normalizer = createNormalizer({ timeZone });
          const naive = new Date(millis).toISOString().slice(0, 23);
          const entry = normalizer.normalize({
            source: "x",
            line: 1,
            format: "text",
            timestamp: naive,
            service: "s",
            message: "m",
            extra: {},
          });
          expect(entry).not.toBeNull();
          const again = normalizer.normalize(toParsedLog(entry as LogEntry));
          expect(again?.timestamp).toBe(entry?.timestamp);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("an entry's message, template and hash are those of the single-field functions", () => {
    const controlled = fc
      .array(
        fc.oneof(
          fc.constantFrom(" ", "\u0001", "\u0085", "\u007f", "\t", "\n", '"', "'", "=", ":"),
          fc.constantFrom("x=", "user", "42", "10.0.0.1", "0x1f", "deadbeef01", "2001:db8::1"),
          fc.string({ maxLength: 4 }),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(""));
    const normalizer = createNormalizer({ ...OPTIONS, messageHash: "exact" });
    const templates = createNormalizer(OPTIONS);
    fc.assert(
      fc.property(fc.oneof(text, controlled), (message) => {
        const record: ParsedLog = { source: "a", line: 1, format: "text", extra: {} };
        Object.assign(record, { timestamp: 0, level: "INFO", service: "s", message });
        const expected = normalizeMessage(message, OPTIONS.maxMessageLength);
        const entry = normalizer.normalize(record);
        const templated = templates.normalize(record);
        expect(entry?.message ?? null).toBe(expected?.message ?? null);
        if (entry === null || expected === null || templated === null) return;
        expect(entry.metadata.truncated ?? false).toBe(expected.truncated);
        expect(entry.metadata.message_hash).toBe(messageHash(expected.message));
        expect(templated.metadata.message_template).toBe(messageTemplate(expected.message));
        expect(templated.metadata.message_hash).toBe(
          messageHash(messageTemplate(expected.message)),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
