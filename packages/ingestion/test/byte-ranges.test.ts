import { statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import {
  type BatchAccounting,
  ConfigError,
  emptyAccounting,
  mergeAccounting,
  type RawRecord,
} from "@logfeat/schema";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON, realDataFiles } from "@logfeat/test-support";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  type ByteRange,
  formatFromName,
  type IngestOptions,
  ingestLogs,
  planByteRanges,
} from "../src/index.js";
import { alwaysStartsRecord, surelyStartsRecord } from "../src/multiline.js";
import { collect, temporaryFolder } from "./helpers.js";

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** The records and accounting of the whole file, and those of its ranges concatenated. */
async function wholeAndParts(
  path: string,
  ranges: readonly ByteRange[],
  options: IngestOptions,
): Promise<{
  whole: { records: RawRecord[]; accounting: BatchAccounting };
  parts: { records: RawRecord[]; accounting: BatchAccounting };
}> {
  const whole = await collect(ingestLogs(path, options));
  const records: RawRecord[] = [];
  let accounting = emptyAccounting();
  for (const byteRange of ranges) {
    const part = await collect(ingestLogs(path, { ...options, byteRange }));
    records.push(...part.records);
    accounting = mergeAccounting(accounting, part.accounting);
  }
  return { whole, parts: { records, accounting } };
}

/** Ranges are contiguous, cover the file, start on line starts and number lines like the file. */
function expectValidRanges(bytes: Buffer, ranges: readonly ByteRange[]): void {
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges[0]?.start).toBe(0);
  expect(ranges.at(-1)?.end).toBe(bytes.length);
  for (const [index, range] of ranges.entries()) {
    if (index > 0) {
      expect(range.start).toBe(ranges[index - 1]?.end);
      expect(range.start).toBeLessThan(range.end);
      expect(bytes[range.start - 1]).toBe(10);
    }
    expect(range.firstLine).toBe(lineNumberAt(bytes, range.start));
  }
}

function lineNumberAt(bytes: Buffer, offset: number): number {
  let lineFeeds = 0;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 10) lineFeeds += 1;
  return lineFeeds + 1;
}

/** The offset of every line start after the first, with its line number. */
function lineStarts(bytes: Buffer): { offset: number; line: number; first: number }[] {
  const starts: { offset: number; line: number; first: number }[] = [];
  let line = 1;
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) {
    line += 1;
    if (index + 1 < bytes.length)
      starts.push({ offset: index + 1, line, first: bytes[index + 1] as number });
  }
  return starts;
}

/** Ranges cut at the given line starts. */
function rangesAt(bytes: Buffer, cuts: readonly { offset: number; line: number }[]): ByteRange[] {
  const ranges: ByteRange[] = [];
  let start = 0;
  let firstLine = 1;
  for (const cut of cuts) {
    ranges.push({ start, end: cut.offset, firstLine });
    start = cut.offset;
    firstLine = cut.line;
  }
  ranges.push({ start, end: bytes.length, firstLine });
  return ranges;
}

/** Offset of the first byte after a leading byte order mark that is not JSON whitespace, or -1. */
function firstContentOffset(bytes: Buffer): number {
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && [32, 9, 13, 10].includes(bytes[index] as number)) index += 1;
  return index < bytes.length ? index : -1;
}

/**
 * The boundary rule restated on decoded lines: a line starts a record
 * whatever came before it when its first character surely starts one, or
 * when it is classified a record outside a traceback, whole and by its head.
 */
function startsRecordAlways(bytes: Buffer, start: number): boolean {
  let end = bytes.indexOf(10, start);
  if (end === -1) end = bytes.length;
  let text = bytes.toString("utf8", start, end).replace(/\r$/, "");
  if (start === 0) text = text.replace(/^\uFEFF/, "");
  if (surelyStartsRecord(text.charCodeAt(0))) return true;
  return alwaysStartsRecord(text);
}

// ---------- generated files ----------

const WORD = fc.constantFrom(
  "ok",
  "boom",
  "Values",
  "x=1",
  "\u00e9t\u00e9",
  "\u20ac",
  "\uD83D\uDE00",
);

