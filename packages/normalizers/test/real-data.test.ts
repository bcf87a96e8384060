import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type LogEntry, LogEntrySchema, type ParsedLog } from "@logfeat/schema";
import { REAL_DATA_DIR, REAL_DATA_SKIP_REASON } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { createNormalizer, type NormalizerOptions } from "../src/index.js";

/**
 * ParsedLogs built by hand from the real sample logs: a small per-file regex
 * stands in for the parsers (another package) and produces the field forms
 * they hand over (timestamps as found, or rewritten to ISO for date patterns).
 */
interface RealCase {
  file: string;
  options: NormalizerOptions;
  toParsed: (
    line: string,
    lineNumber: number,
    source: string,
  ) => Omit<ParsedLog, "source" | "line" | "format" | "extra"> | null;
  firstTimestamp: string;
  levels: string[];
  check?: (entries: LogEntry[]) => void;
}

const REFERENCE = "2018-01-01T00:00:00Z";
const logfmt = (line: string): Record<string, string> =>
  Object.fromEntries(
    [...line.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)].map(([, key, value]) => [
      key,
      value?.startsWith('"') ? (JSON.parse(value) as string) : (value ?? ""),
    ]),
  );

const CASES: RealCase[] = [
  {
    file: "loghub/HDFS/HDFS_2k.log",
    options: {},
    toParsed: (line) => {
      const match = /^(\d\d)(\d\d)(\d\d) (\d\d)(\d\d)(\d\d) \d+ (\w+) ([^:]+): (.*)$/.exec(line);
      if (match === null) return null;
      const [, yy, mm, dd, hh, mi, ss, level, service, message] = match;
      return { timestamp: `20${yy}-${mm}-${dd}T${hh}:${mi}:${ss}.000`, level, service, message };
    },
    firstTimestamp: "2008-11-09T20:36:15.000Z",
    levels: ["INFO", "WARNING"],
    check: (entries) => {
      expect(entries[0]?.service).toBe("dfs-datanode-packetresponder");
      expect(entries[0]?.metadata.message_template).toBe(
        "PacketResponder <*> for block blk_<*> terminating",
      );
    },
  },
  {
    file: "loghub/Hadoop/Hadoop_2k.log",
    options: {},
    toParsed: (line) => {
      const match = /^(\S+ \S+) (\w+) \[[^\]]*\] ([^:]+): (.*)$/.exec(line);
      return match === null
        ? null
        : { timestamp: match[1], level: match[2], service: match[3], message: match[4] };
    },
    firstTimestamp: "2015-10-18T18:01:47.978Z",
    levels: ["INFO", "WARNING", "ERROR", "CRITICAL"],
  },
  {
    file: "loghub/Android/Android_2k.log",
    options: { referenceTime: REFERENCE, timeZone: "Asia/Shanghai" },
    toParsed: (line) => {
      const match = /^(\d\d-\d\d \d\d:\d\d:\d\d\.\d+)\s+\d+\s+\d+ (\w) (.*?): (.*)$/.exec(line);
      return match === null
        ? null
        : { timestamp: match[1], level: match[2], service: match[3], message: match[4] };
    },
    firstTimestamp: "2017-03-17T08:13:38.811Z",
    levels: ["DEBUG", "INFO", "WARNING", "ERROR"],
  },
  {
    file: "loghub/Apache/Apache_2k.log",
    options: { defaults: { service: "Apache_2k.log" } },
    toParsed: (line) => {
      const match = /^(\[[^\]]+\]) \[(\w+)\] (.*)$/.exec(line);
      return match === null ? null : { timestamp: match[1], level: match[2], message: match[3] };
    },
    firstTimestamp: "2005-12-04T04:47:44.000Z",
    levels: ["INFO", "ERROR"],
    check: (entries) =>
      expect(new Set(entries.map((entry) => entry.service))).toEqual(new Set(["apache_2k-log"])),
  },
  {
    file: "loghub/OpenSSH/OpenSSH_2k.log",
    options: { referenceTime: REFERENCE },
    toParsed: (line) => {
      const match = /^(\w{3} +\d+ [\d:]+) \S+ (\w+)\[\d+\]: (.*)$/.exec(line);
      return match === null ? null : { timestamp: match[1], service: match[2], message: match[3] };
    },
    firstTimestamp: "2017-12-10T06:55:46.000Z",
    levels: ["INFO"],
    check: (entries) =>
      expect(entries.every((entry) => entry.metadata.level_defaulted === true)).toBe(true),
  },
  {
    file: "loghub/Spark/Spark_2k.log",
    options: {},
    toParsed: (line) => {
      const match = /^(\S+ \S+) (\w+) ([^:]+): (.*)$/.exec(line);
      return match === null
        ? null
        : { timestamp: match[1], level: match[2], service: match[3], message: match[4] };
    },
    firstTimestamp: "2017-06-09T20:10:40.000Z",
    levels: ["INFO"],
  },
  {
    file: "loghub/Zookeeper/Zookeeper_2k.log",
    options: { defaults: { service: "zookeeper" } },
    toParsed: (line) => {
      const match = /^(\S+ \S+) - (\w+)\s+\[.*?\] - (.*)$/.exec(line);
      return match === null ? null : { timestamp: match[1], level: match[2], message: match[3] };
    },
    firstTimestamp: "2015-07-29T17:41:44.747Z",
    levels: ["INFO", "WARNING", "ERROR"],
  },
  {
    file: "loghub/BGL/BGL_2k.log",
    options: {},
    toParsed: (line) => {
      const match = /^\S+ (\d+) \S+ \S+ \S+ \S+ \S+ (\S+) (\S+) (.*)$/.exec(line);
      return match === null
        ? null
        : { timestamp: Number(match[1]), service: match[2], level: match[3], message: match[4] };
    },
    firstTimestamp: "2005-06-03T22:42:50.000Z",
    levels: ["INFO", "WARNING", "ERROR", "CRITICAL"],
  },
  {
    file: "loki/agent-logfmt.txt",
    options: { defaults: { service: "agent" } },
    toParsed: (line) => {
      const fields = logfmt(line);
      const parsed: Omit<ParsedLog, "source" | "line" | "format" | "extra"> = {};
      if (fields["ts"] !== undefined) parsed.timestamp = fields["ts"];
      if (fields["level"] !== undefined) parsed.level = fields["level"];
      if (fields["component"] !== undefined) parsed.service = fields["component"];
      if (fields["msg"] !== undefined) parsed.message = fields["msg"];
      if (fields["duration"] !== undefined) {
        parsed.duration = fields["duration"];
        parsed.duration_field = "duration";
      }
      return parsed;
    },
    firstTimestamp: "2024-04-16T15:10:44.103Z",
    levels: ["INFO", "ERROR"],
    check: (entries) => {
      const durations = entries.filter((entry) => entry.duration_ms !== null);
      expect(durations.length).toBe(161);
      expect(entries.filter((entry) => entry.metadata.service_defaulted === true).length).toBe(161);
      expect(durations.every((entry) => (entry.duration_ms as number) > 0)).toBe(true);
    },
  },
  {
    file: "loki/drone-json.txt",
    options: { defaults: { service: "drone" } },
    toParsed: (line) => {
      const record = JSON.parse(line) as Record<string, string | number>;
      const parsed: Omit<ParsedLog, "source" | "line" | "format" | "extra"> = {};
      if (record["time"] !== undefined) parsed.timestamp = record["time"];
      if (record["level"] !== undefined) parsed.level = record["level"];
      if (record["msg"] !== undefined) parsed.message = String(record["msg"]);
      if (record["duration"] !== undefined) {
        parsed.duration = record["duration"];
        parsed.duration_field = "duration";
      }
      return parsed;
    },
    firstTimestamp: "2024-04-16T15:03:32.000Z",
    levels: ["DEBUG"],
    check: (entries) =>
      expect(entries.filter((entry) => entry.duration_ms !== null).length).toBe(60),
  },
  {
    file: "elastic-examples/apache_logs.head8000.log",
    options: { defaults: { service: "apache_logs" } },
    toParsed: (line) => {
      const match = /^\S+ \S+ \S+ (\[[^\]]+\]) "([^"]*)" (\d{3})/.exec(line);
      if (match === null) return null;
      const status = Number(match[3]);
      return {
        timestamp: match[1],
        level: status >= 500 ? "ERROR" : status >= 400 ? "WARNING" : "INFO",
        message: `${match[2]} ${status}`,
      };
    },
    firstTimestamp: "2015-05-17T10:05:03.000Z",
    levels: ["INFO", "WARNING", "ERROR"],
  },
  {
    file: "zeek-wrccdc/syslog.json",
    options: { defaults: { service: "zeek" } },
    toParsed: (line) => {
      const record = JSON.parse(line) as Record<string, string>;
      return { timestamp: record["ts"], level: record["severity"], message: record["message"] };
    },
    firstTimestamp: "2018-03-24T17:15:47.733Z",
    levels: ["INFO", "WARNING", "ERROR"],
  },
];

