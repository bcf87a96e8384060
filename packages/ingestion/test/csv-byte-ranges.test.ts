import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import {
  type BatchAccounting,
  ConfigError,
  emptyAccounting,
  mergeAccounting,
  type RawRecord,
} from "@logfeat/schema";
import {
  REAL_DATA_DIR,
  REAL_DATA_SKIP_REASON,
  REPO_ROOT,
  realDataFiles,
} from "@logfeat/test-support";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  type ByteRange,
  type CsvHeaderOption,
  type FilePlan,
  type IngestOptions,
  ingestLogs,
  planByteRanges,
} from "../src/index.js";
import { collect, temporaryFolder } from "./helpers.js";

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** The records and accounting of the planned parts, read as the pipeline reads them, concatenated. */
async function readParts(
  path: string,
  plan: FilePlan,
  options: IngestOptions,
): Promise<{ records: RawRecord[]; accounting: BatchAccounting }> {
  const records: RawRecord[] = [];
  let accounting = emptyAccounting();
  for (const byteRange of plan.ranges) {
    const part = await collect(
      ingestLogs(path, { ...options, format: plan.format, byteRange, ...plan.partOptions }),
    );
    records.push(...part.records);
    accounting = mergeAccounting(accounting, part.accounting);
  }
  return { records, accounting };
}

/** Ranges are contiguous, cover the file, start after a line feed and number lines like the file. */
function expectValidRanges(bytes: Buffer, ranges: readonly ByteRange[]): void {
  expect(ranges[0]?.start).toBe(0);
  expect(ranges.at(-1)?.end).toBe(bytes.length);
  for (const [index, range] of ranges.entries()) {
    if (index === 0) continue;
    expect(range.start).toBe(ranges[index - 1]?.end);
    expect(range.start).toBeLessThan(range.end);
    expect(bytes[range.start - 1]).toBe(10);
    let lineFeeds = 0;
    for (let offset = 0; offset < range.start; offset += 1)
      if (bytes[offset] === 10) lineFeeds += 1;
    expect(range.firstLine).toBe(lineFeeds + 1);
  }
}

// ---------- generated CSV ----------

const WORD = fc.constantFrom("ok", "boom", "x=1", "\u00e9t\u00e9", "\uD83D\uDE00", "a b");

/** A well-formed field: plain, empty, quoted with delimiters, escaped quotes and line breaks inside. */
function field(delimiter: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: WORD, weight: 4 },
    { arbitrary: fc.constantFrom("", " ", '""'), weight: 1 },
    { arbitrary: WORD.map((word) => `"${word}${delimiter}more"`), weight: 2 },
    { arbitrary: WORD.map((word) => `"say ""${word}"""`), weight: 2 },
    { arbitrary: fc.constantFrom("\n", "\r\n", "\n\n").map((lf) => `"one${lf}two"`), weight: 2 },
    { arbitrary: fc.constantFrom('"\n"', '"ends\n"', '"""\n"""'), weight: 1 },
    { arbitrary: fc.integer({ min: 40, max: 160 }).map((n) => `"${"q".repeat(n)}"`), weight: 1 },
  );
}

/** Malformed quoting, read by papaparse its own way. */
const MALFORMED_FIELD = fc.constantFrom('ab"c', '"ab"c', '"unclosed', ' "x"', '"x" ', '"x"\r');

