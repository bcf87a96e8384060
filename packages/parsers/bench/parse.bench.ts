import type { JsonRawRecord, TextRawRecord } from "@logfeat/schema";
import { bench, describe } from "vitest";
import { createParser } from "../src/index.js";

const RECORDS = 1_000_000;
const LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "WARNING", "ERROR"];
const SERVICES = ["api-server", "auth", "billing", "db-proxy"];

function pick<T>(values: readonly T[], index: number): T {
  return values[index % values.length] as T;
}

function timestamp(index: number): string {
  return new Date(Date.UTC(2025, 1, 7, 10) + index * 7).toISOString();
}

function standardLine(index: number): string {
  return index % 3 === 0
    ? `${timestamp(index)} ${pick(LEVELS, index)} [${pick(SERVICES, index)}] DB timeout duration_ms=${index % 900} error_code=DB_TIMEOUT request_id=req-${index}`
    : `${timestamp(index)} ${pick(LEVELS, index)} [${pick(SERVICES, index)}] GET /api/v1/orders/${index} completed for user ${index % 1000}`;
}

/**
 * 1M standard lines, a third with trailing pairs like the SPEC example. Cut
 * from one decoded text the way ingestion cuts lines, so the payloads are
 * flat strings as in a real run.
 */
const textRecords: TextRawRecord[] = Buffer.from(
  Array.from({ length: RECORDS }, (_, index) => standardLine(index)).join("\n"),
)
  .toString("utf8")
  .split("\n")
  .map((payload, index) => ({ source: "bench.log", line: index + 1, format: "text", payload }));

/** 1M JSON objects as ingestion yields them (already JSON.parse'd). */
const jsonRecords: JsonRawRecord[] = Array.from({ length: RECORDS }, (_, index) => ({
  source: "bench.jsonl",
  line: index + 1,
  format: "json",
  payload: {
    timestamp: timestamp(index),
    level: pick(LEVELS, index).toLowerCase(),
    service: pick(SERVICES, index),
    message: `GET /api/v1/orders/${index} completed`,
    duration_ms: index % 900,
    request_id: `req-${index}`,
    user: `u${index % 1000}`,
  },
}));

describe("parse 1M records (records/s = 1e6 / mean seconds)", () => {
  bench(
    "standard text lines, auto layout",
    () => {
      const parser = createParser();
      for (const record of textRecords) parser.parse(record);
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
  bench(
    "standard text lines, layout: standard",
    () => {
      const parser = createParser({ layout: "standard" });
      for (const record of textRecords) parser.parse(record);
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
  bench(
    "JSON objects",
    () => {
      const parser = createParser();
      for (const record of jsonRecords) parser.parse(record);
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
  bench(
    "standard text lines, parseBatch in chunks of 4096",
    () => {
      const parser = createParser();
      for (let start = 0; start < textRecords.length; start += 4096)
        parser.parseBatch(textRecords.slice(start, start + 4096));
    },
    { iterations: 3, warmupIterations: 1, time: 0 },
  );
});
