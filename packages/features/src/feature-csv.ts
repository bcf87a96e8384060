import { FEATURE_CSV_COLUMNS, FEATURE_NAMES, type FeatureVector } from "@logfeat/schema";

/** The CSV header of SPEC section 8 (no newline), built from `FEATURE_CSV_COLUMNS`. */
export const FEATURE_CSV_HEADER: string = FEATURE_CSV_COLUMNS.join(",");

/**
 * One FeatureVector as one CSV row (no newline), columns as in
 * `FEATURE_CSV_HEADER`: `window_start` ISO 8601 UTC with milliseconds, the
 * service, then each feature written with `String(n)` (shortest text that
 * reads back as the same double, e.g. `0.3333333333333333`, `1e-7`), an empty
 * cell for null. A cell containing `,`, `"`, CR or LF is quoted (RFC 4180);
 * canonical service names never need it. Metadata is not part of the CSV.
 */
export function featureToCsvRow(vector: FeatureVector): string {
  let row = `${new Date(vector.window_start).toISOString()},${csvCell(vector.service)}`;
  for (const name of FEATURE_NAMES) {
    const value = vector[name];
    row += value === null ? "," : `,${String(value)}`;
  }
  return row;
}

/**
 * FeatureVectors as CSV text (SPEC section 8): the header, then one row per
 * vector ordered by window_start, then service (code-unit order; ties keep
 * input order), every line ending with `\n`. The input is not modified.
 */
export function featuresToCsv(features: Iterable<FeatureVector>): string {
  const sorted = [...features].sort(
    (left, right) =>
      left.window_start - right.window_start ||
      (left.service < right.service ? -1 : left.service > right.service ? 1 : 0),
  );
  let text = `${FEATURE_CSV_HEADER}\n`;
  for (const vector of sorted) text += `${featureToCsvRow(vector)}\n`;
  return text;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