/** A line of a CSV file (without its line ending). */
function csvLine(delimiter: string, width: number, malformed: boolean): fc.Arbitrary<string> {
  const row = (length: fc.Arbitrary<number>) =>
    length.chain((count) => fc.array(field(delimiter), { minLength: count, maxLength: count }));
  const kinds: fc.WeightedArbitrary<string>[] = [
    { arbitrary: row(fc.constant(width)).map((fields) => fields.join(delimiter)), weight: 12 },
    {
      arbitrary: row(fc.integer({ min: 1, max: width + 2 })).map((fields) =>
        fields.join(delimiter),
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom("", "  ", "\t"), weight: 2 },
  ];
  if (malformed)
    kinds.push({
      arbitrary: fc
        .tuple(row(fc.constant(width - 1)), MALFORMED_FIELD, fc.nat(width - 1))
        .map(([fields, bad, at]) => {
          fields.splice(at, 0, bad);
          return fields.join(delimiter);
        }),
      weight: 1,
    });
  return fc.oneof(...kinds);
}

const HEADER_CELL = fc.constantFrom(
  "time",
  "level",
  "msg",
  "msg",
  "",
  " a ",
  '"h, q"',
  '"two\nlines"',
  '"two\r\nlines"',
  "__proto__",
);

interface CsvCase {
  bytes: Buffer;
  delimiter: string;
  /** How the file is named and what options say its format and delimiter. */
  naming: "csv-with-delimiter" | "csv-detected" | "tsv" | "format-option";
}

const CSV_FILE: fc.Arbitrary<CsvCase> = fc
  .record({
    delimiter: fc.constantFrom(",", "\t", ";", "|"),
    width: fc.integer({ min: 2, max: 4 }),
    malformed: fc.boolean(),
    crlf: fc.boolean(),
    mixedLineEndings: fc.boolean(),
    byteOrderMark: fc.boolean(),
    finalLineEnding: fc.boolean(),
    naming: fc.constantFrom("csv-with-delimiter", "csv-detected", "tsv", "format-option"),
  } as const)
  .chain((settings) =>
    fc
      .record({
        header: fc.array(HEADER_CELL, {
          minLength: settings.width,
          maxLength: settings.width,
        }),
        lines: fc.array(
          fc.tuple(
            csvLine(settings.delimiter, settings.width, settings.malformed),
            fc.integer({ min: 0, max: 9 }),
          ),
          { maxLength: 40 },
        ),
      })
      .map(({ header, lines }) => {
        const ending = (pick: number): string =>
          settings.crlf !== (settings.mixedLineEndings && pick === 0) ? "\r\n" : "\n";
        let text = settings.byteOrderMark ? "\uFEFF" : "";
        text += header.join(settings.delimiter);
        lines.forEach(([line, pick], index) => {
          text += ending(pick) + line;
          if (index === lines.length - 1 && settings.finalLineEnding) text += ending(pick);
        });
        // `.tsv` and the format option say tab; other delimiters are given or detected.
        const naming =
          settings.delimiter !== "\t" &&
          (settings.naming === "tsv" || settings.naming === "format-option")
            ? "csv-with-delimiter"
            : settings.naming;
        return { bytes: Buffer.from(text), delimiter: settings.delimiter, naming };
      }),
  );

/** The file of a case and the options a user would give to read it whole. */
function caseFile(csv: CsvCase): { path: string; options: IngestOptions } {
  switch (csv.naming) {
    case "tsv":
      return { path: folder.newFile(csv.bytes, ".tsv"), options: {} };
    case "csv-detected":
      return { path: folder.newFile(csv.bytes, ".csv"), options: {} };
    case "format-option":
      return {
        path: folder.newFile(csv.bytes, ".log"),
        options: { format: "csv", delimiter: "\t" },
      };
    default:
      return { path: folder.newFile(csv.bytes, ".csv"), options: { delimiter: csv.delimiter } };
  }
}

describe("CSV: planByteRanges + byteRange + partOptions give the records of the whole file", () => {
  it("generated CSV and TSV: quoted fields, CRLF, BOM, wrong widths, blank lines, malformed quoting", async () => {
    let split = 0;
    await fc.assert(
      fc.asyncProperty(
        CSV_FILE,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 64 }),
        fc.oneof(fc.integer({ min: 30, max: 150 }), fc.constant(1000)),
        async (csv, parts, minPartBytes, maxRecordBytes) => {
          const { path, options } = caseFile(csv);
          const plan = await planByteRanges(path, {
            parts,
            minPartBytes,
            maxRecordBytes,
            ...(options.format === undefined ? {} : { format: options.format }),
            ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
          });
          expect(plan?.format).toBe("csv");
          const ranges = plan?.ranges ?? [];
          expectValidRanges(csv.bytes, ranges);
          expect(ranges.length).toBeLessThanOrEqual(parts);
          if (ranges.length > 1) split += 1;
          const readOptions = { ...options, maxRecordBytes, maxDiagnostics: 10_000 };
          const whole = await collect(ingestLogs(path, readOptions));
          expect(await readParts(path, plan as FilePlan, readOptions)).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
    // The property is not vacuous: most files get several parts.
    expect(split).toBeGreaterThan(100);
  });
});

describe("planByteRanges on CSV", () => {
  const rows = Array.from(
    { length: 200 },
    (_, index) => `2025-01-01T00:00:${index},INFO,"line ${index}\nsecond, ""quoted"" line"`,
  );
  const text = `time,level,msg\n${rows.join("\n")}\n`;
  const bytes = Buffer.from(text);

  it("splits at row starts, never at a line break inside a quoted field", async () => {
    const path = folder.newFile(bytes, ".csv");
    const plan = await planByteRanges(path, { parts: 4, minPartBytes: 100 });
    expect(plan?.format).toBe("csv");
    expect(plan?.partOptions).toEqual({
      delimiter: ",",
      csvHeader: { columns: ["time", "level", "msg"], line: 1, newline: "\n" },
    });
    const ranges = plan?.ranges ?? [];
    expect(ranges).toHaveLength(4);
    expectValidRanges(bytes, ranges);
    for (const range of ranges.slice(1))
      expect(bytes.toString("utf8", range.start, range.start + 4)).toBe("2025");
    const whole = await collect(ingestLogs(path));
    expect(whole.records).toHaveLength(200);
    expect(await readParts(path, plan as FilePlan, {})).toEqual(whole);
  });

  it("splits a file of many read blocks: CRLF, multi-line and long quoted fields across blocks", async () => {
    const long = `"${"x".repeat(300_000)}\r\n${"y".repeat(300_000)}"`;
    // Lines longer than a read block: the scan holds more than one block.
    const huge = `"${"x".repeat(1_500_000)}\r\n${"y".repeat(1_500_000)}"`;
    const lines = Array.from({ length: 30_000 }, (_, index) =>
      index % 5000 === 17
        ? `${index};${index === 20_017 ? huge : long};z`
        : `${index};"a;${index}\r\nb ""q""";${index % 7 === 0 ? "" : "plain"}`,
    );
    const big = Buffer.from(`n;text;more\r\n${lines.join("\r\n")}\r\n`);
    const path = folder.newFile(big, ".csv");
    const plan = (await planByteRanges(path, { parts: 5, minPartBytes: 1 })) as FilePlan;
    // The 3 MB row spans a whole target window: that part is merged into the one before.
    expect(plan.ranges).toHaveLength(4);
    expect(plan.ranges.at(-1)?.start).toBeGreaterThan(big.indexOf("20017;"));
    expectValidRanges(big, plan.ranges);
    const options = { maxRecordBytes: 4_000_000 };
    const whole = await collect(ingestLogs(path, options));
    expect(whole.records).toHaveLength(30_000);
    expect(await readParts(path, plan, options)).toEqual(whole);
  });

  it("gives the header as the reader derives it: BOM, blank lines first, duplicates, CRLF, tab", async () => {
    const tsv = "\uFEFF\r\n  \r\nid\tid\t\tname \r\n1\t2\t3\t4\r\n5\t6\t7\t8\r\n";
    const path = folder.newFile(tsv.repeat(1), ".tsv");
    const plan = await planByteRanges(path, { parts: 2, minPartBytes: 1 });
    expect(plan?.partOptions).toEqual({
      delimiter: "\t",
      csvHeader: { columns: ["id", "id_1", "column_3", "name"], line: 3, newline: "\r\n" },
    });
    expect(plan?.ranges.map((range) => range.firstLine)).toEqual([1, 4]);
    const whole = await collect(ingestLogs(path));
    expect(whole.accounting.notedByCode).toEqual({ duplicate_header: 1 });
    expect(await readParts(path, plan as FilePlan, {})).toEqual(whole);
  });

  it("places no boundary after malformed quoting", async () => {
    const lines = Array.from({ length: 40 }, (_, index) => `${index},a,b`);
    lines[20] = '20,a"b,c';
    const malformed = Buffer.from(`n,x,y\n${lines.join("\n")}\n`);
    const path = folder.newFile(malformed, ".csv");
    const plan = await planByteRanges(path, { parts: 6, minPartBytes: 1 });
    const anomaly = malformed.indexOf('20,a"b');
    const starts = plan?.ranges.slice(1).map((range) => range.start) ?? [];
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) expect(start).toBeLessThanOrEqual(anomaly);
    expect(plan?.ranges.at(-1)?.start).toBeLessThan(anomaly);
  });

  it("with CRLF rows, places no boundary after a bare line feed", async () => {
    const lines = Array.from({ length: 40 }, (_, index) => `${index},a,b`);
    const crlf = Buffer.from(
      `n,x,y\r\n${lines.slice(0, 20).join("\r\n")}\n${lines.slice(20).join("\r\n")}\r\n`,
    );
    const path = folder.newFile(crlf, ".csv");
    const plan = await planByteRanges(path, { parts: 6, minPartBytes: 1 });
    const bareLineFeed = crlf.indexOf("19,a,b\n");
    for (const range of plan?.ranges.slice(1) ?? []) expect(range.start).toBeLessThan(bareLineFeed);
    const whole = await collect(ingestLogs(path));
    expect(await readParts(path, plan as FilePlan, {})).toEqual(whole);
  });

  it("plans one range without partOptions for a file without a header row", async () => {
    const path = folder.newFile(" \n\n", ".csv");
    expect(await planByteRanges(path, { parts: 2, minPartBytes: 1 })).toEqual({
      format: "csv",
      ranges: [{ start: 0, end: 3, firstLine: 1 }],
      partOptions: {},
    });
  });

  it("resolves CSV like ingestLogs: option, extension, sniffing; delimiter option, .tsv", async () => {
    const sniffed = folder.newFile("time,level,msg\n1,INFO,a\n2,WARN,b\n3,INFO,c\n", "");
    expect((await planByteRanges(sniffed, { parts: 2, minPartBytes: 1 }))?.format).toBe("csv");
    const semicolons = folder.newFile("a;b\n1;2\n3;4\n", ".log");
    const plan = await planByteRanges(semicolons, {
      parts: 2,
      minPartBytes: 1,
      format: "csv",
      delimiter: ";",
    });
    expect(plan?.partOptions.delimiter).toBe(";");
  });

  it("throws a ConfigError for a bad delimiter or maxRecordBytes", async () => {
    const path = folder.newFile(bytes, ".csv");
    for (const options of [
      { parts: 2, delimiter: "" },
      { parts: 2, delimiter: '"' },
      { parts: 2, maxRecordBytes: 0 },
    ])
      await expect(planByteRanges(path, options as never)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe("the csvHeader option", () => {
  const path = folder.newFile("a,b\n1,2\n3,4\n", ".csv");
  const csvHeader: CsvHeaderOption = { columns: ["a", "b"], line: 1, newline: "\n" };

  it("reads the rows of a range after the header with the given columns", async () => {
    const { records } = await collect(
      ingestLogs(path, {
        format: "csv",
        delimiter: ",",
        csvHeader,
        byteRange: { start: 8, end: 12, firstLine: 3 },
      }),
    );
    expect(records.map((record) => [record.line, record.payload])).toEqual([
      [3, { a: "3", b: "4" }],
    ]);
  });

  it.each([
    ["without byteRange", { format: "csv", delimiter: ",", csvHeader }],
    [
      "without delimiter",
      { format: "csv", csvHeader, byteRange: { start: 4, end: 12, firstLine: 2 } },
    ],
    [
      "with format text",
      { format: "text", delimiter: ",", csvHeader, byteRange: { start: 4, end: 12, firstLine: 2 } },
    ],
    [
      "with a header line not before the range",
      { format: "csv", delimiter: ",", csvHeader, byteRange: { start: 4, end: 12, firstLine: 1 } },
    ],
    ...[
      { ...csvHeader, columns: [] },
      { ...csvHeader, columns: ["a", "a"] },
      { ...csvHeader, columns: ["a", ""] },
      { ...csvHeader, line: 0 },
      { ...csvHeader, newline: "\r" },
      "a,b",
    ].map(
      (bad) =>
        [
          `shaped ${JSON.stringify(bad)}`,
          {
            format: "csv",
            delimiter: ",",
            csvHeader: bad,
            byteRange: { start: 4, end: 12, firstLine: 2 },
          },
        ] as const,
    ),
  ] as [string, unknown][])("is a ConfigError naming csvHeader %s", (_, options) => {
    expect(() => ingestLogs(path, options as never)).toThrow(
      expect.objectContaining({ option: "csvHeader" }),
    );
  });
});

describe.skipIf(REAL_DATA_DIR === null)(
  `real CSV files in 4 parts (${REAL_DATA_SKIP_REASON})`,
  () => {
    const csvFiles = realDataFiles().filter((file) => /\.(csv|tsv)$/i.test(file.name));

    it("there are real CSV files", () => {
      expect(csvFiles.length).toBeGreaterThan(10);
    });

    it.each(csvFiles.map((file) => [file.name, file.path] as const))("%s", async (_, path) => {
      const plan = await planByteRanges(path, { parts: 4, minPartBytes: 1 });
      expect(plan?.format).toBe("csv");
      expect(plan?.ranges).toHaveLength(4);
      const whole = await collect(ingestLogs(path));
      expect(whole.records.length).toBeGreaterThan(0);
      expect(await readParts(path, plan as FilePlan, {})).toEqual(whole);
    });
  },
);

const CORPUS = `${REPO_ROOT}/bench/corpus/logs-1000000-seed42.csv`;

/** Record count and a SHA-256 of the records (line and payload) of the sources, in order. */
async function digest(
  sources: readonly ReturnType<typeof ingestLogs>[],
): Promise<{ records: number; hash: string; accounting: BatchAccounting }> {
  const hash = createHash("sha256");
  let records = 0;
  let accounting = emptyAccounting();
  for (const source of sources) {
    for await (const chunk of source.chunks())
      for (const record of chunk) {
        records += 1;
        hash.update(`${record.line}\u0000${JSON.stringify(record.payload)}\n`);
      }
    accounting = mergeAccounting(accounting, source.accounting());
  }
  return { records, hash: hash.digest("hex"), accounting };
}

describe.skipIf(!existsSync(CORPUS))(
  "the 1M-record bench CSV in 16 parts (bench/corpus, made by the bench generator)",
  () => {
    it("gives the records and accounting of the whole file", async () => {
      const plan = (await planByteRanges(CORPUS, { parts: 16 })) as FilePlan;
      expect(plan.ranges).toHaveLength(16);
      const whole = await digest([ingestLogs(CORPUS, { maxDiagnostics: 100_000 })]);
      const parts = await digest(
        plan.ranges.map((byteRange) =>
          ingestLogs(CORPUS, {
            format: plan.format,
            byteRange,
            ...plan.partOptions,
            maxDiagnostics: 100_000,
          }),
        ),
      );
      expect(whole.records).toBeGreaterThan(990_000);
      expect(parts).toEqual(whole);
    }, 60_000);
  },
);
