import type { ParsedLog } from "@logfeat/schema";
import { describe, expect, it } from "vitest";
import { ApacheLogParser, levelForStatus } from "../src/index.js";
import { textRecord } from "./helpers/records.js";

const parser = new ApacheLogParser();
const COMBINED =
  '83.149.9.216 - - [17/May/2015:10:05:03 +0000] "GET /images/kibana-search.png HTTP/1.1" 200 203023 "http://semicomplete.com/" "Mozilla/5.0 (Macintosh)"';

describe("ApacheLogParser", () => {
  it.each<[string, string, Partial<ParsedLog>]>([
    [
      "combined access log",
      COMBINED,
      {
        timestamp: "17/May/2015:10:05:03 +0000",
        level: "INFO",
        message: "GET /images/kibana-search.png HTTP/1.1",
        extra: {
          client: "83.149.9.216",
          status: 200,
          bytes: 203023,
          referer: "http://semicomplete.com/",
          user_agent: "Mozilla/5.0 (Macintosh)",
        },
      },
    ],
    [
      "common access log with a user, 404",
      '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 404 2326',
      { level: "WARNING", extra: { user: "frank", status: 404, bytes: 2326 } },
    ],
    [
      "5xx, no bytes, escaped quote in the request",
      '10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a\\"b HTTP/1.0" 503 -',
      { level: "ERROR", message: 'GET /a\\"b HTTP/1.0', extra: { status: 503 } },
    ],
    [
      "nginx request time in seconds",
      `${COMBINED} 0.123`,
      { duration: "0.123", duration_field: "request_time_s" },
    ],
    [
      "Apache %D microseconds",
      `${COMBINED} 1234`,
      { duration: "1234", duration_field: "request_time_us" },
    ],
    [
      "key=value pairs after the combined fields",
      `${COMBINED} duration_ms=17 request_id=abc`,
      { duration: "17", duration_field: "duration_ms", request_id: "abc" },
    ],
    [
      "Apache error log",
      "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6",
      {
        timestamp: "Sun Dec 04 04:47:44 2005",
        level: "error",
        message: "mod_jk child workerEnv in error state 6",
      },
    ],
    [
      "Apache 2.4 error log with module, pid and client",
      "[Wed Oct 11 14:32:52.123456 2000] [core:error] [pid 1234:tid 5678] [client 1.2.3.4:5678] AH00124: limit",
      {
        timestamp: "Wed Oct 11 14:32:52.123456 2000",
        level: "error",
        message: "[pid 1234:tid 5678] [client 1.2.3.4:5678] AH00124: limit",
        extra: { module: "core" },
      },
    ],
  ])("%s", (_name, line, expected) => {
    const parsed = parser.parse(textRecord(line));
    expect(parsed).toMatchObject(expected);
    expect(parsed?.service).toBeUndefined();
  });

  it("leaves a missing bytes field and '-' referer out of extra", () => {
    const parsed = parser.parse(
      textRecord('1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 304 - "-" "-"'),
    );
    expect(parsed?.extra).toEqual({ client: "1.2.3.4", status: 304 });
  });

  it.each([
    [100, "INFO"],
    [200, "INFO"],
    [304, "INFO"],
    [400, "WARNING"],
    [499, "WARNING"],
    [500, "ERROR"],
    [599, "ERROR"],
  ])("status %i -> %s", (status, level) => {
    expect(levelForStatus(status)).toBe(level);
  });

  it.each([
    ["no request quotes", "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] GET / 200 5"],
    ["bad error-log date", "[yesterday] [error] x"],
    ["plain text", "hello world"],
  ])("does not match %s", (_name, line) => {
    expect(parser.parseText(line, textRecord(line))).toBeNull();
  });
});
