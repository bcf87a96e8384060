import { readFileSync } from "node:fs";
import { FEATURE_NAMES } from "@logfeat/schema";

/** The objects of a JSON Lines file. */
export function readJsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function sameNumber(left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null || right === undefined)
    return (left ?? null) === (right ?? null);
  const a = Number(left);
  const b = Number(right);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/**
 * How many windows differ between logfeat's FeatureVectors (as JSON, window_start
 * ISO) and DuckDB's rows (window_start in epoch ms): a window present on one
 * side only counts, and so does one whose compared features differ beyond
 * 1e-9 relative.
 */
export function countDifferingWindows(
  features: readonly Record<string, unknown>[],
  duckdbRows: readonly Record<string, unknown>[],
): number {
  const duckdb = new Map<string, Record<string, unknown>>();
  for (const row of duckdbRows)
    duckdb.set(
      `${new Date(Number(row["window_start"])).toISOString()}|${String(row["service"])}`,
      row,
    );
  let differing = 0;
  let matched = 0;
  for (const feature of features) {
    const row = duckdb.get(`${String(feature["window_start"])}|${String(feature["service"])}`);
    if (row === undefined) {
      differing++;
      continue;
    }
    matched++;
    if (!FEATURE_NAMES.every((name) => sameNumber(feature[name], row[name]))) differing++;
  }
  return differing + (duckdb.size - matched);
}
