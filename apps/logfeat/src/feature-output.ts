import { once } from "node:events";
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

/** FeatureVectors per piece of output text (a run's output is written piece by piece). */
const FEATURES_PER_PIECE = 1000;

/**
 * FeatureVectors in one of the output formats, as the pieces of text written
 * to the output, in order (their concatenation is the whole output): a
 * large run is never held as one string. No piece for an empty jsonl output.
 */
export function* formatFeatures(
  features: readonly FeatureVector[],
  format: OutputFormat,
): Generator<string> {
  if (format === "table") {
    yield formatFeatureTable(features);
    return;
  }
  if (format === "csv") yield `${FEATURE_CSV_HEADER}\n`;
  const formatLine = format === "csv" ? featureToCsvRow : featureToJsonLine;
  for (let start = 0; start < features.length; start += FEATURES_PER_PIECE) {
    let piece = "";
    for (const feature of features.slice(start, start + FEATURES_PER_PIECE))
      piece += `${formatLine(feature)}\n`;
    yield piece;
  }
}

/**
 * Writes the pieces of text to a file (`--out`) or stdout, waiting for the
 * stream to drain when it asks to, and resolves when all is flushed.
 * Rejects with the file system error for an unwritable path.
 */
export async function writeOutput(
  pieces: Iterable<string>,
  outPath: string | undefined,
): Promise<void> {
  const stream = outPath === undefined ? process.stdout : createWriteStream(outPath);
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  failed.catch(() => {});
  for (const piece of pieces)
    if (!stream.write(piece)) await Promise.race([once(stream, "drain"), failed]);
  if (outPath === undefined)
    await Promise.race([new Promise<void>((resolve) => stream.write("", () => resolve())), failed]);
  else await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]);
}
