// Benchmark corpora shared by parse.bench.ts (vitest, sources) and throughput.mjs (plain Node, dist).
const LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "WARNING", "ERROR"];
const SERVICES = ["api-server", "auth", "billing", "db-proxy"];

/** @param {readonly string[]} values @param {number} index */
function pick(values, index) {
  return values[index % values.length];
}

/** @param {number} index */
function timestamp(index) {
  return new Date(Date.UTC(2025, 1, 7, 10) + index * 7).toISOString();
}

/** @param {number} index */
function standardLine(index) {
  return index % 3 === 0
    ? `${timestamp(index)} ${pick(LEVELS, index)} [${pick(SERVICES, index)}] DB timeout duration_ms=${index % 900} error_code=DB_TIMEOUT request_id=req-${index}`
    : `${timestamp(index)} ${pick(LEVELS, index)} [${pick(SERVICES, index)}] GET /api/v1/orders/${index} completed for user ${index % 1000}`;
}

/**
 * `count` standard text records, a third with trailing pairs like the SPEC
 * example, cut from one decoded text the way ingestion cuts lines (so the
 * payloads are flat strings, as in a real run).
 * @param {number} count
 */
export function standardTextRecords(count) {
  return Buffer.from(Array.from({ length: count }, (_, index) => standardLine(index)).join("\n"))
    .toString("utf8")
    .split("\n")
    .map((payload, index) => ({ source: "bench.log", line: index + 1, format: "text", payload }));
}

/**
 * `count` JSON records as ingestion yields them (objects from `JSON.parse`).
 * @param {number} count
 */
export function jsonRecords(count) {
  return Array.from({ length: count }, (_, index) => ({
    source: "bench.jsonl",
    line: index + 1,
    format: "json",
    payload: JSON.parse(
      JSON.stringify({
        timestamp: timestamp(index),
        level: pick(LEVELS, index).toLowerCase(),
        service: pick(SERVICES, index),
        message: `GET /api/v1/orders/${index} completed`,
        duration_ms: index % 900,
        request_id: `req-${index}`,
        user: `u${index % 1000}`,
      }),
    ),
  }));
}
