import { describe, expect, it } from "vitest";
import { ingestLogs, TextLogSource } from "../src/index.js";
import { collect } from "./helpers.js";

async function textRecords(
  text: string | Uint8Array,
  options: { multiline?: boolean; maxRecordBytes?: number } = {},
) {
  const input = typeof text === "string" ? { text } : text;
  const { records, accounting } = await collect(new TextLogSource(input, options));
  return { records: records.map((record) => [record.line, record.payload] as const), accounting };
}

describe("text lines", () => {
  it.each([
    [
      "LF",
      "a\nb\nc\n",
      [
        [1, "a"],
        [2, "b"],
        [3, "c"],
      ],
    ],
    [
      "CRLF",
      "a\r\nb\r\nc\r\n",
      [
        [1, "a"],
        [2, "b"],
        [3, "c"],
      ],
    ],
    [
      "mixed endings",
      "a\r\nb\nc\r\n",
      [
        [1, "a"],
        [2, "b"],
        [3, "c"],
      ],
    ],
    [
      "truncated last line is delivered",
      "a\nb",
      [
        [1, "a"],
        [2, "b"],
      ],
    ],
    [
      "truncated CRLF last line",
      "a\r\nb\r",
      [
        [1, "a"],
        [2, "b"],
      ],
    ],
    ["a lone CR is content", "a\rb\n", [[1, "a\rb"]]],
    [
      "blank lines are skipped but counted",
      "\n\na\n  \n\t\nb\n\n",
      [
        [3, "a"],
        [6, "b"],
      ],
    ],
    [
      "whitespace-only CRLF lines are blank",
      "a\r\n \r\n\r\nb",
      [
        [1, "a"],
        [4, "b"],
      ],
    ],
    [
      "BOM dropped",
      "\uFEFFa\nb",
      [
        [1, "a"],
        [2, "b"],
      ],
    ],
    [
      "only the leading BOM is dropped",
      "a\n\uFEFFb",
      [
        [1, "a"],
        [2, "\uFEFFb"],
      ],
    ],
    [
      "trailing spaces kept",
      "a  \nb\t\n",
      [
        [1, "a  "],
        [2, "b\t"],
      ],
    ],
    ["empty input", "", []],
    ["only line endings", "\n\r\n\n", []],
  ] as const)("%s", async (_name, text, expected) => {
    const { records, accounting } = await textRecords(text, { multiline: false });
    expect(records).toEqual(expected);
    expect(accounting.skipped).toBe(0);
  });

  it("replaces invalid UTF-8 instead of failing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("ok \u00e9\n"),
      Buffer.from([0x62, 0x61, 0x64, 0x20, 0xff, 0xc3, 0x28, 0x0a]),
      Buffer.from("\u20ac end"),
    ]);
    const { records } = await textRecords(bytes);
    expect(records).toEqual([
      [1, "ok \u00e9"],
      [2, "bad \uFFFD\uFFFD("],
      [3, "\u20ac end"],
    ]);
  });

  it("replaces a character cut off at the end of the input", async () => {
    const { records } = await textRecords(Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82]));
    expect(records).toEqual([
      [1, "a"],
      [2, "b\uFFFD"],
    ]);
  });

  it("a BOM-only input yields nothing", async () => {
    expect((await textRecords(Buffer.from([0xef, 0xbb, 0xbf]))).records).toEqual([]);
  });

  it("carries source, line, format and payload", async () => {
    const { records } = await collect(ingestLogs({ text: "x\n" }, { format: "text" }));
    expect(records).toEqual([{ source: "<memory>", line: 1, format: "text", payload: "x" }]);
  });
});

