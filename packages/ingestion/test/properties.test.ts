import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IngestOptions, ingestLogs } from "../src/index.js";
import { collect, linesAndPayloads, readableInPieces } from "./helpers.js";

type Format = "text" | "json" | "csv";

/** What a run produced: records and the diagnostics' codes and lines. */
async function outcome(input: Parameters<typeof ingestLogs>[0], options: IngestOptions) {
  const { records, accounting } = await collect(ingestLogs(input, options));
  return {
    records: linesAndPayloads(records),
    diagnostics: accounting.diagnostics.map((diagnostic) => [
      diagnostic.code,
      diagnostic.line,
      diagnostic.value,
    ]),
  };
}

const SAMPLES: Record<Format, string> = {
  text: '\uFEFF2025-01-01 INFO start \u00e9\u20ac\r\n  continued \uD83D\uDE00\r\n\r\nTraceback (most recent call last):\n  File "x.py"\nValueError: bad\nplain \xff line\n\nlast line without newline',
  json: '\n{"a":"\u00e9\u20ac","n":1}\r\n\r\n[1]\n{"b":"\uD83D\uDE00 \\" ,]}"}\nnot json\n{"c":{"d":[1,2]}}',
  csv: 'time;level;msg\r\n1;INFO;"semi;colon"\r\n2;WARN;"two\r\nlines \u20ac"\r\n\r\n3;ERROR\r\n4;DEBUG;"""quoted"""',
};

const JSON_ARRAY_SAMPLE =
  '[\n {"a":"\u00e9\u20ac", "s":"] , } \\""},\n  {"b":[1,{"c":2}]} ,\n 3,\n {"d":"\uD83D\uDE00"}\n]\n';

const LINE_TEXT = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .map((text) => text.replace(/[\r\n]/g, ""));

/** A text log made of records, continuation lines and blank lines. */
const textLog = fc
  .array(
    fc.oneof(
      LINE_TEXT.map((text) => `2025 ${text}`),
      LINE_TEXT.map((text) => `  ${text}`),
      fc.constantFrom(
        "",
        "   ",
        "at a.B.c(D.java:1)",
        "Traceback (most recent call last):",
        "KeyError: 'x'",
        "Caused by: x",
      ),
    ),
    { maxLength: 15 },
  )
  .chain((lines) => fc.tuple(fc.constant(lines), fc.constantFrom("\n", "\r\n"), fc.boolean()))
  .map(([lines, newline, trailing]) => lines.join(newline) + (trailing ? newline : ""));

const jsonLines = fc
  .array(
    fc.oneof(
      fc
        .dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
        .map((object) => JSON.stringify(object)),
      fc.constantFrom("", "[1]", "{bad", "null"),
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.join("\n"));

const csvCell = fc
  .string({
    unit: fc.constantFrom("a", "\u00e9", ",", '"', "\n", "\r\n", " ", "  ", ";"),
    maxLength: 8,
  })
  .map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell));
const csvLog = fc
  .array(fc.array(csvCell, { minLength: 2, maxLength: 3 }), { maxLength: 10 })
  .map((rows) => ["a,b,c", ...rows.map((row) => row.join(","))].join("\r\n"));
const csvWithBlankRows = fc
  .tuple(csvLog, fc.array(fc.nat(), { maxLength: 3 }))
  .map(([log, positions]) => {
    const rows = log.split("\r\n");
    for (const position of positions)
      rows.splice(1 + (position % rows.length), 0, " ".repeat(position % 40));
    return rows.join("\r\n");
  });

const cuts = (length: number) =>
  fc.array(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 8 });

async function expectSplitInvariant(
  content: string | Uint8Array,
  options: IngestOptions,
  cutPoints: number[],
) {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  const whole = await outcome(bytes, options);
  const split = await outcome(readableInPieces(bytes, cutPoints), options);
  expect(split).toEqual(whole);
}

