import { chmodSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ConfigError, LogfeatError } from "@logfeat/schema";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  CSVLogSource,
  FORMAT_BY_EXTENSION,
  formatFromName,
  ingestLogs,
  JSONLogSource,
  LogSourceError,
  sniffFormat,
  TextLogSource,
} from "../src/index.js";
import { collect, linesAndPayloads, readableInPieces, temporaryFolder } from "./helpers.js";

const temporary = temporaryFolder();
afterAll(() => temporary.remove());

const TEXT =
  "2025-02-07T10:15:30.123Z ERROR [api] boom\n  detail\n\n2025-02-07T10:15:31.000Z INFO [api] ok\n";
const JSON_LINES = '{"level":"info","msg":"a"}\n{"level":"error","msg":"b"}\n';
const CSV = "level,msg\ninfo,a\nerror,b\n";

describe("inputs", () => {
  it("a path, a Readable, a Uint8Array and { text } give the same records", async () => {
    const path = temporary.file("same.log", TEXT);
    const fromPath = await collect(ingestLogs(path));
    const fromStream = await collect(
      ingestLogs(readableInPieces(Buffer.from(TEXT), [5, 50]), { format: "text" }),
    );
    const fromBytes = await collect(ingestLogs(new TextEncoder().encode(TEXT), { format: "text" }));
    const fromText = await collect(ingestLogs({ text: TEXT }, { format: "text" }));
    expect(fromPath.records).toHaveLength(2);
    for (const other of [fromStream, fromBytes, fromText])
      expect(linesAndPayloads(other.records)).toEqual(linesAndPayloads(fromPath.records));
    expect(fromPath.records[0]?.source).toBe(path);
    expect(fromStream.records[0]?.source).toBe("<stdin>");
    expect(fromBytes.records[0]?.source).toBe("<memory>");
  });

  it('"-" reads stdin', async () => {
    const stdin = readableInPieces(Buffer.from(TEXT), [3]);
    vi.spyOn(process, "stdin", "get").mockReturnValue(stdin as typeof process.stdin);
    const source = ingestLogs("-", { format: "text" });
    expect(source.totalBytes).toBeNull();
    const { records } = await collect(source);
    const fromFile = await collect(ingestLogs(temporary.file("stdin-twin.log", TEXT)));
    expect(linesAndPayloads(records)).toEqual(linesAndPayloads(fromFile.records));
    expect(records[0]?.source).toBe("<stdin>");
  });

  it("sourceName overrides the source of records and diagnostics", async () => {
    const source = ingestLogs({ text: '{"a":1}\nbad\n' }, { format: "json", sourceName: "app" });
    const { records, accounting } = await collect(source);
    expect(source.sourceName).toBe("app");
    expect(records[0]?.source).toBe("app");
    expect(accounting.diagnostics[0]?.source).toBe("app");
  });

  it("a missing file throws a LogSourceError naming the path at construction", () => {
    const path = join(temporary.folder, "missing.log");
    let thrown: unknown;
    try {
      ingestLogs(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LogSourceError);
    expect(LogfeatError.isInstance(thrown)).toBe(true);
    expect((thrown as LogSourceError).code).toBe("ENOENT");
    expect((thrown as LogSourceError).path).toBe(path);
    expect((thrown as Error).message).toContain(path);
    expect((thrown as Error).message).toContain("ENOENT");
    expect(() => new CSVLogSource(path)).toThrow(LogSourceError);
  });

  it("a file removed after creation fails on the first iteration step with a LogSourceError", async () => {
    const path = temporary.file("vanishing.log", "x\n");
    const source = ingestLogs(path);
    rmSync(path);
    await expect(collect(source)).rejects.toThrow(LogSourceError);
    await expect(
      collect(ingestLogs(temporary.file("vanishing-2.log", "x\n"))),
    ).resolves.toBeDefined();
  });

  it("a directory throws EISDIR", () => {
    const path = join(temporary.folder, "folder.log");
    mkdirSync(path);
    expect(() => ingestLogs(path)).toThrow(/EISDIR/);
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable file throws EACCES", () => {
    const path = temporary.file("secret.log", "x\n");
    chmodSync(path, 0o000);
    expect(() => ingestLogs(path)).toThrow(/EACCES/);
  });

  it("a 0-byte file yields nothing without error", async () => {
    for (const name of ["empty.log", "empty.json", "empty.csv", "empty.out"]) {
      const source = ingestLogs(temporary.file(name, ""));
      const { records, accounting } = await collect(source);
      expect(records).toEqual([]);
      expect(accounting.skipped).toBe(0);
      expect(source.bytesRead).toBe(0);
    }
  });

  it.each([
    [42, "input"],
    ["", "input"],
    [null, "input"],
    [{ txt: "x" }, "input"],
  ])("rejects the input %j with a ConfigError", (input, option) => {
    expect(() => ingestLogs(input as never)).toThrow(ConfigError);
    try {
      ingestLogs(input as never);
    } catch (error) {
      expect((error as ConfigError).option).toBe(option);
    }
  });
});

describe("gzip", () => {
  it.each([
    ["app.log", TEXT],
    ["app.jsonl", JSON_LINES],
    ["app.csv", CSV],
  ])("%s.gz equals %s", async (name, content) => {
    const plain = await collect(ingestLogs(temporary.file(name, content)));
    const gzipPath = temporary.file(`${name}.gz`, gzipSync(content));
    const source = ingestLogs(gzipPath);
    const zipped = await collect(source);
    expect(zipped.records.length).toBeGreaterThan(0);
    expect(linesAndPayloads(zipped.records)).toEqual(linesAndPayloads(plain.records));
    expect(source.format).toBe(plain.records[0]?.format);
    expect(source.bytesRead).toBe(source.totalBytes);
  });

  it("gzip is recognised by its magic bytes on a stream and sniffed inside", async () => {
    const source = ingestLogs(readableInPieces(gzipSync(JSON_LINES), [1, 7]));
    const { records } = await collect(source);
    expect(source.format).toBe("json");
    expect(records.map((record) => record.payload)).toEqual([
      { level: "info", msg: "a" },
      { level: "error", msg: "b" },
    ]);
  });

  it("a truncated gzip file keeps what was decoded and notes the failure", async () => {
    const lines = Array.from(
      { length: 2000 },
      (_, index) => `line ${index} ${"x".repeat(index % 50)}`,
    ).join("\n");
    const compressed = gzipSync(lines);
    const path = temporary.file(
      "cut.log.gz",
      compressed.subarray(0, Math.floor(compressed.length * 0.6)),
    );
    const { records, accounting } = await collect(ingestLogs(path));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(2000);
    expect(
      records.every(
        (record, index) =>
          record.payload === `line ${index} ${"x".repeat(index % 50)}` ||
          index === records.length - 1,
      ),
    ).toBe(true);
    expect(accounting.notedByCode).toEqual({ decompression_failed: 1 });
    expect(accounting.skipped).toBe(0);
  });
});

describe("format", () => {
  it.each(Object.entries(FORMAT_BY_EXTENSION))("%s means %s", (extension, format) => {
    expect(formatFromName(`x${extension}`)).toBe(format);
    expect(formatFromName(`dir.d/X${extension.toUpperCase()}.gz`)).toBe(format);
  });

  it.each(["x.out", "x", "x.gz", "dir.log/x", ".log", "x.log.1"])("%s says nothing", (name) => {
    expect(formatFromName(name)).toBeNull();
  });

  it.each([
    ["JSON Lines", '{"a":1}\n{"a":2}\n', "json"],
    ["JSON array", '[\n  {"a":1}\n]', "json"],
    ["JSON object starting with a space", '{ "a": 1 }\n', "json"],
    ["CSV", "time,level,message\n1,INFO,hi\n2,WARN,ho\n", "csv"],
    ["TSV", "time\tlevel\n1\tINFO\n", "csv"],
    ["bracketed text log", "[Sun Dec 04 04:47:44 2005] [notice] started\n", "text"],
    [
      "Proxifier line",
      "[10.30 16:49:06] chrome.exe *64 - proxy.cse.cuhk.edu.hk:5070 open\n",
      "text",
    ],
    ["text with commas", "2025-01-01 INFO a, b, c\n2025-01-01 INFO d, e, f\n", "text"],
    ["a single line with a comma", "hello, world\n", "text"],
    ["logfmt", "ts=2024-04-16T15:10:44Z level=info msg=hi\n", "text"],
    ["brace text", "{not json} at all\n", "text"],
    ["empty", "", "text"],
  ] as const)("sniffs %s as %s", (_name, sample, format) => {
    expect(sniffFormat(sample, true)).toBe(format);
  });

  it("format is known at construction from the extension, after the first step when sniffed", async () => {
    const byName = ingestLogs(temporary.file("known.csv", CSV));
    expect(byName.format).toBe("csv");
    const sniffed = ingestLogs(temporary.file("unknown.out", JSON_LINES));
    expect(sniffed.format).toBeNull();
    const { records } = await collect(sniffed);
    expect(sniffed.format).toBe("json");
    expect(records).toHaveLength(2);
  });

  it("an explicit format wins over the extension", async () => {
    const source = ingestLogs(temporary.file("really-json.txt", JSON_LINES), { format: "json" });
    expect(source.format).toBe("json");
    expect((await collect(source)).records[0]?.payload).toEqual({ level: "info", msg: "a" });
  });

  it("a stream's sourceName extension picks the format", async () => {
    const source = ingestLogs(readableInPieces(Buffer.from(CSV), []), { sourceName: "upload.csv" });
    expect(source.format).toBe("csv");
  });
});

describe("options", () => {
  it.each([
    [{ format: "xml" }, "format", /"auto", "text", "json", "csv"/],
    [{ maxRecordBytes: 0 }, "maxRecordBytes", /positive integer/],
    [{ maxRecordBytes: 1.5 }, "maxRecordBytes", /positive integer/],
    [{ chunkSize: -1 }, "chunkSize", /positive integer/],
    [{ multiline: "yes" }, "multiline", /true or false/],
    [{ delimiter: "" }, "delimiter", /non-empty/],
    [{ delimiter: '"' }, "delimiter", /double quotes/],
    [{ sourceName: "" }, "sourceName", /non-empty/],
    [{ onDiagnostic: 1 }, "onDiagnostic", /function/],
    [{ maxDiagnostics: -1 }, "maxDiagnostics", /non-negative/],
    [{ formt: "json" }, "formt", /known options/],
  ])("%j throws a ConfigError naming %s", (options, option, message) => {
    let thrown: unknown;
    try {
      ingestLogs({ text: "" }, options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).option).toBe(option);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).toContain(`"${option}"`);
  });

  it("per-format classes accept only their options", () => {
    expect(() => new JSONLogSource({ text: "" }, { multiline: true } as never)).toThrow(
      /multiline/,
    );
    expect(() => new TextLogSource({ text: "" }, { delimiter: ";" } as never)).toThrow(/delimiter/);
    expect(() => new CSVLogSource({ text: "" }, { format: "csv" } as never)).toThrow(/format/);
  });

  it("undefined options are defaults", async () => {
    const source = ingestLogs(
      { text: "a\n" },
      { format: undefined, multiline: undefined, sourceName: undefined },
    );
    expect((await collect(source)).records).toHaveLength(1);
  });

  it("onDiagnostic sees every diagnostic; maxDiagnostics caps the list", async () => {
    const seen: string[] = [];
    const source = ingestLogs(
      { text: "1\n2\n3\n{}\n" },
      {
        format: "json",
        maxDiagnostics: 1,
        onDiagnostic: (diagnostic) => seen.push(diagnostic.code),
      },
    );
    const { records, accounting } = await collect(source);
    expect(records).toHaveLength(1);
    expect(seen).toEqual(["not_an_object", "not_an_object", "not_an_object"]);
    expect(accounting.diagnostics).toHaveLength(1);
    expect(accounting.diagnosticsOmitted).toBe(2);
    expect(accounting.skipped).toBe(3);
  });
});