/** A text line (without its line ending), as bytes: records, continuations, tracebacks, bad UTF-8. */
const TEXT_LINE: fc.Arbitrary<Buffer> = fc.oneof(
  WORD.map((word) => Buffer.from(`2025-01-01 INFO ${word}`)),
  WORD.map((word) => Buffer.from(`[api] ${word}`)),
  WORD.map((word) => Buffer.from(`Values ${word}`)),
  WORD.map((word) => Buffer.from(`level=info msg=${word}`)),
  WORD.map((word) => Buffer.from(`TypeError ${word}`)),
  fc.integer({ min: 150, max: 260 }).map((length) => Buffer.from(`nova ${"n".repeat(length)}`)),
  // Records whole, but continuation lines by their first 200 characters (how an over-long line is judged).
  fc.constant(Buffer.from(`a.${"B".repeat(189)}Exception and more`)),
  fc.constant(Buffer.from(`at f(${"x".repeat(194)}) and more`)),
  fc.constantFrom("", "   ", "\t").map((text) => Buffer.from(text)),
  WORD.map((word) => Buffer.from(`  ${word}`)),
  WORD.map((word) => Buffer.from(`\tcontinued ${word}`)),
  fc
    .constantFrom(
      "java.lang.IllegalStateException: boom",
      "\tat com.example.Api.handle(Api.java:42)",
      "at com.example.Api.run(Api.java:7)",
      "Caused by: java.io.IOException: disk",
      "... 3 more",
      "Traceback (most recent call last):",
      '  File "app.py", line 3, in <module>',
      "ValueError: x",
      "KeyboardInterrupt",
      "During handling of the above exception, another exception occurred:",
      "Traceback (most recent call last):\nKeyboardInterrupt\n2025-01-02 after",
      "Traceback (most recent call last):\nValueError: x\nValues ok",
    )
    .map((text) => Buffer.from(text)),
  fc.integer({ min: 60, max: 200 }).map((length) => Buffer.from(`9${"y".repeat(length)}`)),
  fc.integer({ min: 60, max: 200 }).map((length) => Buffer.from(`  ${"z".repeat(length)}`)),
  fc.constantFrom(
    Buffer.from([0x32, 0x30, 0xff, 0xfe, 0x20, 0x62]),
    Buffer.from([0x5b, 0x78, 0x5d, 0xe2, 0x82]),
    Buffer.from([0xc3, 0x28, 0x61]),
  ),
);

/** A file: lines joined by `\n` or `\r\n`, maybe a BOM, maybe a final line ending. */
function fileOf(line: fc.Arbitrary<Buffer>): fc.Arbitrary<Buffer> {
  return fc
    .record({
      byteOrderMark: fc.boolean(),
      lines: fc.array(fc.tuple(line, fc.boolean()), { maxLength: 40 }),
      finalLineEnding: fc.boolean(),
    })
    .map(({ byteOrderMark, lines, finalLineEnding }) => {
      const pieces: Buffer[] = byteOrderMark ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
      lines.forEach(([bytes, crlf], index) => {
        pieces.push(bytes);
        if (index < lines.length - 1 || finalLineEnding)
          pieces.push(Buffer.from(crlf ? "\r\n" : "\n"));
      });
      return Buffer.concat(pieces);
    });
}