describe("the same input split into chunks yields the same records", () => {
  for (const [format, sample] of [...Object.entries(SAMPLES), ["json", JSON_ARRAY_SAMPLE]] as [
    Format,
    string,
  ][]) {
    it(`${format}: cut at every byte position, and into single bytes (${sample.slice(0, 12).trim()}...)`, async () => {
      const bytes = Buffer.from(sample, "latin1").equals(Buffer.from(sample))
        ? Buffer.from(sample)
        : Buffer.from(sample);
      const options: IngestOptions = { format, maxRecordBytes: 40 };
      const whole = await outcome(bytes, options);
      expect(whole.records.length).toBeGreaterThan(1);
      for (let cut = 1; cut < bytes.length; cut += 1)
        expect(await outcome(readableInPieces(bytes, [cut]), options)).toEqual(whole);
      const everyByte = Array.from({ length: bytes.length }, (_, index) => index);
      expect(await outcome(readableInPieces(bytes, everyByte), options)).toEqual(whole);
    });
  }

  it("text, random logs and random cuts", async () => {
    await fc.assert(
      fc.asyncProperty(
        textLog.chain((log) =>
          fc.tuple(
            fc.constant(log),
            cuts(Buffer.byteLength(log)),
            fc.boolean(),
            fc.integer({ min: 1, max: 60 }),
          ),
        ),
        async ([log, cutPoints, multiline, maxRecordBytes]) =>
          expectSplitInvariant(log, { format: "text", multiline, maxRecordBytes }, cutPoints),
      ),
      { numRuns: 150 },
    );
  });

  it("JSON Lines and JSON arrays, random cuts", async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonLines.chain((log) =>
          fc.tuple(fc.constant(log), cuts(Buffer.byteLength(log)), fc.integer({ min: 1, max: 80 })),
        ),
        async ([log, cutPoints, maxRecordBytes]) => {
          await expectSplitInvariant(log, { format: "json", maxRecordBytes }, cutPoints);
          const array = `[${log
            .split("\n")
            .filter((line) => line.trim() !== "")
            .join(",\n")}]`;
          await expectSplitInvariant(array, { format: "json", maxRecordBytes }, cutPoints);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("CSV, random cuts", async () => {
    await fc.assert(
      fc.asyncProperty(
        csvWithBlankRows.chain((log) =>
          fc.tuple(fc.constant(log), cuts(Buffer.byteLength(log)), fc.integer({ min: 5, max: 80 })),
        ),
        async ([log, cutPoints, maxRecordBytes]) =>
          expectSplitInvariant(log, { format: "csv", maxRecordBytes }, cutPoints),
      ),
      { numRuns: 150 },
    );
  });

  it("arbitrary bytes, every format, random cuts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom<Format>("text", "json", "csv"),
        fc.array(fc.integer({ min: 1, max: 63 }), { maxLength: 6 }),
        async (bytes, format, cutPoints) =>
          expectSplitInvariant(bytes, { format, maxRecordBytes: 16 }, cutPoints),
      ),
      { numRuns: 300 },
    );
  });
});

describe("never throws, nothing lost", () => {
  it("any bytes in any format: records and skips are accounted, lines are in range", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 100 }).map((text) => Buffer.from(text)),
        ),
        fc.constantFrom<IngestOptions["format"]>("auto", "text", "json", "csv"),
        async (bytes, format) => {
          const source = ingestLogs(bytes, { format, maxRecordBytes: 32 });
          const { records, accounting } = await collect(source);
          const physicalLines = Buffer.from(bytes).toString("utf8").split("\n").length;
          for (const record of [...records, ...accounting.diagnostics]) {
            if (record.line === null) continue;
            expect(record.line).toBeGreaterThanOrEqual(1);
            expect(record.line).toBeLessThanOrEqual(physicalLines);
          }
          expect(source.recordsYielded).toBe(records.length);
          expect(accounting.skipped).toBe(
            Object.values(accounting.skippedByCode).reduce((sum, count) => sum + count, 0),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("text without multiline: every non-blank line is a record or a skip", async () => {
    await fc.assert(
      fc.asyncProperty(textLog, fc.integer({ min: 1, max: 40 }), async (log, maxRecordBytes) => {
        const { records, accounting } = await collect(
          ingestLogs({ text: log }, { format: "text", multiline: false, maxRecordBytes }),
        );
        const nonBlank = log
          .split("\n")
          .filter((line) => line.replace(/\r$/, "").trim() !== "").length;
        expect(records.length + accounting.skipped).toBe(nonBlank);
      }),
      { numRuns: 200 },
    );
  });

  it("same input, same output", async () => {
    await fc.assert(
      fc.asyncProperty(textLog, async (log) => {
        expect(await outcome({ text: log }, { format: "text" })).toEqual(
          await outcome({ text: log }, { format: "text" }),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe("equivalent encodings", () => {
  it("CRLF equals LF (text and JSON)", async () => {
    await fc.assert(
      fc.asyncProperty(textLog, jsonLines, async (text, json) => {
        const lf = text.replaceAll("\r\n", "\n");
        expect(await outcome({ text: lf.replaceAll("\n", "\r\n") }, { format: "text" })).toEqual(
          await outcome({ text: lf }, { format: "text" }),
        );
        expect(await outcome({ text: json.replaceAll("\n", "\r\n") }, { format: "json" })).toEqual(
          await outcome({ text: json }, { format: "json" }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("gzip equals plain", async () => {
    await fc.assert(
      fc.asyncProperty(
        textLog,
        fc.constantFrom<Format>("text", "json", "csv"),
        async (log, format) => {
          expect(await outcome(gzipSync(log), { format })).toEqual(
            await outcome({ text: log }, { format }),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it("a JSON array equals JSON Lines of the same objects", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
          { maxLength: 8 },
        ),
        async (objects) => {
          const lines = objects.map((object) => JSON.stringify(object)).join("\n");
          const array = `[${objects.map((object) => JSON.stringify(object)).join(",\n")}]`;
          expect(await outcome({ text: array }, { format: "json" })).toEqual(
            await outcome({ text: lines }, { format: "json" }),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
