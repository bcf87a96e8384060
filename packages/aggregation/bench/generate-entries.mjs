// Synthetic LogEntries for the benchmarks: 8 services, timestamps advancing
// ~10 ms per entry with a little disorder, durations on half the entries,
// 64 message templates and 5 error codes.
const SERVICES = ["api", "auth", "billing", "db", "gateway", "search", "storage", "worker"];
const LEVELS = ["DEBUG", "INFO", "INFO", "INFO", "INFO", "WARNING", "ERROR", "CRITICAL"];
const HASHES = Array.from({ length: 64 }, (_, index) => index.toString(16).padStart(16, "0"));
const ERROR_CODES = ["DB_TIMEOUT", "E_CONN", "E_AUTH", "E_LIMIT", "E_IO"];
const START = Date.UTC(2025, 1, 7);

/** Entries `from` .. `from + count - 1` of the synthetic stream, as an array. */
export function generateEntries(from, count) {
  const entries = new Array(count);
  for (let offset = 0; offset < count; offset += 1) {
    const index = from + offset;
    const level = LEVELS[index % LEVELS.length];
    entries[offset] = {
      timestamp: START + index * 10 - (index % 7) * 3,
      level,
      service: SERVICES[(index * 5) % SERVICES.length],
      message: "request handled",
      duration_ms: index % 2 === 0 ? (index % 997) * 0.5 : null,
      error_code: level === "ERROR" || level === "CRITICAL" ? ERROR_CODES[index % 5] : null,
      request_id: null,
      source: "bench.log",
      line: index + 1,
      metadata: { message_hash: HASHES[(index * 31) % HASHES.length] },
    };
  }
  return entries;
}
