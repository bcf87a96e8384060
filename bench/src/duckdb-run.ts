import type { CorpusFormat } from "./corpus-formats.js";
import { DUCKDB_THREADS, duckdbAggregationSql } from "./duckdb-query.js";

/**
 * Runs `duckdbAggregationSql` on an in-memory DuckDB with `DUCKDB_THREADS`
 * threads and returns the rows as JSON-ready objects (BIGINTs as strings,
 * window_start in epoch ms). Loads `@duckdb/node-api` on first use, so a
 * missing native binary only fails here.
 */
export async function runDuckdbAggregation(
  format: CorpusFormat,
  path: string,
): Promise<Record<string, unknown>[]> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: String(DUCKDB_THREADS) });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(duckdbAggregationSql(format, path));
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
