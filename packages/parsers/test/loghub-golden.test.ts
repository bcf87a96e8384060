import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParsedLog } from "@logfeat/schema";
import { loghubSystems, REAL_DATA_DIR, REAL_DATA_SKIP_REASON } from "@logfeat/test-support";
import { describe, expect, it } from "vitest";
import { createParser, LOGHUB_SYSTEMS } from "../src/index.js";
import { readCsv } from "./helpers/read-csv.js";
import { textRecords } from "./helpers/records.js";

type Row = Record<string, string>;

interface Expected {
  timestamp: string;
  level: string | undefined;
  service: string;
  message: string;
  /** Columns that land in `extra` under the same or another name. */
  extra?: Record<string, string>;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const month = (name: string): string => String(MONTHS.indexOf(name) + 1).padStart(2, "0");
const pad2 = (text: string): string => text.padStart(2, "0");
const col = (row: Row, name: string): string => row[name] ?? "";

/**
 * What each system's structured CSV says the fields are, computed from its
 * columns independently of the parser's date code. Quirks: Linux's `Level`
 * column is the host (checked against extra.Host, level must be absent);
 * OpenSSH's `Component` column is the host (service is the program `sshd`);
 * Zookeeper's `Node`/`Component` are split at the first `:` of
 * `thread:Class`, the parser splits at the last, so the service is compared
 * with the text after the last `:` of `Node:Component`. The parser trims
 * field values other than the message (Thunderbird has a component `scsi0 `).
 */
const EXPECTED: Record<string, (row: Row) => Expected> = {
  Android: (row) => ({
    timestamp: `${col(row, "Date")} ${col(row, "Time")}`,
    level: col(row, "Level"),
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { Pid: col(row, "Pid"), Tid: col(row, "Tid") },
  }),
  Apache: (row) => {
    const [, monthName, day, time, year] = col(row, "Time").split(/\s+/) as string[];
    return {
      timestamp: `${year}-${month(monthName as string)}-${pad2(day as string)}T${time}.000`,
      level: col(row, "Level"),
      service: "apache",
      message: col(row, "Content"),
    };
  },
  BGL: (row) => ({
    timestamp: col(row, "Timestamp"),
    level: col(row, "Level"),
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { Node: col(row, "Node"), Label: col(row, "Label") },
  }),
  HDFS: (row) => {
    const date = col(row, "Date");
    const time = col(row, "Time");
    return {
      timestamp: `20${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.000`,
      level: col(row, "Level"),
      service: col(row, "Component"),
      message: col(row, "Content"),
      extra: { Pid: col(row, "Pid") },
    };
  },
  HPC: (row) => ({
    timestamp: col(row, "Time"),
    level: undefined,
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { Node: col(row, "Node"), State: col(row, "State") },
  }),
  Hadoop: (row) => ({
    timestamp: `${col(row, "Date")}T${col(row, "Time").replace(",", ".")}`,
    level: col(row, "Level"),
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { Process: col(row, "Process") },
  }),
  HealthApp: (row) => {
    const time = col(row, "Time");
    const [date, clock] = time.split("-") as [string, string];
    const [hours, minutes, seconds, millis] = clock.split(":") as string[];
    return {
      timestamp: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${pad2(hours as string)}:${pad2(minutes as string)}:${pad2(seconds as string)}.${(millis as string).padStart(3, "0")}`,
      level: undefined,
      service: col(row, "Component"),
      message: col(row, "Content"),
      extra: { Pid: col(row, "Pid") },
    };
  },
  Linux: (row) => ({
    timestamp: `${month(col(row, "Month"))}-${pad2(col(row, "Date"))} ${col(row, "Time")}.000`,
    level: undefined,
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { Host: col(row, "Level") },
  }),
  Mac: (row) => ({
    timestamp: `${month(col(row, "Month"))}-${pad2(col(row, "Date"))} ${col(row, "Time")}.000`,
    level: undefined,
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { User: col(row, "User"), PID: col(row, "PID") },
  }),
  OpenSSH: (row) => ({
    timestamp: `${month(col(row, "Date"))}-${pad2(col(row, "Day"))} ${col(row, "Time")}.000`,
    level: undefined,
    service: "sshd",
    message: col(row, "Content"),
    extra: { Host: col(row, "Component"), Pid: col(row, "Pid") },
  }),
  OpenStack: (row) => ({
    timestamp: `${col(row, "Date")}T${col(row, "Time")}`,
    level: col(row, "Level"),
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { Pid: col(row, "Pid"), ADDR: col(row, "ADDR") },
  }),
  Proxifier: (row) => {
    const [date, time] = col(row, "Time").split(" ") as [string, string];
    return {
      timestamp: `${date.replace(".", "-")} ${time}.000`,
      level: undefined,
      service: col(row, "Program"),
      message: col(row, "Content"),
    };
  },
  Spark: (row) => ({
    timestamp: `20${col(row, "Date").replaceAll("/", "-")}T${col(row, "Time")}.000`,
    level: col(row, "Level"),
    service: col(row, "Component"),
    message: col(row, "Content"),
  }),
  Thunderbird: (row) => ({
    timestamp: col(row, "Timestamp"),
    level: undefined,
    service: col(row, "Component"),
    message: col(row, "Content"),
    extra: { User: col(row, "User"), Location: col(row, "Location") },
  }),
  Windows: (row) => ({
    timestamp: `${col(row, "Date")}T${col(row, "Time")}.000`,
    level: col(row, "Level"),
    service: col(row, "Component"),
    message: col(row, "Content"),
  }),
  Zookeeper: (row) => ({
    timestamp: `${col(row, "Date")}T${col(row, "Time").replace(",", ".")}`,
    level: col(row, "Level"),
    service: `${col(row, "Node")}:${col(row, "Component")}`.split(":").at(-1) as string,
    message: col(row, "Content"),
    extra: { Id: col(row, "Id") },
  }),
};

function mismatches(parsed: ParsedLog | null, expected: Expected): string[] {
  if (parsed === null) return ["no match"];
  const problems: string[] = [];
  const compare = (name: string, actual: unknown, wanted: unknown): void => {
    if (actual !== wanted)
      problems.push(`${name}: ${JSON.stringify(actual)} != ${JSON.stringify(wanted)}`);
  };
  compare("timestamp", parsed.timestamp, expected.timestamp);
  compare("level", parsed.level, expected.level);
  compare("service", parsed.service, expected.service.trim());
  compare("message", parsed.message, expected.message);
  for (const [key, value] of Object.entries(expected.extra ?? {}))
    compare(`extra.${key}`, parsed.extra[key], value === "" ? undefined : value);
  return problems;
}

const title =
  REAL_DATA_DIR === null
    ? `loghub golden files (skipped: ${REAL_DATA_SKIP_REASON})`
    : "loghub golden files";

describe.skipIf(REAL_DATA_DIR === null)(title, () => {
  const dir = join(REAL_DATA_DIR ?? "", "loghub");
  const systems = loghubSystems().filter((system) =>
    existsSync(join(dir, system, `${system}_2k.log_structured.csv`)),
  );

  it("has a built-in layout and an expectation for every loghub system present", () => {
    expect(systems.length).toBeGreaterThan(0);
    for (const system of systems) {
      expect(LOGHUB_SYSTEMS).toContain(system);
      expect(EXPECTED[system]).toBeDefined();
    }
  });

  it.each(systems)("loghub:%s reproduces the structured CSV for >= 99.9% of lines", (system) => {
    const raw = readFileSync(join(dir, system, `${system}_2k.log`), "utf8");
    const rows = readCsv(
      readFileSync(join(dir, system, `${system}_2k.log_structured.csv`), "utf8"),
    );
    const records = textRecords(raw, `${system}_2k.log`);
    const parser = createParser({ layout: `loghub:${system}` });
    const expectation = EXPECTED[system] as (row: Row) => Expected;
    let matched = 0;
    const failures: string[] = [];
    for (const row of rows) {
      const record = records[Number(row["LineId"]) - 1];
      const problems =
        record === undefined ? ["no raw line"] : mismatches(parser.parse(record), expectation(row));
      if (problems.length === 0) matched += 1;
      else if (failures.length < 5) failures.push(`line ${row["LineId"]}: ${problems.join("; ")}`);
    }
    const rate = matched / rows.length;
    console.log(
      `loghub:${system}: ${matched}/${rows.length} lines match (${(rate * 100).toFixed(2)}%)${
        failures.length > 0 ? `\n  ${failures.join("\n  ")}` : ""
      }`,
    );
    expect(rows.length).toBe(records.length);
    expect(rate).toBeGreaterThanOrEqual(0.999);
  });
});
