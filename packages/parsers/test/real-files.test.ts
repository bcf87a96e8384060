import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonRawRecord, ParsedLog } from "@logfeat/schema";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { parseLogs } from "../src/index.js";
import { textRecords } from "./helpers/records.js";

const root = REAL_DATA_DIR ?? "";
const title =
  REAL_DATA_DIR === null
    ? `other real files in auto layout (skipped: ${REAL_DATA_SKIP_REASON})`
    : "other real files in auto layout";

function jsonRecords(name: string): JsonRawRecord[] {
  return readFileSync(join(root, name), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line, index) => ({
      source: name,
      line: index + 1,
      format: "json",
      payload: JSON.parse(line) as Record<string, unknown>,
    }));
}

function count(parsed: readonly ParsedLog[], predicate: (log: ParsedLog) => boolean): number {
  return parsed.filter(predicate).length;
}

describe.skipIf(REAL_DATA_DIR === null)(title, () => {
  it("elastic-examples/apache_logs: every line is a combined access log line", () => {
    const name = "elastic-examples/apache_logs.head8000.log";
    const records = textRecords(readFileSync(join(root, name), "utf8"), name);
    const result = parseLogs(records);
    console.log(
      `${name}: ${result.parsed.length}/${records.length} parsed, skipped ${JSON.stringify(result.skippedByCode)}`,
    );
    expect(result.parsed.length).toBe(records.length);
    const first = result.parsed[0] as ParsedLog;
    expect(first.timestamp).toBe("17/May/2015:10:05:03 +0000");
    expect(first.level).toBe("INFO");
    expect(first.message).toBe(
      "GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1",
    );
    expect(first.service).toBeUndefined();
    expect(first.extra).toMatchObject({ client: "83.149.9.216", status: 200, bytes: 203023 });
    const withoutAgent = records.filter((record) => record.payload.endsWith(' "-"')).length;
    expect(count(result.parsed, (log) => typeof log.extra["user_agent"] === "string")).toBe(
      records.length - withoutAgent,
    );
    expect(count(result.parsed, (log) => log.level === "WARNING")).toBeGreaterThan(0);
  });

  it("elastic-examples/auth.log: every line is RFC 3164 syslog without PRI", () => {
    const name = "elastic-examples/auth.log";
    const records = textRecords(readFileSync(join(root, name), "utf8"), name);
    const result = parseLogs(records);
    console.log(
      `${name}: ${result.parsed.length}/${records.length} parsed, skipped ${JSON.stringify(result.skippedByCode)}`,
    );
    expect(result.parsed.length).toBe(records.length);
    expect(result.parsed[0]).toMatchObject({
      timestamp: "Mar 27 13:06:56",
      service: "sshd",
      message: "Server listening on 0.0.0.0 port 22.",
      extra: { hostname: "ip-10-77-20-248", pid: "1291" },
    });
    expect(count(result.parsed, (log) => log.extra["hostname"] === "ip-10-77-20-248")).toBe(
      records.length,
    );
    expect(count(result.parsed, (log) => log.level_scheme !== undefined)).toBe(0);
  });

  it("loki/agent-logfmt.txt: every line is logfmt, durations as Go strings", () => {
    const name = "loki/agent-logfmt.txt";
    const records = textRecords(readFileSync(join(root, name), "utf8"), name);
    const result = parseLogs(records);
    const durations = count(result.parsed, (log) => log.duration_field === "duration");
    console.log(
      `${name}: ${result.parsed.length}/${records.length} parsed, ${durations} durations, skipped ${JSON.stringify(result.skippedByCode)}`,
    );
    expect(result.parsed.length).toBe(records.length);
    expect(result.parsed[0]).toMatchObject({
      timestamp: "2024-04-16T15:10:44.103611953Z",
      level: "info",
      service: "logs",
      message: "received file watcher event",
      extra: { caller: "filetargetmanager.go:181", op: "CREATE" },
    });
    expect(durations).toBe(161);
    expect(result.parsed.find((log) => log.duration !== undefined)?.duration).toMatch(
      /^\d+(\.\d+)?(ns|µs|us|ms|s|m|h)$/,
    );
    expect(count(result.parsed, (log) => log.timestamp === undefined)).toBe(0);
  });

  it("loki/drone-json.txt: JSON objects with time, level, msg; no service", () => {
    const name = "loki/drone-json.txt";
    const records = jsonRecords(name);
    const result = parseLogs(records);
    console.log(`${name}: ${result.parsed.length}/${records.length} parsed`);
    expect(result.parsed.length).toBe(records.length);
    expect(result.parsed[0]).toMatchObject({
      timestamp: "2024-04-16T15:03:32Z",
      level: "debug",
      message: "request completed",
      duration: 20950259,
      duration_field: "duration",
      extra: { method: "GET", status: 200, referer: "" },
    });
    expect(count(result.parsed, (log) => log.service !== undefined)).toBe(0);
    expect(count(result.parsed, (log) => log.duration !== undefined)).toBe(60);
  });

  it("zeek-wrccdc/syslog.json: ts, severity, message; no service", () => {
    const name = "zeek-wrccdc/syslog.json";
    const records = jsonRecords(name);
    const result = parseLogs(records);
    console.log(`${name}: ${result.parsed.length}/${records.length} parsed`);
    expect(result.parsed.length).toBe(records.length);
    const first = result.parsed[0] as ParsedLog;
    expect(first).toMatchObject({ timestamp: "2018-03-24T17:15:47.733658Z", level: "INFO" });
    expect(first.message).toMatch(/^1 2018-03-24T08:59:37-07:00 PC-helen\.jerry\.land EvntSLog/);
    expect(first.extra).toMatchObject({
      _write_ts: "2018-03-24T17:15:47.733658Z",
      facility: "LOCAL0",
    });
    expect(count(result.parsed, (log) => log.service !== undefined)).toBe(0);
    expect(
      count(result.parsed, (log) => log.timestamp === undefined || log.level === undefined),
    ).toBe(0);
  });
});
