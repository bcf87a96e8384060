import type { ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { StandardTextLineParser } from "../src/index.js";
import { textRecord } from "./helpers/records.js";

const parser = new StandardTextLineParser();
const parse = (line: string): ParsedLog | null => parser.parse(textRecord(line));

describe("StandardTextLineParser", () => {
  it.each<[string, string, Partial<ParsedLog>]>([
    [
      "SPEC example: trailing pairs become fields and leave the message",
      "2025-02-07T10:15:30.123Z ERROR [api-server] DB timeout duration_ms=523 error_code=DB_TIMEOUT request_id=req-42",
      {
        timestamp: "2025-02-07T10:15:30.123Z",
        level: "ERROR",
        service: "api-server",
        message: "DB timeout",
        duration: "523",
        duration_field: "duration_ms",
        error_code: "DB_TIMEOUT",
        request_id: "req-42",
        extra: {},
      },
    ],
    [
      "[LEVEL] service: form, comma fraction, quoted value with spaces",
      '2025-02-07 10:15:30,123 [WARN] auth: token expired user="bob smith"',
      {
        timestamp: "2025-02-07 10:15:30,123",
        level: "WARN",
        service: "auth",
        message: "token expired",
        extra: { user: "bob smith" },
      },
    ],
    [
      "LEVEL service - form with offset and (523ms) suffix kept in the message",
      "2025-02-07T10:15:30+01:00 INFO billing - charged card (523ms)",
      {
        timestamp: "2025-02-07T10:15:30+01:00",
        level: "INFO",
        service: "billing",
        message: "charged card (523ms)",
        duration: "523ms",
        duration_field: "duration",
      },
    ],
    [
      "brackets inside the message",
      "2025-02-07T10:15:30Z INFO [api] GET [v2] /orders [id=5]",
      { service: "api", message: "GET [v2] /orders [id=5]", extra: {} },
    ],
    [
      "= inside a quoted value, took= as duration",
      '2025-02-07T10:15:30Z INFO [api] saved query="a=b c" took=15ms',
      { message: "saved", duration: "15ms", duration_field: "took", extra: { query: "a=b c" } },
    ],
    [
      "escaped quotes inside a quoted value",
      '2025-02-07T10:15:30Z INFO [api] said note="say \\"hi\\""',
      { message: "said", extra: { note: 'say "hi"' } },
    ],
    [
      "tabs as separators",
      "2025-02-07T10:15:30Z\tINFO\t[api]\tstarted\tport=8080",
      { level: "INFO", service: "api", message: "started", extra: { port: "8080" } },
    ],
    ["trailing spaces", "2025-02-07T10:15:30Z INFO [api] hello   ", { message: "hello" }],
    ["empty message", "2025-02-07T10:15:30Z INFO [api]", { service: "api", message: "" }],
    [
      "only pairs: the message stays whole",
      "2025-02-07T10:15:30Z INFO [api] duration_ms=5",
      { message: "duration_ms=5", duration: "5", duration_field: "duration_ms" },
    ],
    [
      "took 1.5s suffix",
      "2025-02-07T10:15:30Z INFO [api] request handled took 1.5s",
      { message: "request handled took 1.5s", duration: "1.5s", duration_field: "duration" },
    ],
    [
      "alias priority: duration_ms beats latency_ms, the loser goes to extra",
      "2025-02-07T10:15:30Z INFO [api] done latency_ms=5 duration_ms=7",
      { duration: "7", duration_field: "duration_ms", extra: { latency_ms: "5" }, message: "done" },
    ],
    [
      "case-insensitive pair keys, empty values stay in extra",
      "2025-02-07T10:15:30Z INFO [api] done Request_ID=abc code= ruser=",
      { request_id: "abc", extra: { code: "", ruser: "" }, message: "done" },
    ],
    [
      "padded level and empty service brackets",
      "2025-02-07 10:15:30 INFO  [] started",
      { level: "INFO", message: "started" },
    ],
    [
      "multi-line record: continuation lines stay in the message",
      "2025-02-07T10:15:30Z ERROR [api] boom\n    at handler (app.js:1:2)",
      { message: "boom\n    at handler (app.js:1:2)" },
    ],
    [
      "keys in any case; per field the alias earliest in its list wins; losers and empty values go to extra",
      '2025-02-07T10:15:30Z INFO [api] m LATENCY_MS=7 Duration_MS=5 code=E1 err_code=E2 ERROR_CODE=E3 x= req_id=r1 trace_id=t1 duration_ms="" Req-Id=q',
      {
        message: "m",
        duration: "5",
        duration_field: "Duration_MS",
        error_code: "E3",
        request_id: "r1",
        extra: {
          LATENCY_MS: "7",
          code: "E1",
          err_code: "E2",
          x: "",
          trace_id: "t1",
          duration_ms: "",
          "Req-Id": "q",
        },
      },
    ],
  ])("%s", (_name, line, expected) => {
    const parsed = parse(line);
    expect(parsed).not.toBeNull();
    expect(parsed).toMatchObject({ source: "test.log", line: 1, format: "text", ...expected });
  });

  it("leaves the service absent when the brackets are empty", () => {
    expect(parse("2025-02-07 10:15:30 INFO  [] started")?.service).toBeUndefined();
  });

  it.each([
    ["plain text", "hello world"],
    ["date without time", "2025-02-07 INFO [api] x"],
    ["no service", "2025-02-07T10:15:30Z INFO"],
    ["level with digits", "2025-02-07T10:15:30Z web01 nginx - started"],
    ["syslog line", "Mar 27 13:06:56 host sshd[1]: x"],
  ])("does not match %s", (_name, line) => {
    expect(parser.parseText(line, textRecord(line))).toBeNull();
  });
});

describe("StandardTextLineParser with a fieldMap", () => {
  const mapped = new StandardTextLineParser({ fieldMap: { duration: ["RespTime", "took"] } });
  it.each([
    ["key written as in the fieldMap", "RespTime=5", "RespTime"],
    ["key in another case", "resptime=5", "resptime"],
    ["key in upper case", "RESPTIME=5", "RESPTIME"],
  ])("reports duration_field as the key is written: %s", (_name, pair, field) => {
    const line = `2025-02-07T10:15:30Z INFO [api] done ${pair}`;
    expect(mapped.parse(textRecord(line))).toMatchObject({
      message: "done",
      duration: "5",
      duration_field: field,
      extra: {},
    });
  });
});
