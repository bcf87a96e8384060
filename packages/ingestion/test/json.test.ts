import { describe, expect, it } from "vitest";
import { JSONLogSource } from "../src/index.js";
import { collect } from "./helpers.js";

async function jsonRecords(text: string, maxRecordBytes?: number) {
  const options = maxRecordBytes === undefined ? {} : { maxRecordBytes };
  const { records, accounting } = await collect(new JSONLogSource({ text }, options));
  return {
    records: records.map((record) => [record.line, record.payload] as const),
    accounting,
  };
}

describe("JSON Lines", () => {
  it("one object per line, blank lines skipped but counted", async () => {
    const { records, accounting } = await jsonRecords('{"a":1}\n\n{"b":2}\r\n  \n{"c":3}');
    expect(records).toEqual([
      [1, { a: 1 }],
      [3, { b: 2 }],
      [5, { c: 3 }],
    ]);
    expect(accounting.skipped).toBe(0);
  });

  it("leading blank lines count", async () => {
    expect((await jsonRecords('\n\n  {"a":1}\n')).records).toEqual([[3, { a: 1 }]]);
  });

  it.each([
    ["invalid JSON", '{"a":1}\n{"b":\n{"c":3}', "invalid_json", 2],
    ["a number", '{"a":1}\n42\n{"c":3}', "not_an_object", 2],
    ["an array", '{"a":1}\n[1,2]\n{"c":3}', "not_an_object", 2],
    ["null", '{"a":1}\nnull\n{"c":3}', "not_an_object", 2],
    ["a string", '{"a":1}\n"text"\n{"c":3}', "not_an_object", 2],
    ["plain text", '{"a":1}\nhello world\n{"c":3}', "invalid_json", 2],
  ] as const)("skips %s with a diagnostic and keeps going", async (_name, text, code, line) => {
    const { records, accounting } = await jsonRecords(text);
    expect(records).toEqual([
      [1, { a: 1 }],
      [3, { c: 3 }],
    ]);
    expect(accounting.skippedByCode).toEqual({ [code]: 1 });
    expect(accounting.diagnostics[0]).toMatchObject({ stage: "ingestion", code, line });
  });

  it("skips an over-long line", async () => {
    const long = JSON.stringify({ message: "x".repeat(100) });
    const { records, accounting } = await jsonRecords(`{"a":1}\n${long}\n{"c":3}`, 50);
    expect(records.map(([line]) => line)).toEqual([1, 3]);
    expect(accounting.diagnostics[0]).toMatchObject({ code: "record_too_large", line: 2 });
  });
});

describe("top-level JSON array", () => {
  it("streams the elements with the line each starts on", async () => {
    const text =
      '[\n  {"a": 1},\n  {\n    "b": "x, ] } \\" [",\n    "c": [1, {"d": 2}]\n  },\n{"e":3}\n]\n';
    const { records, accounting } = await jsonRecords(text);
    expect(records).toEqual([
      [2, { a: 1 }],
      [3, { b: 'x, ] } " [', c: [1, { d: 2 }] }],
      [7, { e: 3 }],
    ]);
    expect(accounting.skipped).toBe(0);
  });

  it("equals the same objects as JSON Lines", async () => {
    const objects = [{ a: 1 }, { b: "two\nlines" }, { c: { d: [1, 2] } }];
    const lines = await jsonRecords(objects.map((object) => JSON.stringify(object)).join("\n"));
    const array = await jsonRecords(
      `[${objects.map((object) => JSON.stringify(object)).join(",\n")}]`,
    );
    expect(array.records).toEqual(lines.records);
  });

  it.each([
    ["empty array", "[]", [], {}],
    ["whitespace only", "  \n ", [], {}],
    ["leading whitespace", '\n\n[{"a":1}]', [[3, { a: 1 }]], {}],
    [
      "non-object elements",
      '[{"a":1}, 2, "x", null, [1], {"b":2}]',
      [
        [1, { a: 1 }],
        [1, { b: 2 }],
      ],
      { not_an_object: 4 },
    ],
    [
      "empty elements",
      '[{"a":1},,{"b":2},]',
      [
        [1, { a: 1 }],
        [1, { b: 2 }],
      ],
      {},
    ],
    [
      "unterminated array keeps complete elements",
      '[{"a":1},{"b":2}',
      [
        [1, { a: 1 }],
        [1, { b: 2 }],
      ],
      {},
    ],
    ["truncated last element", '[{"a":1},{"b":', [[1, { a: 1 }]], { invalid_json: 1 }],
    [
      "invalid element",
      '[{"a":1},{b:2},{"c":3}]',
      [
        [1, { a: 1 }],
        [1, { c: 3 }],
      ],
      { invalid_json: 1 },
    ],
    ["trailing content", '[{"a":1}]\n{"b":2}\n{"c":3}', [[1, { a: 1 }]], { trailing_content: 1 }],
    ["whitespace after the array", '[{"a":1}]\n\n', [[1, { a: 1 }]], {}],
  ] as const)("%s", async (_name, text, expected, skipped) => {
    const { records, accounting } = await jsonRecords(text);
    expect(records).toEqual(expected);
    expect(accounting.skippedByCode).toEqual(skipped);
  });

  it("skips an over-long element and keeps going", async () => {
    const text = `[{"a":1},\n{"big":"${"x".repeat(500)}"},\n{"c":3}]`;
    const { records, accounting } = await jsonRecords(text, 100);
    expect(records).toEqual([
      [1, { a: 1 }],
      [3, { c: 3 }],
    ]);
    expect(accounting.diagnostics[0]).toMatchObject({ code: "record_too_large", line: 2 });
  });
});
