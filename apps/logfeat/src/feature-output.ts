import { createWriteStream } from "node:fs";
import { FEATURE_CSV_HEADER, featureToCsvRow, featureToJsonLine } from "@logfeat/features";
import { type FeatureVector, formatInstant } from "@logfeat/schema";
import type { OutputFormat } from "./flags.js";

function fixed(value: number | null, digits: number): string {
  return value === null ? "-" : value.toFixed(digits);
}

const TABLE_COLUMNS = [
  ["window_start", 24],
  ["service", 0],
  ["events", 7],
  ["errors", 7],
  ["warns", 7],
  ["err_rate", 8],
  ["p95_ms", 9],
  ["max_ms", 9],
  ["msgs", 5],
  ["codes", 5],
] as const;

/**
 * FeatureVectors as an aligned text table for people (not for machines: use
 * jsonl or csv). Columns: window start, service, events, errors, warnings,
 * error rate, p95 and max duration (ms, `-` when none), distinct messages and
 * error codes.
 */
export function formatFeatureTable(features: readonly FeatureVector[]): string {
  const serviceWidth = Math.max(7, ...features.map((vector) => vector.service.length));
  const cells = (row: string[]): string =>
    row
      .map((cell, index) => {
        const width = index === 1 ? serviceWidth : (TABLE_COLUMNS[index]?.[1] ?? 0);
        return index <= 1 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  const lines = [cells(TABLE_COLUMNS.map(([name]) => name))];
  for (const vector of features)
    lines.push(
      cells([
        formatInstant(vector.window_start),
        vector.service,
        String(vector.total_events),
        String(vector.error_count),
        String(vector.warning_count),
        fixed(vector.error_rate, 4),
        fixed(vector.p95_duration_ms, 1),
        fixed(vector.max_duration_ms, 1),
        String(vector.unique_messages),
        String(vector.unique_error_codes),
      ]),
    );
  if (features.length === 0) lines.push("(no windows)");
  return `${lines.join("\n")}\n`;
}

/** FeatureVectors in one of the output formats, as the text written to the output. */
export function formatFeatures(features: readonly FeatureVector[], format: OutputFormat): string {
  if (format === "table") return formatFeatureTable(features);
  if (format === "csv")
    return `${[FEATURE_CSV_HEADER, ...features.map(featureToCsvRow)].join("\n")}\n`;
  return features.length === 0 ? "" : `${features.map(featureToJsonLine).join("\n")}\n`;
}

/**
 * Writes text to a file (`--out`) or stdout, resolving when it is flushed.
 * Rejects with the file system error for an unwritable path.
 */
export function writeOutput(text: string, outPath: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (outPath === undefined) {
      if (text === "") resolve();
      else process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
      return;
    }
    const stream = createWriteStream(outPath);
    stream.on("error", reject);
    stream.end(text, () => resolve());
  });
}
