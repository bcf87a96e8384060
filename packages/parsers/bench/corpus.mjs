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
  return Array.from({ length: count }, (_, index) =>
    jsonRecord(index, {
      timestamp: timestamp(index),
      level: pick(LEVELS, index).toLowerCase(),
      service: pick(SERVICES, index),
      message: `GET /api/v1/orders/${index} completed`,
      duration_ms: index % 900,
      request_id: `req-${index}`,
      user: `u${index % 1000}`,
    }),
  );
}

/**
 * Record `index` of a JSON Lines file holding `fields`, as ingestion yields
 * it: an object from `JSON.parse` (keys whose value is undefined left out).
 * @param {number} index @param {Record<string, unknown>} fields
 */
function jsonRecord(index, fields) {
  return {
    source: "bench.jsonl",
    line: index + 1,
    format: "json",
    payload: JSON.parse(JSON.stringify(fields)),
  };
}

/**
 * The optional keys of a JSON or CSV record: like the bench corpus, some
 * records have a duration, an error code, a request id, others not.
 * @param {number} index
 */
function optionalFields(index) {
  return {
    duration_ms: index % 4 === 3 ? undefined : index % 900,
    error_code: index % 5 === 0 ? "DB_TIMEOUT" : undefined,
    request_id: index % 3 === 1 ? undefined : `req-${index}`,
  };
}

/**
 * `count` JSON records whose optional keys come and go (so consecutive
 * records often have different key lists), as ingestion yields them.
 * @param {number} count
 */
export function mixedJsonRecords(count) {
  return Array.from({ length: count }, (_, index) =>
    jsonRecord(index, {
      timestamp: timestamp(index),
      level: pick(LEVELS, index),
      service: pick(SERVICES, index),
      message: `GET /api/v1/orders/${index} completed`,
      ...optionalFields(index),
    }),
  );
}

/**
 * `count` CSV records as ingestion yields them (header name -> cell text,
 * empty cells for the optional columns a record lacks).
 * @param {number} count
 */
export function csvRecords(count) {
  return Array.from({ length: count }, (_, index) => {
    const optional = optionalFields(index);
    return {
      source: "bench.csv",
      line: index + 2,
      format: "csv",
      payload: {
        timestamp: timestamp(index),
        level: pick(LEVELS, index),
        service: pick(SERVICES, index),
        message: `GET /api/v1/orders/${index} completed`,
        duration_ms: optional.duration_ms === undefined ? "" : String(optional.duration_ms),
        error_code: optional.error_code ?? "",
        request_id: optional.request_id ?? "",
      },
    };
  });
}