describe.skipIf(REAL_DATA_DIR === null)(`real sample logs (${REAL_DATA_SKIP_REASON})`, () => {
  it.each(CASES.map((item) => [item.file, item] as const))("%s", (file, item) => {
    const lines = readFileSync(join(REAL_DATA_DIR as string, file), "utf8")
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "");
    const parsed: ParsedLog[] = [];
    lines.forEach((line, index) => {
      const fields = item.toParsed(line, index + 1, file);
      expect(fields, `line ${index + 1} of ${file} should be extracted`).not.toBeNull();
      const record: ParsedLog = { source: file, line: index + 1, format: "text", extra: {} };
      for (const [key, value] of Object.entries(fields ?? {}))
        if (value !== undefined) Object.assign(record, { [key]: value });
      parsed.push(record);
    });
    const result = createNormalizer(item.options).normalizeBatch(parsed);
    expect(result.skippedByCode).toEqual({});
    expect(result.entries).toHaveLength(lines.length);
    expect(new Date(result.entries[0]?.timestamp ?? 0).toISOString()).toBe(item.firstTimestamp);
    expect([...new Set(result.entries.map((entry) => entry.level))].sort()).toEqual(
      [...item.levels].sort(),
    );
    for (const entry of result.entries) expect(LogEntrySchema.safeParse(entry).success).toBe(true);
    item.check?.(result.entries);
  });
});