describe("multiline continuation", () => {
  it.each([
    [
      "indented line (space)",
      "start\n  more\nnext",
      [
        [1, "start\n  more"],
        [3, "next"],
      ],
    ],
    [
      "indented line (tab)",
      "start\n\tmore\nnext",
      [
        [1, "start\n\tmore"],
        [3, "next"],
      ],
    ],
    [
      "Java stack trace",
      [
        "2025-02-07 10:00:00 ERROR [api] request failed",
        "java.lang.IllegalStateException: boom",
        "\tat com.example.Service.handle(Service.java:42)",
        "\tat com.example.Main.main(Main.java:10)",
        "Caused by: java.io.IOException: disk",
        "\t... 12 more",
        "2025-02-07 10:00:01 INFO [api] recovered",
      ].join("\n"),
      [
        [
          1,
          "2025-02-07 10:00:00 ERROR [api] request failed\njava.lang.IllegalStateException: boom\n\tat com.example.Service.handle(Service.java:42)\n\tat com.example.Main.main(Main.java:10)\nCaused by: java.io.IOException: disk\n\t... 12 more",
        ],
        [7, "2025-02-07 10:00:01 INFO [api] recovered"],
      ],
    ],
    [
      "stack frames without indentation",
      "failed\nat com.x.Y.m(Y.java:1)\nat Object.<anonymous> (/app/index.js:3:9)\nat /app/index.js:10:5\nat async Promise.all (index 0)\n... 3 more\n... 2 common frames omitted\nSuppressed: x.Y: z\nnext",
      [
        [
          1,
          "failed\nat com.x.Y.m(Y.java:1)\nat Object.<anonymous> (/app/index.js:3:9)\nat /app/index.js:10:5\nat async Promise.all (index 0)\n... 3 more\n... 2 common frames omitted\nSuppressed: x.Y: z",
        ],
        [9, "next"],
      ],
    ],
    [
      "Python traceback",
      [
        "2025-02-07 10:00:00,123 ERROR worker: job failed",
        "Traceback (most recent call last):",
        '  File "/app/job.py", line 3, in run',
        "    raise ValueError('bad')",
        "ValueError: bad",
        "2025-02-07 10:00:01,000 INFO worker: next job",
      ].join("\n"),
      [
        [
          1,
          "2025-02-07 10:00:00,123 ERROR worker: job failed\nTraceback (most recent call last):\n  File \"/app/job.py\", line 3, in run\n    raise ValueError('bad')\nValueError: bad",
        ],
        [6, "2025-02-07 10:00:01,000 INFO worker: next job"],
      ],
    ],
    [
      "chained Python tracebacks across blank lines",
      [
        "job failed",
        "Traceback (most recent call last):",
        '  File "a.py", line 1, in <module>',
        "KeyError: 'x'",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "Traceback (most recent call last):",
        '  File "a.py", line 3, in <module>',
        "mypackage.errors.CustomError",
        "next record",
      ].join("\n"),
      [
        [
          1,
          'job failed\nTraceback (most recent call last):\n  File "a.py", line 1, in <module>\nKeyError: \'x\'\nDuring handling of the above exception, another exception occurred:\nTraceback (most recent call last):\n  File "a.py", line 3, in <module>\nmypackage.errors.CustomError',
        ],
        [11, "next record"],
      ],
    ],
    [
      "an exception-like line outside a traceback starts a record",
      "first\nValueError: not in a traceback\nthird",
      [
        [1, "first"],
        [2, "ValueError: not in a traceback"],
        [3, "third"],
      ],
    ],
    [
      "a traceback ends at a line that is not an exception name",
      'first\nTraceback (most recent call last):\n  File "a.py", line 1\n2025-01-01 next',
      [
        [1, 'first\nTraceback (most recent call last):\n  File "a.py", line 1'],
        [4, "2025-01-01 next"],
      ],
    ],
    [
      "an indented first line is a record of its own",
      "  indented\nnext",
      [
        [1, "  indented"],
        [2, "next"],
      ],
    ],
    [
      "English text starting with 'at' is not a stack frame",
      "first\nat least once (maybe)\nat 10:00 the job ran",
      [
        [1, "first"],
        [2, "at least once (maybe)"],
        [3, "at 10:00 the job ran"],
      ],
    ],
    [
      "blank lines inside a record are dropped, not joined",
      "first\n  one\n\n  two\nnext",
      [
        [1, "first\n  one\n  two"],
        [5, "next"],
      ],
    ],
    [
      "CRLF continuation",
      "first\r\n  more\r\nnext\r\n",
      [
        [1, "first\n  more"],
        [3, "next"],
      ],
    ],
  ] as const)("%s", async (_name, text, expected) => {
    expect((await textRecords(text)).records).toEqual(expected);
  });

  it("multiline: false keeps every line", async () => {
    const { records } = await textRecords("start\n  more\nat a.B.c(D.java:1)\n", {
      multiline: false,
    });
    expect(records).toEqual([
      [1, "start"],
      [2, "  more"],
      [3, "at a.B.c(D.java:1)"],
    ]);
  });

  it("multiline is on by default for ingestLogs text", async () => {
    const { records } = await collect(ingestLogs({ text: "a\n  b\n" }, { format: "text" }));
    expect(records.map((record) => record.payload)).toEqual(["a\n  b"]);
  });
});

describe("maxRecordBytes", () => {
  it("skips an over-long line with a diagnostic and keeps going", async () => {
    const long = "x".repeat(100);
    const { records, accounting } = await textRecords(`a\n${long}\nb\n`, { maxRecordBytes: 50 });
    expect(records).toEqual([
      [1, "a"],
      [3, "b"],
    ]);
    expect(accounting.skipped).toBe(1);
    expect(accounting.skippedByCode).toEqual({ record_too_large: 1 });
    expect(accounting.diagnostics[0]).toMatchObject({
      stage: "ingestion",
      code: "record_too_large",
      source: "<memory>",
      line: 2,
      value: long,
    });
  });

  it("counts bytes, not characters", async () => {
    const { records, accounting } = await textRecords("\u00e9".repeat(30), { maxRecordBytes: 59 });
    expect(records).toEqual([]);
    expect(accounting.skipped).toBe(1);
    expect((await textRecords("\u00e9".repeat(30), { maxRecordBytes: 60 })).records).toHaveLength(
      1,
    );
  });

  it("a record exactly at the limit is kept", async () => {
    expect((await textRecords("x".repeat(50), { maxRecordBytes: 50 })).records).toHaveLength(1);
  });

  it("skips a multiline record whose joined text is too long, with its continuations", async () => {
    const text = `head\n${"  continuation line\n".repeat(10)}next\n`;
    const { records, accounting } = await textRecords(text, { maxRecordBytes: 100 });
    expect(records).toEqual([[12, "next"]]);
    expect(accounting.diagnostics.map((diagnostic) => diagnostic.line)).toEqual([1]);
  });

  it("skips an over-long continuation line together with its record", async () => {
    const text = `head\n  ${"y".repeat(200)}\n  tail\nnext\n`;
    const { records, accounting } = await textRecords(text, { maxRecordBytes: 100 });
    expect(records).toEqual([[4, "next"]]);
    expect(accounting.skippedByCode).toEqual({ record_too_large: 1 });
  });

  it("an over-long first line drops its continuations too", async () => {
    const text = `${"z".repeat(200)}\n  cont\nnext`;
    const { records, accounting } = await textRecords(text, { maxRecordBytes: 100 });
    expect(records).toEqual([[3, "next"]]);
    expect(accounting.diagnostics[0]?.line).toBe(1);
  });
});
