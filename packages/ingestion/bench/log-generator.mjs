// Deterministic synthetic logs for the ingestion benchmarks (no randomness between runs).
import { closeSync, openSync, writeSync } from "node:fs";

const LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"];
const SERVICES = ["api-server", "auth", "billing", "search", "worker"];
const MESSAGES = [
  "request completed",
  "DB timeout",
  "cache miss for key user:",
  "user login succeeded",
  "retrying upstream call",
];
const BASE_TIME = Date.UTC(2025, 1, 7, 10, 0, 0);

/** Field values of record `index`: the same for every format. */
export function recordFields(index) {
  const mixed = Math.imul(index + 1, 2654435761) >>> 0;
  return {
    time: new Date(BASE_TIME + index * 37).toISOString(),
    level: LEVELS[mixed % LEVELS.length],
    service: SERVICES[(mixed >>> 3) % SERVICES.length],
    message: `${MESSAGES[(mixed >>> 7) % MESSAGES.length]} ${mixed % 10007}`,
    duration: (mixed >>> 11) % 2000,
    requestId: `req-${(mixed >>> 5).toString(16)}`,
  };
}

/** The CSV header row of the generated CSV files. */
export const CSV_HEADER = "timestamp,level,service,message,duration_ms,request_id";

/** Record `index` as one line (without its line feed) of the given format. */
export function formatRecord(format, index) {
  const fields = recordFields(index);
  if (format === "text")
    return `${fields.time} ${fields.level} [${fields.service}] ${fields.message} duration_ms=${fields.duration} request_id=${fields.requestId}`;
  if (format === "csv")
    return `${fields.time},${fields.level},${fields.service},"${fields.message}",${fields.duration},${fields.requestId}`;
  return JSON.stringify({
    timestamp: fields.time,
    level: fields.level,
    service: fields.service,
    message: fields.message,
    duration_ms: fields.duration,
    request_id: fields.requestId,
  });
}

/**
 * Writes `count` records to `path` as `format` (`text`, `jsonl`, `json-array`
 * or `csv`) in blocks of about 1 MiB; returns the file size in bytes.
 */
export function writeLogFile(path, format, count) {
  const lineFormat = format === "jsonl" || format === "json-array" ? "json" : format;
  const descriptor = openSync(path, "w");
  let size = 0;
  const write = (text) => {
    size += writeSync(descriptor, text);
  };
  try {
    if (format === "csv") write(`${CSV_HEADER}\n`);
    if (format === "json-array") write("[\n");
    let block = [];
    let blockLength = 0;
    for (let index = 0; index < count; index += 1) {
      const line = formatRecord(lineFormat, index);
      const separator = format === "json-array" && index < count - 1 ? ",\n" : "\n";
      block.push(line + separator);
      blockLength += line.length + 2;
      if (blockLength >= 1 << 20) {
        write(block.join(""));
        block = [];
        blockLength = 0;
      }
    }
    if (format === "json-array") block.push("]\n");
    write(block.join(""));
  } finally {
    closeSync(descriptor);
  }
  return size;
}