describe("iteration", () => {
  const many = Array.from({ length: 10_000 }, (_, index) => `line ${index}`).join("\n");

  it("chunks() yields arrays of at most chunkSize", async () => {
    const source = ingestLogs({ text: many }, { format: "text", chunkSize: 1000 });
    const sizes: number[] = [];
    for await (const chunk of source.chunks()) sizes.push(chunk.length);
    expect(sizes.every((size) => size > 0 && size <= 1000)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(10_000);
    expect(source.recordsYielded).toBe(10_000);
    expect(source.bytesRead).toBe(source.totalBytes);
  });

  it("record-by-record iteration gives the same records", async () => {
    const records = [];
    const source = ingestLogs({ text: many }, { format: "text" });
    for await (const record of source) records.push(record);
    expect(records).toHaveLength(10_000);
    expect(records[9999]).toEqual({
      source: "<memory>",
      line: 10_000,
      format: "text",
      payload: "line 9999",
    });
    expect(source.recordsYielded).toBe(10_000);
  });

  it("a source can be iterated once", async () => {
    const source = ingestLogs({ text: "a\n" }, { format: "text" });
    await collect(source);
    await expect(collect(source)).rejects.toThrow(/iterated once/);
  });

  it("stopping early is allowed", async () => {
    const path = temporary.file("early.log", many);
    const source = ingestLogs(path);
    for await (const record of source) {
      expect(record.line).toBe(1);
      break;
    }
    expect(source.recordsYielded).toBe(1);
  });
});
