import { createReadStream, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON, realDataFiles } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { ingestLogs } from "../src/index.js";
import { collect, linesAndPayloads } from "./helpers.js";

/**
 * Records per real file, checked against `wc -l`: text files have one record
 * per line (the loghub `*_2k.log` files lack a final newline, so `wc -l`
 * says 1999 for 2000 lines); structured CSVs have 2001 lines with the header;
 * no line of these files is a continuation line, so multiline joins nothing.
 */
const EXPECTED: Record<string, { format: "text" | "json" | "csv"; records: number }> = {
  "elastic-examples/apache_logs.head8000.log": { format: "text", records: 8000 },
  "elastic-examples/auth.log": { format: "text", records: 7121 },
  "loki/agent-logfmt.txt": { format: "text", records: 1000 },
  "loki/drone-json.txt": { format: "text", records: 210 },
  "zeek-wrccdc/syslog.json": { format: "json", records: 2378 },
  ...Object.fromEntries(
    [
      "Android",
      "Apache",
      "BGL",
      "HDFS",
      "HPC",
      "Hadoop",
      "HealthApp",
      "Linux",
      "Mac",
      "OpenSSH",
      "OpenStack",
      "Proxifier",
      "Spark",
      "Thunderbird",
      "Windows",
      "Zookeeper",
    ].flatMap((system) => [
      [`loghub/${system}/${system}_2k.log`, { format: "text", records: 2000 }],
      [`loghub/${system}/${system}_2k.log_structured.csv`, { format: "csv", records: 2000 }],
    ]),
  ),
};

/** What a sniffing reader (no file name) decides for each file: drone-json.txt is JSON Lines inside. */
const SNIFFED: Record<string, string> = { "loki/drone-json.txt": "json" };

describe.skipIf(REAL_DATA_DIR === null)(`real sample logs (${REAL_DATA_SKIP_REASON})`, () => {
  const files = realDataFiles();

  it("every data file has an expected count", () => {
    expect(files.map((file) => file.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files.map((file) => [file.name, file.path] as const))("%s", async (name, path) => {
    const expected = EXPECTED[name];
    const source = ingestLogs(path);
    const { records, accounting } = await collect(source);
    expect(source.format).toBe(expected?.format);
    expect(records).toHaveLength(expected?.records ?? -1);
    expect(accounting.skipped).toBe(0);
    expect(accounting.notedByCode).toEqual({});
    expect(source.bytesRead).toBe(source.totalBytes);
    const lineNumbers = records.map((record) => record.line);
    expect(
      lineNumbers.every((line, index) => index === 0 || line > (lineNumbers[index - 1] ?? 0)),
    ).toBe(true);

    const content = readFileSync(path, "utf8");
    const lines = content.split(/\r?\n/);
    if (expected?.format === "text") {
      const nonBlank = lines
        .map((line, index) => [index + 1, line] as const)
        .filter(([, line]) => line.trim() !== "");
      expect(linesAndPayloads(records)).toEqual(nonBlank);
    }
    if (expected?.format === "csv") {
      const header = (lines[0] ?? "").split(",").join();
      const mismatches = records.filter(
        (record) =>
          Object.keys(record.payload).join() !== header ||
          (record.payload as Record<string, string>)["LineId"] !== String(record.line - 1),
      );
      expect(mismatches).toEqual([]);
    }
    if (expected?.format === "json")
      expect(records.map((record) => record.payload)).toEqual(
        lines.filter((line) => line.trim() !== "").map((line) => JSON.parse(line)),
      );

    const flat = await collect(ingestLogs(path, { multiline: false }));
    expect(flat.records).toHaveLength(records.length);

    const sniffed = ingestLogs(createReadStream(path));
    const fromStream = await collect(sniffed);
    expect(sniffed.format).toBe(SNIFFED[name] ?? expected?.format);
    if (SNIFFED[name] === undefined)
      expect(linesAndPayloads(fromStream.records)).toEqual(linesAndPayloads(records));
  });

  it("loki/drone-json.txt read as JSON gives 210 objects", async () => {
    const file = files.find((candidate) => candidate.name === "loki/drone-json.txt");
    const { records, accounting } = await collect(ingestLogs(file?.path ?? "", { format: "json" }));
    expect(records).toHaveLength(210);
    expect(accounting.skipped).toBe(0);
  });

  it("gzip of a real CRLF file equals the file", async () => {
    const file = files.find(
      (candidate) => candidate.name === "loghub/HDFS/HDFS_2k.log_structured.csv",
    );
    const plain = await collect(ingestLogs(file?.path ?? ""));
    const zipped = await collect(
      ingestLogs(gzipSync(readFileSync(file?.path ?? "")), { sourceName: "HDFS.csv.gz" }),
    );
    expect(linesAndPayloads(zipped.records)).toEqual(linesAndPayloads(plain.records));
  });
});