/** A JSON Lines line: objects, invalid JSON, non-objects, blank and indented lines, a mid-file BOM. */
const JSON_LINE: fc.Arbitrary<Buffer> = fc.oneof(
  WORD.map((word) => Buffer.from(JSON.stringify({ msg: word, n: 1 }))),
  WORD.map((word) => Buffer.from(`  ${JSON.stringify({ msg: word })}`)),
  fc
    .constantFrom("", "  ", '{"msg":', "not json", "[1]", "42", "[", "]")
    .map((text) => Buffer.from(text)),
  fc
    .integer({ min: 60, max: 200 })
    .map((length) => Buffer.from(JSON.stringify({ long: "q".repeat(length) }))),
  fc.constant(Buffer.from('\uFEFF{"bom":true}')),
  fc.constant(Buffer.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
);

const SPLIT = {
  parts: fc.integer({ min: 1, max: 6 }),
  minPartBytes: fc.integer({ min: 1, max: 64 }),
  maxRecordBytes: fc.oneof(fc.integer({ min: 30, max: 150 }), fc.constant(1000)),
};

describe("planByteRanges + byteRange give the records of the whole file", () => {
  it("text, multiline or not: planned parts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fileOf(TEXT_LINE),
        fc.record({ ...SPLIT, multiline: fc.boolean() }),
        async (bytes, { parts, minPartBytes, maxRecordBytes, multiline }) => {
          const path = folder.newFile(bytes, ".log");
          const plan = await planByteRanges(path, { parts, minPartBytes, multiline });
          expect(plan?.format).toBe("text");
          const ranges = plan?.ranges ?? [];
          expectValidRanges(bytes, ranges);
          expect(ranges.length).toBeLessThanOrEqual(parts);
          if (multiline)
            for (const { start } of ranges.slice(1)) {
              const previous = start < 2 ? 0 : bytes.lastIndexOf(10, start - 2) + 1;
              expect(startsRecordAlways(bytes, start) && startsRecordAlways(bytes, previous)).toBe(
                true,
              );
            }
          const options = {
            format: "text",
            multiline,
            maxRecordBytes,
            maxDiagnostics: 10_000,
          } as const;
          const { whole, parts: joined } = await wholeAndParts(path, ranges, options);
          expect(joined).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("multiline text: any set of boundaries that follows the rule", async () => {
    await fc.assert(
      fc.asyncProperty(
        fileOf(TEXT_LINE),
        SPLIT.maxRecordBytes,
        fc.infiniteStream(fc.boolean()),
        async (bytes, maxRecordBytes, picks) => {
          const starts = lineStarts(bytes);
          const eligible = starts.filter(
            (start, index) =>
              startsRecordAlways(bytes, start.offset) &&
              startsRecordAlways(bytes, index === 0 ? 0 : (starts[index - 1]?.offset as number)),
          );
          const iterator = picks[Symbol.iterator]();
          const cuts = eligible.filter(() => iterator.next().value === true);
          const path = folder.newFile(bytes, ".log");
          const options = { format: "text", maxRecordBytes, maxDiagnostics: 10_000 } as const;
          const { whole, parts } = await wholeAndParts(path, rangesAt(bytes, cuts), options);
          expect(parts).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("single-line text and JSON Lines: cut at any line start", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fileOf(TEXT_LINE).map((bytes) => ({ bytes, format: "text" as const })),
          fileOf(JSON_LINE).map((bytes) => ({ bytes, format: "json" as const })),
        ),
        SPLIT.maxRecordBytes,
        fc.boolean(),
        fc.infiniteStream(fc.boolean()),
        async ({ bytes, format }, maxRecordBytes, deferJsonParsing, picks) => {
          const iterator = picks[Symbol.iterator]();
          const firstContent = firstContentOffset(bytes);
          // A JSON array file is read as an array, not JSON Lines: it is never split.
          if (format === "json" && bytes[firstContent] === 0x5b) return;
          const cuts = lineStarts(bytes).filter(
            (start) =>
              (format === "text" || (firstContent !== -1 && start.offset > firstContent)) &&
              iterator.next().value === true,
          );
          const path = folder.newFile(bytes, format === "text" ? ".log" : ".jsonl");
          const options = {
            format,
            maxRecordBytes,
            maxDiagnostics: 10_000,
            ...(format === "text" ? { multiline: false } : { deferJsonParsing }),
          };
          const { whole, parts } = await wholeAndParts(path, rangesAt(bytes, cuts), options);
          expect(parts).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("JSON Lines, deferred or not: planned parts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fileOf(JSON_LINE),
        fc.record({ ...SPLIT, deferJsonParsing: fc.boolean() }),
        async (bytes, { parts, minPartBytes, maxRecordBytes, deferJsonParsing }) => {
          const path = folder.newFile(bytes, ".jsonl");
          const plan = await planByteRanges(path, { parts, minPartBytes });
          if (bytes[firstContentOffset(bytes)] === 0x5b) {
            expect(plan).toBeNull();
            return;
          }
          expect(plan?.format).toBe("json");
          const ranges = plan?.ranges ?? [];
          expectValidRanges(bytes, ranges);
          const options = {
            format: "json",
            maxRecordBytes,
            deferJsonParsing,
            maxDiagnostics: 10_000,
          } as const;
          const { whole, parts: joined } = await wholeAndParts(path, ranges, options);
          expect(joined).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("planByteRanges", () => {
  const lines = Array.from(
    { length: 400 },
    (_, index) => `2025-01-01T00:00:${index} INFO line ${index}`,
  );
  const text = Buffer.from(`${lines.join("\n")}\n`);

  it("splits a text file into parts of similar size that start on record lines", async () => {
    const path = folder.newFile(text, ".log");
    const plan = await planByteRanges(path, { parts: 4, minPartBytes: 100 });
    expect(plan?.format).toBe("text");
    const ranges = plan?.ranges ?? [];
    expect(ranges).toHaveLength(4);
    expectValidRanges(text, ranges);
    // Each boundary is the first line start at or after its target offset.
    expect(ranges.slice(1).map((range) => range.start)).toEqual(
      [1, 2, 3].map((part) => text.indexOf(10, Math.floor((part * text.length) / 4) - 1) + 1),
    );
  });

  it("gives fewer parts when a part would be smaller than minPartBytes (default 1 MiB)", async () => {
    const path = folder.newFile(text, ".log");
    expect((await planByteRanges(path, { parts: 4 }))?.ranges).toEqual([
      { start: 0, end: text.length, firstLine: 1 },
    ]);
    const plan = await planByteRanges(path, { parts: 8, minPartBytes: Math.ceil(text.length / 3) });
    expect(plan?.ranges).toHaveLength(2);
  });

  it("plans one empty range for an empty file", async () => {
    const path = folder.newFile(Buffer.alloc(0), ".log");
    expect(await planByteRanges(path, { parts: 3, minPartBytes: 1 })).toEqual({
      format: "text",
      ranges: [{ start: 0, end: 0, firstLine: 1 }],
      partOptions: {},
    });
  });

  it("drops a boundary when no line near the target may start a part", async () => {
    // One long Java stack trace: no line but the first surely starts a record.
    const trace = [
      "2025 ERROR boom",
      ...Array.from({ length: 200 }, (_, index) => `\tat a.B.c(B.java:${index})`),
    ];
    const bytes = Buffer.from(trace.join("\n"));
    const path = folder.newFile(bytes, ".log");
    expect((await planByteRanges(path, { parts: 4, minPartBytes: 1 }))?.ranges).toHaveLength(1);
    expect(
      (await planByteRanges(path, { parts: 4, minPartBytes: 1, multiline: false }))?.ranges,
    ).toHaveLength(4);
  });

  it("resolves the format like ingestLogs: option, extension, else sniffed", async () => {
    const jsonLines = Buffer.from('{"a":1}\n{"a":2}\n');
    expect((await planByteRanges(folder.newFile(jsonLines, ""), { parts: 2 }))?.format).toBe(
      "json",
    );
    expect((await planByteRanges(folder.newFile(jsonLines, ".log"), { parts: 2 }))?.format).toBe(
      "text",
    );
    expect(
      (await planByteRanges(folder.newFile(jsonLines, ".log"), { parts: 2, format: "json" }))
        ?.format,
    ).toBe("json");
  });

  it("never puts a JSON boundary before the first value (its leading whitespace is skipped)", async () => {
    const bytes = Buffer.from(`\n\n\n\n${'  {"a":1}\n'.repeat(5)}`);
    const path = folder.newFile(bytes, ".jsonl");
    const ranges = (await planByteRanges(path, { parts: 6, minPartBytes: 1 }))?.ranges ?? [];
    expect(ranges[1]?.start).toBeGreaterThan(6);
    const { whole, parts } = await wholeAndParts(path, ranges, {
      format: "json",
      deferJsonParsing: true,
    });
    expect(parts).toEqual(whole);
  });

  it.each([
    ["a .gz file", "logs.log.gz", gzipSync(text), {}],
    ["gzip bytes under another name", "logs.log", gzipSync(text), {}],
    ["a JSON array file", "logs.json", Buffer.from('\uFEFF \n [{"a":1},\n{"a":2}]\n'), {}],
  ] as const)("returns null for %s", async (_, name, bytes, options) => {
    const path = folder.file(name, bytes);
    expect(await planByteRanges(path, { parts: 2, minPartBytes: 1, ...options })).toBeNull();
  });

  it('returns null for "-" (stdin), which is not a file path', async () => {
    expect(await planByteRanges("-", { parts: 2 })).toBeNull();
  });

  it("throws a LogSourceError for a missing file and a ConfigError for a bad option", async () => {
    await expect(planByteRanges(`${folder.folder}/missing.log`, { parts: 2 })).rejects.toThrow(
      /Cannot read log file .*ENOENT/,
    );
    const path = folder.newFile(text, ".log");
    for (const options of [
      { parts: 0 },
      { parts: 1.5 },
      { parts: 2, minPartBytes: 0 },
      { parts: 2, format: "xml" },
      { parts: 2, multiline: "yes" },
      { parts: 2, workers: 2 },
    ])
      await expect(planByteRanges(path, options as never)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe("the byteRange option", () => {
  const bytes = Buffer.from("\uFEFFfirst\n\uFEFFsecond\r\nthird\n");
  const path = folder.newFile(bytes, ".log");
  const secondLine = Buffer.from("\uFEFFfirst\n").length;

  it("reads bytes [start, end), numbers lines from firstLine, keeps a byte order mark after the start", async () => {
    const source = ingestLogs(path, {
      format: "text",
      byteRange: { start: secondLine, end: bytes.length, firstLine: 2 },
    });
    expect(source.totalBytes).toBe(bytes.length - secondLine);
    const { records } = await collect(source);
    expect(records.map((record) => [record.line, record.payload])).toEqual([
      [2, "\uFEFFsecond"],
      [3, "third"],
    ]);
    expect(source.bytesRead).toBe(bytes.length - secondLine);
  });

  it("drops the byte order mark at offset 0", async () => {
    const { records } = await collect(
      ingestLogs(path, { format: "text", byteRange: { start: 0, end: secondLine, firstLine: 1 } }),
    );
    expect(records.map((record) => record.payload)).toEqual(["first"]);
  });

  it("yields nothing for an empty range", async () => {
    const source = ingestLogs(path, {
      format: "text",
      byteRange: { start: 3, end: 3, firstLine: 1 },
    });
    expect((await collect(source)).records).toEqual([]);
    expect(source.totalBytes).toBe(0);
  });

  it("reads a JSON array file as JSON Lines", async () => {
    const array = folder.newFile(Buffer.from('[\n{"a":1}\n]\n'), ".json");
    const { records, accounting } = await collect(
      ingestLogs(array, { format: "json", byteRange: { start: 0, end: 12, firstLine: 1 } }),
    );
    expect(records.map((record) => [record.line, record.payload])).toEqual([[2, { a: 1 }]]);
    expect(accounting.skippedByCode).toEqual({ invalid_json: 2 });
  });

  const size = statSync(path).size;
  const range = { start: 0, end: size, firstLine: 1 };
  it.each([
    ["stdin", "-", { format: "text", byteRange: range }],
    [
      "in-memory input",
      { text: "a\n" },
      { format: "text", byteRange: { start: 0, end: 1, firstLine: 1 } },
    ],
    ["a .gz path", "gz", { format: "text", byteRange: { start: 0, end: 1, firstLine: 1 } }],
    ["no format", path, { byteRange: range }],
    ["format auto", path, { format: "auto", byteRange: range }],
    [
      "format csv after byte 0 without csvHeader",
      path,
      { format: "csv", delimiter: ",", byteRange: { start: 1, end: size, firstLine: 1 } },
    ],
    [
      "an end past the file",
      path,
      { format: "text", byteRange: { start: 0, end: size + 1, firstLine: 1 } },
    ],
    ["start > end", path, { format: "text", byteRange: { start: 2, end: 1, firstLine: 1 } }],
    ["a negative start", path, { format: "text", byteRange: { start: -1, end: 1, firstLine: 1 } }],
    ["a fractional end", path, { format: "text", byteRange: { start: 0, end: 1.5, firstLine: 1 } }],
    ["firstLine 0", path, { format: "json", byteRange: { start: 0, end: 1, firstLine: 0 } }],
    ["a missing firstLine", path, { format: "json", byteRange: { start: 0, end: 1 } }],
    ["not an object", path, { format: "json", byteRange: [0, 1, 1] }],
  ])("is a ConfigError naming byteRange with %s", (_, input, options) => {
    const actual = input === "gz" ? folder.file("range.log.gz", gzipSync("a\n")) : input;
    let error: unknown;
    try {
      ingestLogs(actual as never, options as never);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).option).toBe("byteRange");
  });
});

describe.skipIf(REAL_DATA_DIR === null)(
  `real text logs in 4 parts (${REAL_DATA_SKIP_REASON})`,
  () => {
    const textFiles = realDataFiles().filter((file) => formatFromName(file.name) === "text");

    it("there are real text files", () => {
      expect(textFiles.length).toBeGreaterThan(10);
    });

    it.each(textFiles.map((file) => [file.name, file.path] as const))("%s", async (_, path) => {
      const plan = await planByteRanges(path, { parts: 4, minPartBytes: 1 });
      expect(plan?.format).toBe("text");
      const ranges = plan?.ranges ?? [];
      expect(ranges).toHaveLength(4);
      const { whole, parts } = await wholeAndParts(path, ranges, { format: "text" });
      expect(whole.records.length).toBeGreaterThan(0);
      expect(parts).toEqual(whole);
    });
  },
);
