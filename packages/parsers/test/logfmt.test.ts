import type { ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { createParser, LogfmtParser } from "../src/index.js";
import { textRecord } from "./helpers/records.js";

const parser = new LogfmtParser();

describe("LogfmtParser", () => {
  it.each<[string, string, Partial<ParsedLog>]>([
    [
      "SPEC form",
      'time=2025-02-07T10:15:30Z level=info service=api msg="request done" duration=32.6ms user=bob',
      {
        timestamp: "2025-02-07T10:15:30Z",
        level: "info",
        service: "api",
        message: "request done",
        duration: "32.6ms",
        duration_field: "duration",
        extra: { user: "bob" },
      },
    ],
    [
      "Grafana agent form: ts, component, caller",
      'ts=2024-04-16T15:10:44.103611953Z caller=filetargetmanager.go:181 level=info component=logs msg="received file watcher event" op=CREATE',
      {
        timestamp: "2024-04-16T15:10:44.103611953Z",
        service: "logs",
        extra: { caller: "filetargetmanager.go:181", op: "CREATE" },
      },
    ],
    [
      "escaped quotes and = inside quoted values",
      'level=warn msg="a \\"quoted\\" word" query="x=1 y=2"',
      { level: "warn", message: 'a "quoted" word', extra: { query: "x=1 y=2" } },
    ],
    [
      "case-insensitive keys, empty value",
      "Level=ERROR MSG=boom empty= latency_ms=12",
      {
        level: "ERROR",
        message: "boom",
        duration: "12",
        duration_field: "latency_ms",
        extra: { empty: "" },
      },
    ],
    [
      "duration suffix in the message",
      'level=info msg="handled (523ms)"',
      { message: "handled (523ms)", duration: "523ms", duration_field: "duration" },
    ],
    ["tabs between pairs", "level=info\tmsg=ok", { level: "info", message: "ok" }],
  ])("%s", (_name, line, expected) => {
    expect(parser.parse(textRecord(line))).toMatchObject(expected);
  });

  it.each([
    ["plain text", "hello world"],
    ["unterminated quote", 'level=info msg="unterminated'],
    ["a bare word among pairs", "level=info started msg=x"],
    ["text after a quoted value", 'msg="a"b level=info'],
    ["standard line", "2025-02-07T10:15:30Z INFO [api] x=1"],
  ])("does not match %s", (_name, line) => {
    expect(parser.parseText(line, textRecord(line))).toBeNull();
  });
});

describe("__proto__ keys in text", () => {
  it("keeps logfmt and trailing-pair __proto__ keys as own fields of extra", () => {
    expect(Object.keys(parser.parse(textRecord("msg=x __proto__=y"))?.extra ?? {})).toEqual([
      "__proto__",
    ]);
    const standard = createParser().parse(
      textRecord("2025-02-07T10:15:30Z INFO [api] x __proto__=y"),
    );
    expect(Object.keys(standard?.extra ?? {})).toEqual(["__proto__"]);
  });
});
