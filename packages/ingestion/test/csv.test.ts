import { describe, expect, it } from "vitest";
import { CSVLogSource, ingestLogs } from "../src/index.js";
import { collect } from "./helpers.js";

async function csvRecords(
  text: string,
  options: { delimiter?: string; maxRecordBytes?: number } = {},
) {
  const { records, accounting } = await collect(new CSVLogSource({ text }, options));
  return {
    records: records.map((record) => [record.line, record.payload] as const),
    accounting,
  };
}

describe("CSV", () => {
  it("header row gives the keys; line is the physical line", async () => {
    const { records, accounting } = await csvRecords(
      "time,level,msg\nt1,INFO,hello\nt2,ERROR,bye\n",
    );
    expect(records).toEqual([
      [2, { time: "t1", level: "INFO", msg: "hello" }],
      [3, { time: "t2", level: "ERROR", msg: "bye" }],
    ]);
    expect(accounting.skipped).toBe(0);
  });

  it("quoted fields hold delimiters, doubled quotes and line breaks", async () => {
    const text = 'a,b\n"x, y","say ""hi"""\n"multi\nline\r\ntext",z\nlast,row';
    expect((await csvRecords(text)).records).toEqual([
      [2, { a: "x, y", b: 'say "hi"' }],
      [3, { a: "multi\nline\r\ntext", b: "z" }],
      [6, { a: "last", b: "row" }],
    ]);
  });

  it("CRLF equals LF", async () => {
    const lf = 'a,b\n1,"2\n3"\n4,5\n';
    expect((await csvRecords(lf.replaceAll("\n", "\r\n"))).records).toEqual([
      [2, { a: "1", b: "2\r\n3" }],
      [4, { a: "4", b: "5" }],
    ]);
    expect((await csvRecords(lf)).records).toEqual([
      [2, { a: "1", b: "2\n3" }],
      [4, { a: "4", b: "5" }],
    ]);
  });

  it("a CR before LF is dropped even when the first line ends in LF only", async () => {
    expect((await csvRecords('a,b\n1,2\r\n3,"4"\r\n')).records).toEqual([
      [2, { a: "1", b: "2" }],
      [3, { a: "3", b: "4" }],
    ]);
  });

  it.each([
    ["semicolon", "a;b;c\n1;2;3\n", { a: "1", b: "2", c: "3" }],
    ["tab", "a\tb\tc\n1\t2\t3\n", { a: "1", b: "2", c: "3" }],
    ["pipe", "a|b|c\n1|2|3\n", { a: "1", b: "2", c: "3" }],
    ["comma, with semicolons in the data", "a,b,c\n1;x,2,3\n", { a: "1;x", b: "2", c: "3" }],
    ["semicolon, quoted cells holding commas", 'a;b\n"1,2";"3,4,5"\n', { a: "1,2", b: "3,4,5" }],
  ] as const)("detects the delimiter: %s", async (_name, text, payload) => {
    expect((await csvRecords(text)).records).toEqual([[2, payload]]);
  });

  it("uses the delimiter option", async () => {
    expect((await csvRecords("a;b\n1,5;2\n", { delimiter: ";" })).records).toEqual([
      [2, { a: "1,5", b: "2" }],
    ]);
  });

  it("skips a row with the wrong number of fields and keeps going", async () => {
    const { records, accounting } = await csvRecords("a,b\n1,2\n3\n4,5,6\n7,8\n");
    expect(records.map(([line]) => line)).toEqual([2, 5]);
    expect(accounting.skippedByCode).toEqual({ wrong_field_count: 2 });
    expect(accounting.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.value])).toEqual(
      [
        [3, "3"],
        [4, "4,5,6"],
      ],
    );
  });

  it("blank lines are skipped and counted, also before the header", async () => {
    expect((await csvRecords("\n\na,b\n\n1,2\n   \n3,4")).records).toEqual([
      [5, { a: "1", b: "2" }],
      [7, { a: "3", b: "4" }],
    ]);
  });

  it("header cells are trimmed; empty and repeated names are renamed with a note", async () => {
    const { records, accounting } = await csvRecords(" a ,,a,__proto__\n1,2,3,4\n");
    expect(records).toEqual([[2, { a: "1", column_2: "2", a_1: "3", __proto___1: "4" }]]);
    expect(accounting.skipped).toBe(0);
    expect(accounting.notedByCode).toEqual({ duplicate_header: 1 });
  });

  it("a header only yields nothing", async () => {
    expect((await csvRecords("a,b,c\n")).records).toEqual([]);
  });

  it("a truncated last row is delivered", async () => {
    expect((await csvRecords("a,b\n1,2\n3,4")).records).toEqual([
      [2, { a: "1", b: "2" }],
      [3, { a: "3", b: "4" }],
    ]);
  });

  it("skips an over-long row", async () => {
    const { records, accounting } = await csvRecords(`a,b\n1,${"x".repeat(300)}\n3,4\n`, {
      maxRecordBytes: 100,
    });
    expect(records).toEqual([[3, { a: "3", b: "4" }]]);
    expect(accounting.diagnostics[0]).toMatchObject({ code: "record_too_large", line: 2 });
  });

  it(".tsv means tab", async () => {
    const { records } = await collect(
      ingestLogs({ text: "a,b\tc\n1,2\t3\n" }, { sourceName: "upload.tsv" }),
    );
    expect(records.map((record) => record.payload)).toEqual([{ "a,b": "1,2", c: "3" }]);
  });
});
