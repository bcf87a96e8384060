import type { CorpusFormat } from "./corpus-formats.js";

/** DuckDB threads of the comparison (the machine has 2 cores). */
export const DUCKDB_THREADS = 2;

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The standard layout, as one anchored regex with named groups. */
const STANDARD_LINE = String.raw`^(\S+) (\w+) \[([^\]]+)\] (.*)$`;
/** Trailing `key=value` pairs, removed from the text message (SPEC: they are record fields). */
const TRAILING_PAIRS = String.raw`( (duration_ms|error_code|request_id)=\S+)+$`;
/** Variable tokens masked in the message template: quoted strings, IPv4, hex ids, numbers. */
const VARIABLE_TOKENS = String.raw`"[^"]*"|\b\d{1,3}(\.\d{1,3}){3}\b|\b[0-9a-fA-F]{8,}\b|\b\d+(\.\d+)?\b`;

/** A SELECT with columns ts (VARCHAR), level, service, message, duration_ms (DOUBLE), error_code. */
function recordsQuery(format: CorpusFormat, path: string): string {
  if (format === "text")
    return `
      SELECT p.ts AS ts, p.level AS level, p.service AS service,
             regexp_replace(p.rest, '${TRAILING_PAIRS}', '') AS message,
             TRY_CAST(NULLIF(regexp_extract(p.rest, ' duration_ms=([0-9.]+)', 1), '') AS DOUBLE) AS duration_ms,
             NULLIF(regexp_extract(p.rest, ' error_code=(\\S+)', 1), '') AS error_code
      FROM (
        SELECT regexp_extract(line, '${STANDARD_LINE}', ['ts', 'level', 'service', 'rest']) AS p
        FROM read_csv(${quoted(path)}, columns = {'line': 'VARCHAR'}, header = false,
                      delim = '\u001f', quote = '', escape = '', auto_detect = false)
      )`;
  const columns = `{'timestamp': 'VARCHAR', 'level': 'VARCHAR', 'service': 'VARCHAR', 'message': 'VARCHAR',
                    'duration_ms': 'DOUBLE', 'error_code': 'VARCHAR', 'request_id': 'VARCHAR'}`;
  const reader =
    format === "json"
      ? `read_json(${quoted(path)}, format = 'newline_delimited', ignore_errors = true, columns = ${columns})`
      : `read_csv(${quoted(path)}, header = true, ignore_errors = true, auto_detect = false, columns = ${columns})`;
  return `
    SELECT "timestamp" AS ts, level, service, message, duration_ms, NULLIF(error_code, '') AS error_code
    FROM ${reader}`;
}

/**
 * The aggregation of logfeat in SQL, over the same file: per (5-minute window,
 * service) the event counts, error and warning rates, median / p95
 * (`quantile_cont`, type 7 like logfeat) / max duration, distinct message
 * templates (numbers, hex ids, IPs and quoted strings masked) and distinct
 * error codes. Records with an invalid timestamp or level are dropped, as the
 * pipeline skips them. Parses the text format with `regexp_extract`, JSON
 * Lines with `read_json`, CSV with `read_csv`.
 */
export function duckdbAggregationSql(format: CorpusFormat, path: string): string {
  return `
    WITH records AS (${recordsQuery(format, path)}),
    clean AS (
      SELECT epoch_ms(TRY_CAST(ts AS TIMESTAMP)) AS at_ms, upper(level) AS level, lower(service) AS service,
             regexp_replace(trim(message), '${VARIABLE_TOKENS}', '<*>', 'g') AS template,
             duration_ms, error_code
      FROM records
      WHERE TRY_CAST(ts AS TIMESTAMP) IS NOT NULL
        AND upper(level) IN ('DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL')
        AND service IS NOT NULL AND message IS NOT NULL
    )
    SELECT at_ms - at_ms % 300000 AS window_start, service,
           count(*) AS total_events,
           count(*) FILTER (WHERE level IN ('ERROR', 'CRITICAL')) AS error_count,
           count(*) FILTER (WHERE level = 'WARNING') AS warning_count,
           count(*) FILTER (WHERE level = 'INFO') AS info_count,
           error_count / total_events AS error_rate,
           warning_count / total_events AS warning_rate,
           median(duration_ms) AS median_duration_ms,
           quantile_cont(duration_ms, 0.95) AS p95_duration_ms,
           max(duration_ms) AS max_duration_ms,
           count(DISTINCT template) AS unique_messages,
           count(DISTINCT error_code) AS unique_error_codes
    FROM clean
    GROUP BY ALL
    ORDER BY window_start, service`;
}
