/** Field values of record `index`: the same for every format. */
export function recordFields(index: number): {
  time: string;
  level: string;
  service: string;
  message: string;
  duration: number;
  requestId: string;
};
/** The CSV header row of the generated CSV files. */
export const CSV_HEADER: string;
/** Record `index` as one line (without its line feed) of the given format. */
export function formatRecord(format: "text" | "json" | "csv", index: number): string;
/** Writes `count` records to `path` as `format`; returns the file size in bytes. */
export function writeLogFile(
  path: string,
  format: "text" | "jsonl" | "json-array" | "csv",
  count: number,
): number;
